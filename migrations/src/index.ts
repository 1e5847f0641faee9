import { Initial1764230400000 } from './1764230400000-initial';
import { PlanningModel1764316800000 } from './1764316800000-planning-model';
import { AccountsAndAudit1764403200000 } from './1764403200000-accounts-and-audit';
import { MonotonicVersions1764489600000 } from './1764489600000-monotonic-versions';
import { References1764576000000 } from './1764576000000-references';
import { LegalDetails1764662400000 } from './1764662400000-legal-details';
import { FrontLineAndCore1764748800000 } from './1764748800000-front-line-and-core';
import { Revisions1764835200000 } from './1764835200000-revisions';
import { Decisions1764921600000 } from './1764921600000-decisions';
import { Advice1765008000000 } from './1765008000000-advice';
import { AppRole1765094400000 } from './1765094400000-app-role';
import { LimitAndSubstituteChanges1765180800000 } from './1765180800000-limit-and-substitute-changes';
import { LoginThrottling1765267200000 } from './1765267200000-login-throttling';
import { HoldingAssessments1765353600000 } from './1765353600000-holding-assessments';
import { AuditChain1765440000000 } from './1765440000000-audit-chain';
import { ContentKeys1765785600000 } from './1765785600000-content-keys';
import { AuditRefusals1765872000000 } from './1765872000000-audit-refusals';
import { OrdinanceLayout1765958400000 } from './1765958400000-ordinance-layout';
import { OrdinancePreviews1766044800000 } from './1766044800000-ordinance-previews';
import { Invitations1766131200000 } from './1766131200000-invitations';
import { PasswordResets1766217600000 } from './1766217600000-password-resets';
import { AppReadsMigrations1766304000000 } from './1766304000000-app-reads-migrations';
import { CommentAuthors1766476800000 } from './1766476800000-comment-authors';
import { UnionRepresentatives1766563200000 } from './1766563200000-union-representatives';

/** Every migration, oldest first. Never edit one after it is committed: add a new one. */
export const migrations = [
  Initial1764230400000,
  PlanningModel1764316800000,
  AccountsAndAudit1764403200000,
  MonotonicVersions1764489600000,
  References1764576000000,
  LegalDetails1764662400000,
  FrontLineAndCore1764748800000,
  Revisions1764835200000,
  Decisions1764921600000,
  Advice1765008000000,
  AppRole1765094400000,
  LimitAndSubstituteChanges1765180800000,
  LoginThrottling1765267200000,
  HoldingAssessments1765353600000,
  AuditChain1765440000000,
  ContentKeys1765785600000,
  AuditRefusals1765872000000,
  OrdinanceLayout1765958400000,
  OrdinancePreviews1766044800000,
  Invitations1766131200000,
  PasswordResets1766217600000,
  AppReadsMigrations1766304000000,
  CommentAuthors1766476800000,
  UnionRepresentatives1766563200000,
];
