import { ErrorCode, FIELD_ERROR_CODES, ROLES } from '@tillit/contract';
import { planJsonSchema, RULE_GROUPS, RULES } from '@tillit/domain';

/**
 * OpenAPI 3.1 schemas (JSON Schema 2020-12) of the bodies whose types live in libs/contract and
 * libs/domain. The exported constants are references: each schema is listed once, by name, under
 * components.schemas (see NAMED_SCHEMAS), so a generated client gets one named type for it.
 */

/** The schemas that the document lists under components.schemas, by name. */
export const NAMED_SCHEMAS: Record<string, object> = {};

function named(name: string, schema: object): { $ref: string } {
  NAMED_SCHEMAS[name] = schema;
  return { $ref: `#/components/schemas/${name}` };
}

const text = { type: 'object', properties: { sv: { type: 'string' }, en: { type: 'string' } }, required: ['sv', 'en'] };
const int = { type: 'integer' };
const str = { type: 'string' };
const strings = { type: 'array', items: str };
const nullableInt = { type: ['integer', 'null'] };
const nullableStr = { type: ['string', 'null'] };
const nullableNumber = { type: ['number', 'null'] };

export const PLAN_DOCUMENT_SCHEMA = named('PlanDocument', planJsonSchema());

export const FINDING_SCHEMA = named('Finding', {
  type: 'object',
  properties: {
    key: { ...str, description: 'The same problem at another stage has the same key' },
    id: str,
    rule: { type: 'string', enum: Object.keys(RULES) },
    group: { type: 'string', enum: [...RULE_GROUPS] },
    severity: { type: 'string', enum: ['blocker', 'warning', 'info'] },
    stageIndex: {
      ...nullableInt,
      description: 'Where the finding is reported, the first state it holds in: null: the plan as a whole; 0: the baseline; k: after stage k',
    },
    stageId: nullableStr,
    subjects: { type: 'array', items: { type: 'object', properties: { type: str, id: str } } },
    message: text,
    fix: text,
    since: { ...nullableInt, description: 'First stage of the unbroken run where the problem (its key) holds' },
    until: {
      ...nullableInt,
      description: 'Last state the finding holds in (a lasting problem is one finding); null: to the plan’s last state, or the plan as a whole',
    },
  },
});

export const METRICS_SCHEMA = named('Metrics', {
  type: 'object',
  properties: {
    stageIndex: int,
    stageId: nullableStr,
    actors: int,
    decisionAreas: int,
    decisionsPerLevel: { type: 'array', items: int },
    meanDeciderDepth: nullableNumber,
    meanDelegationLevel: nullableNumber,
    reportingHoursPerYear: { type: 'number' },
    openGaps: int,
    closedGaps: int,
    risks: int,
    levelsConsulted: { type: 'array', items: int },
    changesApplied: int,
    changesNotApplicable: int,
  },
});

export const GAP_SCHEMA = named('Gap', {
  type: 'object',
  properties: {
    stageIndex: int,
    stageId: nullableStr,
    actorId: str,
    competenceId: str,
    required: int,
    heldAtBaseline: int,
    held: int,
    decisionAreaIds: strings,
    status: { type: 'string', enum: ['open', 'closed'] },
    closingActionIds: strings,
    lateActionIds: strings,
  },
});

const severityCounts = {
  type: 'object',
  properties: { blocker: int, warning: int, info: int },
  required: ['blocker', 'warning', 'info'],
};

/** One page of a list; `nextCursor` asks for the next page and is null after the last. */
function page(items: object, what: string): object {
  return {
    type: 'object',
    properties: {
      items: { type: 'array', items },
      matched: { ...int, description: `How many ${what} match the filters, on all pages` },
      nextCursor: { ...nullableStr, description: 'Send as `cursor` for the next page; null after the last' },
    },
    required: ['items', 'matched', 'nextCursor'],
  };
}

export const ANALYSIS_SUMMARY_SCHEMA = named('AnalysisSummary', {
  type: 'object',
  description: 'Counts of the findings; each split adds up to `findings`',
  properties: {
    findings: int,
    bySeverity: severityCounts,
    byRule: { type: 'object', propertyNames: { enum: Object.keys(RULES) }, additionalProperties: int, description: 'Rules that occur' },
    byStage: {
      type: 'array',
      description: 'The plan-wide findings first (stageIndex null), then every state',
      items: {
        type: 'object',
        properties: { stageIndex: nullableInt, total: int, bySeverity: severityCounts },
        required: ['stageIndex', 'total', 'bySeverity'],
      },
    },
    gaps: {
      type: 'array',
      description: 'Competence gaps of every state (the gaps themselves: GET /api/plans/{id}/analysis/gaps)',
      items: { type: 'object', properties: { stageIndex: int, open: int, closed: int }, required: ['stageIndex', 'open', 'closed'] },
    },
    notApplicable: { ...int, description: 'Changes that no longer apply to the state they meet (each is also a finding)' },
  },
  required: ['findings', 'bySeverity', 'byRule', 'byStage', 'gaps', 'notApplicable'],
});

export const ANALYSIS_SCHEMA = named('Analysis', {
  type: 'object',
  properties: {
    planId: str,
    stages: { type: 'array', items: { type: 'object', properties: { index: int, id: str, name: str } } },
    summary: ANALYSIS_SUMMARY_SCHEMA,
    metrics: { type: 'array', items: METRICS_SCHEMA },
    findings: page(FINDING_SCHEMA, 'findings'),
  },
  required: ['planId', 'stages', 'summary', 'metrics', 'findings'],
});

export const GAPS_SCHEMA = named('Gaps', {
  type: 'object',
  properties: { planId: str, gaps: page(GAP_SCHEMA, 'gaps') },
  required: ['planId', 'gaps'],
});

export const STATE_SCHEMA = named('State', {
  type: 'object',
  properties: {
    planId: str,
    index: int,
    stageId: nullableStr,
    actors: {
      type: 'array',
      items: { type: 'object', properties: { id: str, name: str, kind: str, reportsTo: nullableStr, retired: { type: 'boolean' }, level: int } },
    },
    decisionAreas: {
      type: 'array',
      items: { type: 'object', properties: { id: str, code: str, title: str, section: str, kind: str, retired: { type: 'boolean' } } },
    },
    rights: {
      type: 'array',
      items: {
        type: 'object',
        properties: { decisionAreaId: str, deciderId: str, delegatorId: nullableStr, level: int, effectiveDeciders: strings },
      },
    },
  },
});

const change = { type: ['object', 'null'], description: 'before and after, in the plan format' };
export const DIFF_SCHEMA = named('Diff', {
  type: 'object',
  properties: {
    planId: str,
    fromIndex: int,
    toIndex: int,
    rights: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          decisionAreaId: str,
          before: change,
          after: change,
          kinds: {
            type: 'array',
            items: { type: 'string', enum: ['added', 'removed', 'moved', 'delegator', 'level', 'consultation', 'reporting', 'onward_delegation'] },
          },
          effectiveBefore: strings,
          effectiveAfter: strings,
        },
      },
    },
    actors: { type: 'array', items: { type: 'object', properties: { actorId: str, before: change, after: change, kinds: strings } } },
    areas: { type: 'array', items: { type: 'object', properties: { decisionAreaId: str, before: change, after: change, kinds: strings } } },
    gained: { type: 'array', items: { type: 'object', properties: { actorId: str, decisionAreaId: str } } },
    lost: { type: 'array', items: { type: 'object', properties: { actorId: str, decisionAreaId: str } } },
  },
});

const membership = { type: 'object', properties: { organisationId: str, organisationName: str, role: { type: 'string', enum: [...ROLES] } } };
const user = { type: 'object', properties: { id: str, email: str, displayName: str } };

export const SESSION_SCHEMA = named('Session', {
  type: 'object',
  properties: {
    token: { ...str, description: 'Send as Authorization: Bearer <token>' },
    expiresAt: str,
    user,
    organisation: membership,
    memberships: { type: 'array', items: membership },
  },
});

export const ME_SCHEMA = named('Me', { type: 'object', properties: { user, organisation: membership } });

export const MEMBER_SCHEMA = named('Member', {
  type: 'object',
  properties: {
    userId: str,
    email: str,
    displayName: str,
    role: { type: 'string', enum: [...ROLES] },
    unionRep: { type: 'boolean', description: 'A union representative: their comments on stages are marked as such' },
    disabled: { type: 'boolean', description: 'The account is disabled: it cannot log in anywhere' },
    memberSince: str,
  },
});

const invitationProperties = {
  id: { ...str, format: 'uuid' },
  email: str,
  role: { type: 'string', enum: [...ROLES] },
  createdAt: { ...str, format: 'date-time' },
  expiresAt: { ...str, format: 'date-time' },
};

export const INVITATION_SCHEMA = named('Invitation', { type: 'object', properties: invitationProperties });

export const CREATED_INVITATION_SCHEMA = named('CreatedInvitation', {
  type: 'object',
  properties: {
    ...invitationProperties,
    token: { ...str, description: 'Shown once: the invitation link is `<public URL>/#/invitation/<token>`' },
  },
});

export const INVITATION_PREVIEW_SCHEMA = named('InvitationPreview', {
  type: 'object',
  properties: { organisationName: str, role: { type: 'string', enum: [...ROLES] }, email: str, expiresAt: { ...str, format: 'date-time' } },
});

export const PASSWORD_RESET_SCHEMA = named('PasswordReset', {
  type: 'object',
  properties: {
    token: { ...str, description: 'Shown once: the link is `<public URL>/#/reset-password/<token>`' },
    expiresAt: { ...str, format: 'date-time' },
  },
});

export const PASSWORD_RESET_PREVIEW_SCHEMA = named('PasswordResetPreview', { type: 'object', properties: { email: str } });

export const AUDIT_ENTRY_SCHEMA = named('AuditEntry', {
  type: 'object',
  properties: {
    id: str,
    at: { ...str, format: 'date-time' },
    userId: nullableStr,
    userName: { ...nullableStr, description: 'The user’s display name' },
    action: str,
    entity: nullableStr,
    entityId: nullableStr,
    before: { description: 'The entity before the write, any JSON value or null' },
    after: { description: 'The entity after the write, any JSON value or null' },
    client: nullableStr,
    subject: { ...nullableStr, description: 'The name of what the entry is about, where it can be read' },
  },
});

export const ORGANISATION_SCHEMA = named('Organisation', {
  type: 'object',
  required: ['id', 'name', 'createdAt', 'members'],
  properties: { id: { ...str, format: 'uuid' }, name: str, createdAt: { ...str, format: 'date-time' }, members: { type: 'integer' } },
});

export const AUDIT_FACETS_SCHEMA = named('AuditFacets', {
  type: 'object',
  properties: {
    actions: { type: 'array', items: str },
    entities: { type: 'array', items: str },
    users: { type: 'array', items: { type: 'object', properties: { id: str, name: str } } },
  },
});

export const HEALTH_SCHEMA = named('Health', {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['ok', 'error'] },
    database: { type: 'string', enum: ['up', 'down'] },
    databaseKind: { type: 'string', enum: ['embedded', 'server'] },
  },
});

export const ERROR_SCHEMA = named('ErrorResponse', {
  type: 'object',
  properties: {
    statusCode: { type: 'integer' },
    code: { type: 'string', enum: Object.values(ErrorCode) },
    message: { type: 'string', description: 'In English, for developers; clients show their own text for `code`' },
    errors: {
      type: 'array',
      description: 'With 400: each field, why (a stable code with its params) and the reason in English',
      items: {
        type: 'object',
        properties: {
          field: { type: 'string' },
          code: { type: 'string', enum: [...FIELD_ERROR_CODES] },
          params: {
            type: 'object',
            additionalProperties: true,
            description: 'e.g. { minimum: 1 }, { other: "startDate" }, { by: [{ kind, label }] }',
          },
          reason: { type: 'string' },
        },
        required: ['field', 'code', 'reason'],
      },
    },
    currentVersion: { type: 'integer', description: 'With 409 version_conflict: the version stored now' },
    status: { type: 'string', description: 'With 409 plan_frozen: the plan status' },
    retryAfter: { type: 'integer', description: 'With 429: seconds to wait before trying again (also the Retry-After header)' },
    memberships: {
      type: 'array',
      description: 'With 409 organisation_required: the organisations the account may log in to',
      items: membership,
    },
  },
  required: ['statusCode', 'code', 'message'],
});

export const REVISION_SCHEMA = named('Revision', {
  type: 'object',
  required: [
    'number',
    'planVersion',
    'summary',
    'proposals',
    'diarienummer',
    'justifications',
    'sha256',
    'bytes',
    'submittedAt',
    'submittedBy',
    'decision',
  ],
  properties: {
    number: { type: 'integer', minimum: 1 },
    planVersion: { type: 'integer', minimum: 1 },
    summary: { type: 'string' },
    proposals: { type: 'array', items: { type: 'string' } },
    diarienummer: nullableStr,
    justifications: {
      type: 'array',
      items: { type: 'object', required: ['finding', 'text'], properties: { finding: { type: 'string' }, text: { type: 'string' } } },
    },
    sha256: { type: 'string', pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the content, lower-case hex' },
    bytes: { type: 'integer', description: 'Size of the content in bytes' },
    submittedAt: { type: 'string', format: 'date-time' },
    submittedBy: {
      anyOf: [
        { type: 'object', required: ['id', 'displayName'], properties: { id: { type: 'string' }, displayName: { type: 'string' } } },
        { type: 'null' },
      ],
    },
    decision: {
      description: 'The latest decision recorded on the revision, or null before the meeting',
      anyOf: [
        {
          type: 'object',
          required: ['id', 'outcome', 'justerad', 'meetingDate', 'paragraph'],
          properties: {
            id: { type: 'string', format: 'uuid' },
            outcome: { type: 'string', enum: ['approved', 'approved_with_conditions', 'returned', 'tabled'] },
            justerad: { type: 'boolean' },
            meetingDate: { type: 'string', format: 'date' },
            paragraph: { type: 'string' },
          },
        },
        { type: 'null' },
      ],
    },
  },
});

export const BOARD_MEMBER_SCHEMA = named('BoardMember', {
  type: 'object',
  required: ['id', 'displayName'],
  properties: { id: { type: 'string', format: 'uuid' }, displayName: { type: 'string' } },
});

export const ADVICE_SCHEMA = named('Advice', {
  type: 'object',
  required: ['memberId', 'displayName', 'position', 'comment', 'givenAt'],
  properties: {
    memberId: { type: 'string', format: 'uuid' },
    displayName: { type: 'string' },
    position: { type: 'string', enum: ['ja', 'nej', 'avstar'] },
    comment: nullableStr,
    givenAt: { type: 'string', format: 'date-time' },
  },
});
