import { Logger } from '@nestjs/common';
import { migrations } from '@tillit/migrations';
import { ClientBase } from 'pg';
import { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { ActorEntity } from '../actors/actor.entity';
import { ClarityAssessmentEntity } from '../assessments/clarity-assessment.entity';
import { AuditLogEntity } from '../audit/audit-log.entity';
import { AppUserEntity } from '../auth/app-user.entity';
import { InvitationEntity } from '../auth/invitation.entity';
import { LoginAttemptEntity } from '../auth/login-attempt.entity';
import { PasswordResetEntity } from '../auth/password-reset.entity';
import { MembershipEntity } from '../auth/membership.entity';
import { SessionEntity } from '../auth/session.entity';
import { CompetenceEntity } from '../competence/competence.entity';
import { DevelopmentActionEntity } from '../competence/development-action.entity';
import { HoldingEntity } from '../competence/holding.entity';
import { HoldingHistoryEntity } from '../competence/holding-history.entity';
import { OrdinanceLayoutEntity } from '../ordinance/ordinance-layout.entity';
import { OrdinancePreviewEntity } from '../ordinance/ordinance-preview.entity';
import { ConsequenceEntity } from '../consequences/consequence.entity';
import { DecisionAreaEntity } from '../decision-areas/decision-area.entity';
import { DecisionRightEntity } from '../decision-areas/decision-right.entity';
import { RequirementEntity } from '../decision-areas/requirement.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { ConsultationEntity } from '../participation/consultation.entity';
import { StageCommentEntity } from '../participation/stage-comment.entity';
import { PlanEntity } from '../plans/plan.entity';
import { PrincipleEntity } from '../plans/principle.entity';
import { BoardDecisionEntity, DecisionJusteringEntity } from '../revisions/board-decision.entity';
import { RevisionAdviceEntity } from '../revisions/revision-advice.entity';
import { PlanRevisionEntity } from '../revisions/plan-revision.entity';
import { PlanChangeEntity } from '../stages/plan-change.entity';
import { StageEntity } from '../stages/stage.entity';

/**
 * One entity per table, mirroring the migrations exactly (entities-match-migrations.spec.ts checks it).
 * The migrations alone change the schema.
 */
export const entities = [
  OrganisationEntity,
  PlanEntity,
  PrincipleEntity,
  ActorEntity,
  CompetenceEntity,
  DecisionAreaEntity,
  RequirementEntity,
  DecisionRightEntity,
  StageEntity,
  PlanChangeEntity,
  HoldingEntity,
  HoldingHistoryEntity,
  OrdinanceLayoutEntity,
  OrdinancePreviewEntity,
  DevelopmentActionEntity,
  ClarityAssessmentEntity,
  ConsequenceEntity,
  ConsultationEntity,
  StageCommentEntity,
  AppUserEntity,
  MembershipEntity,
  SessionEntity,
  LoginAttemptEntity,
  InvitationEntity,
  PasswordResetEntity,
  AuditLogEntity,
  PlanRevisionEntity,
  BoardDecisionEntity,
  DecisionJusteringEntity,
  RevisionAdviceEntity,
];

const poolLogger = new Logger('DatabasePool');

/** Connections to a PostgreSQL server per app instance. */
export const SERVER_POOL_SIZE = 10;

/**
 * How long a request may wait for the embedded database's one connection. A large import holds it for
 * its whole transaction (seconds; PGlite runs one statement at a time and lets no other connection in
 * while a transaction is open), and a request queued behind it should then be answered late, not 503.
 */
export const EMBEDDED_CONNECTION_WAIT_MS = 120_000;

/** The role the running app works as: it owns nothing and may not change revisions or decisions (ADR 0005). */
export const APP_ROLE = 'tillit_app';

/**
 * One definition of how the owner of the schema talks to PostgreSQL (migrations, tools), for the server
 * and the embedded database alike.
 * The embedded database gets one connection: PGlite runs one statement at a time, and its socket server
 * can interleave two connections' extended-protocol messages (a Bind of one meeting the Parse of the
 * other) when requests arrive together.
 */
export function dataSourceOptions(url: string, embedded = false): PostgresDataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    installExtensions: false,
    // TypeORM's model of a generated uuid is then gen_random_uuid(), as the migrations write it (built in
    // since PostgreSQL 13; with installExtensions off no extension is created).
    uuidExtension: 'pgcrypto',
    logging: false,
    // Also how long a request waits for a pooled connection (pg-pool's connectionTimeoutMillis).
    connectTimeoutMS: embedded ? EMBEDDED_CONNECTION_WAIT_MS : 5000,
    // A connection dropped by a database restart must not crash the process; the pool reconnects.
    poolErrorHandler: (err: Error) => poolLogger.warn(`Database connection lost: ${err.message}`),
    extra: { max: embedded ? 1 : SERVER_POOL_SIZE, idleTimeoutMillis: 30000 },
  };
}

/**
 * How the running app talks to PostgreSQL: the owner's connection, switched to the app's role before the
 * pool hands it out (pg-pool awaits `onConnect`), so every connection, also one opened after a database
 * restart, works as that role. A startup option (`-c role=…`) would do on a server but PGlite ignores it.
 * The schema is migrated beforehand, as the owner (`migrateAsOwner`).
 */
export function appDataSourceOptions(url: string, embedded = false): PostgresDataSourceOptions {
  const options = dataSourceOptions(url, embedded);
  return {
    ...options,
    migrationsRun: false,
    extra: { ...options.extra, onConnect: (client: ClientBase) => client.query(`SET ROLE ${APP_ROLE}`) },
  };
}
