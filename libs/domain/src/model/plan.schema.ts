import { z } from 'zod';

/**
 * The JSON plan format, version 1: the product's export/import format and the input of every rule.
 * These schemas are the single source of the model's types and of docs/plan.schema.json.
 */

export const PLAN_FORMAT_VERSION = 1;

const id = z.string().min(1).max(100).describe('An identifier, unique within its kind in the plan');
const text = (max: number) => z.string().max(max);
const isoDate = z.iso.date().describe('A calendar date, YYYY-MM-DD');

export const ACTOR_KINDS = ['governing_body', 'executive', 'manager', 'unit', 'team', 'role', 'professional_group', 'support_function'] as const;
/** Kinds that are groups of employees: the law does not allow formal delegation to them. */
export const GROUP_ACTOR_KINDS: readonly (typeof ACTOR_KINDS)[number][] = ['unit', 'team', 'professional_group'];

/**
 * The actor's place under the Local Government Act (Kommunallagen), where the kind alone does not say it:
 * council (fullmäktige) and committee (nämnd, styrelse) are the bodies themselves; working_committee
 * (utskott), chair (ordförande), member (ledamot) and deputy_member (ersättare) are the elected delegates of
 * KL 6:37; head_of_administration is the förvaltningschef, the only one who may delegate further (KL 7:6).
 */
export const LEGAL_ROLES = ['council', 'committee', 'working_committee', 'chair', 'member', 'deputy_member', 'head_of_administration'] as const;

/** Who a decision area may be delegated to, when a law narrows KL 6:37 (e.g. only to an utskott). */
export const DELEGATE_CATEGORIES = ['working_committee', 'member', 'employee'] as const;

const qualification = z.string().min(1).max(200).describe('A formal qualification (behörighet), e.g. "socionomexamen"');

/**
 * governing_body: fullmäktige, nämnd, styrelse, utskott; executive and manager: named leadership roles;
 * role: an employee role by job title (each holder decides as an individual employee, e.g. socialsekreterare);
 * unit, team, professional_group: groups of employees; support_function: HR, IT, ekonomi.
 */
export const actorSchema = z
  .object({
    id,
    name: z.string().min(1).max(200),
    kind: z.enum(ACTOR_KINDS),
    reportsTo: id.nullable().optional().describe('The actor above this one in the hierarchy; absent at the top'),
    headcount: z.int().min(0).max(1_000_000).optional(),
    legalRole: z.enum(LEGAL_ROLES).optional().describe('The legal role (KL 6:37, 7:5–6); a governing body without one is the body itself'),
    qualifications: z.array(qualification).max(50).optional().describe('Qualifications every holder of the role has (behörighet)'),
    meetsCitizens: z
      .boolean()
      .optional()
      .describe('Works with citizens (the front line); absent: roles, teams, units and professional groups do, others do not'),
  })
  .strict();

export const COMPETENCE_CATEGORIES = ['domain', 'organisational', 'leadership'] as const;
export const competenceLevel = z.int().min(0).max(4).describe('0 none, 1 basic, 2 working, 3 proficient, 4 expert');

export const competenceSchema = z
  .object({ id, name: z.string().min(1).max(200), category: z.enum(COMPETENCE_CATEGORIES), description: text(2000).optional() })
  .strict();

export const requirementSchema = z.object({ competenceId: id, level: competenceLevel }).strict();

export const DECISION_KINDS = ['formal', 'execution'] as const;

export const LIMIT_UNITS = ['kr', 'tkr', 'mnkr', 'prisbasbelopp', 'days', 'weeks', 'months', 'years'] as const;

export const limitSchema = z
  .object({
    amount: z.number().min(0).max(1e12),
    unit: z.enum(LIMIT_UNITS),
    year: z.int().min(1990).max(2200).optional().describe('For prisbasbelopp: the year whose value applies'),
    priceBaseAmountSek: z.number().min(0).max(1e7).optional().describe('For prisbasbelopp: that year’s value in kronor'),
  })
  .strict()
  .describe('A limit as data: an amount of money or a duration');

export const delegationRestrictionSchema = z
  .object({
    to: z.array(z.enum(DELEGATE_CATEGORIES)).max(3).describe('The only kinds of delegate allowed; empty: none (the nämnd decides itself)'),
    legalBasis: text(200).optional().describe('The law that narrows it, e.g. "10 kap. 4 § SoL"'),
  })
  .strict()
  .describe('A law narrows who may decide the matter, e.g. only an utskott');

export const qualificationRequirementSchema = z
  .object({
    qualifications: z.array(qualification).min(1).max(20),
    legalBasis: text(200).optional().describe('The law that requires it, e.g. "3 kap. 3 a § SoL"'),
  })
  .strict()
  .describe('Qualifications (behörighet) whoever decides must hold');

export const reportingExemptionSchema = z
  .object({
    decidedBy: id.describe('The governing body that decided it (KL 6:40)'),
    decidedOn: isoDate.optional(),
    reference: text(200).optional().describe('Where the decision is recorded, e.g. "SN 2026-11-12 § 87"'),
    reason: text(2000).optional(),
  })
  .strict()
  .describe('A decision of the nämnd that delegated decisions in this area are not reported back (KL 6:40)');

export const decisionAreaSchema = z
  .object({
    id,
    code: z.string().min(1).max(40).describe('Hierarchical number as in the delegation ordinance, e.g. "3.2.1"'),
    title: z.string().min(1).max(500),
    section: z.string().min(1).max(100).describe('Category or law section, e.g. "personnel", "SoL", "LSS"'),
    legalBasis: text(200).optional().describe('Lagrum, e.g. "4 kap. 1 § SoL"'),
    limit: text(200).optional().describe('The limit as the ordinance words it, e.g. "5 prisbasbelopp"'),
    limitValue: limitSchema.optional().describe('The limit as data'),
    remark: text(2000).optional(),
    citizenFacing: z.boolean().default(false),
    kind: z.enum(DECISION_KINDS).describe('formal: delegationsbeslut, reported back (anmälan); execution: verkställighet'),
    nonDelegable: z.boolean().default(false).describe('KL 6 kap. 38 §: must stay with the governing body'),
    requirements: z.array(requirementSchema).default([]),
    onwardDelegationBy: z.array(id).default([]).describe('Actors the ordinance gives the right to delegate this matter further (vidaredelegering)'),
    delegationRestriction: delegationRestrictionSchema.optional(),
    qualificationRequirement: qualificationRequirementSchema.optional(),
    reportingExemption: reportingExemptionSchema.optional(),
    coreOperation: z
      .boolean()
      .optional()
      .describe('A matter of the core operation (kärnverksamhet), not of support; absent: citizen-facing matters are'),
  })
  .strict();

export const REPORTING_FREQUENCIES = ['per_decision', 'monthly', 'quarterly', 'semiannual', 'annual'] as const;

export const reportingSchema = z
  .object({
    toId: id.describe('The actor reported to'),
    frequency: z.enum(REPORTING_FREQUENCIES),
    hoursPerYear: z.number().min(0).max(100_000),
  })
  .strict();

export const delegationLevel = z.int().min(1).max(7).describe('1 tell, 2 sell, 3 consult, 4 agree, 5 advise, 6 inquire, 7 delegate');

export const decisionRightSchema = z
  .object({
    decisionAreaId: id,
    deciderId: id,
    delegatorId: id.nullable().optional().describe('Who assigned the right; absent for the original holder'),
    level: delegationLevel.default(7),
    consulted: z.array(id).default([]),
    informed: z.array(id).default([]),
    reporting: reportingSchema.nullable().optional(),
    mayDelegateFurther: z.boolean().default(false).describe('Vidaredelegering allowed'),
    substituteId: id.nullable().optional().describe('Who decides when the decider cannot (ersättare)'),
  })
  .strict();

const changeBase = {
  id,
  rationale: text(4000).optional(),
  principleIds: z.array(id).default([]).describe('The principles of the definition this change serves'),
};

export const changeSchema = z.discriminatedUnion('type', [
  z
    .object({
      ...changeBase,
      type: z.literal('move_decision'),
      decisionAreaId: id,
      toDeciderId: id,
      delegatorId: id.nullable().optional().describe('The new delegator; absent keeps the current one'),
      level: delegationLevel.optional().describe('The new level; absent keeps the current one'),
      mayDelegateFurther: z.boolean().optional(),
      substituteId: id.nullable().optional().describe('The new substitute (null: none); absent keeps the current one'),
    })
    .strict(),
  z.object({ ...changeBase, type: z.literal('set_level'), decisionAreaId: id, level: delegationLevel }).strict(),
  z
    .object({
      ...changeBase,
      type: z.literal('set_limit'),
      decisionAreaId: id,
      limit: limitSchema.nullable().describe('The new limit (null: none)'),
      limitText: text(200).optional().describe('The new wording; absent: derived from the limit'),
    })
    .strict(),
  z.object({ ...changeBase, type: z.literal('set_substitute'), decisionAreaId: id, substituteId: id.nullable() }).strict(),
  z
    .object({
      ...changeBase,
      type: z.literal('set_consultation'),
      decisionAreaId: id,
      consulted: z.array(id).optional(),
      informed: z.array(id).optional(),
    })
    .strict(),
  z.object({ ...changeBase, type: z.literal('set_reporting'), decisionAreaId: id, reporting: reportingSchema.nullable() }).strict(),
  z.object({ ...changeBase, type: z.literal('add_actor'), actor: actorSchema }).strict(),
  z.object({ ...changeBase, type: z.literal('retire_actor'), actorId: id }).strict(),
  z.object({ ...changeBase, type: z.literal('move_actor'), actorId: id, reportsTo: id.nullable() }).strict(),
  z
    .object({
      ...changeBase,
      type: z.literal('add_decision_area'),
      decisionArea: decisionAreaSchema,
      right: decisionRightSchema.omit({ decisionAreaId: true }).optional().describe('Its first decider'),
    })
    .strict(),
  z.object({ ...changeBase, type: z.literal('retire_decision_area'), decisionAreaId: id }).strict(),
  z
    .object({
      ...changeBase,
      type: z.literal('system'),
      description: z.string().min(1).max(4000),
      actorIds: z.array(id).default([]),
      decisionAreaIds: z.array(id).default([]),
    })
    .strict(),
]);

export const stageSchema = z
  .object({
    id,
    name: z.string().min(1).max(200),
    goal: text(4000).default(''),
    startDate: isoDate.optional(),
    endDate: isoDate.optional(),
    gateCriteria: z.array(z.string().min(1).max(1000)).default([]),
    changes: z.array(changeSchema).default([]),
  })
  .strict();

export const principleSchema = z.object({ id, name: z.string().min(1).max(200), description: text(4000).default('') }).strict();

export const definitionSchema = z
  .object({
    text: text(20000).default(''),
    principles: z.array(principleSchema).default([]),
    agreedBy: text(500).optional().describe('Who agreed to the definition, e.g. "Socialnämnden"'),
    agreedOn: isoDate.optional(),
  })
  .strict();

export const ASSESSMENT_METHODS = ['self', 'manager', 'hr', 'test'] as const;

/**
 * The level of a competence an actor holds, and how that was assessed: by whom, when, how (self-assessment,
 * the manager, HR, a test or certificate) and until when it holds. An expired holding counts as not held
 * from its expiry date.
 */
export const holdingSchema = z
  .object({
    actorId: id,
    competenceId: id,
    level: competenceLevel,
    assessmentMethod: z.enum(ASSESSMENT_METHODS).optional().describe('How the level was assessed'),
    assessedBy: text(200).optional().describe('Who assessed it, e.g. "Enhetschef Anna Berg"'),
    assessedOn: isoDate.optional(),
    expiresOn: isoDate.optional().describe('From this date the holding counts as not held (e.g. a certificate that lapses)'),
  })
  .strict()
  .superRefine((h, ctx) => {
    if (h.assessedOn && h.expiresOn && h.expiresOn < h.assessedOn)
      ctx.addIssue({
        code: 'custom',
        path: ['expiresOn'],
        message: 'must not be before assessedOn',
        params: { code: 'date_before', other: 'assessedOn' },
      });
  });

export const DEVELOPMENT_KINDS = ['training', 'recruitment', 'mentoring', 'coaching', 'other'] as const;

export const developmentActionSchema = z
  .object({
    id,
    actorId: id,
    competenceId: id,
    targetLevel: competenceLevel,
    kind: z.enum(DEVELOPMENT_KINDS),
    beforeStageId: id.describe('The action is done before this stage starts'),
    owner: text(200).optional(),
    costSek: z.number().min(0).optional(),
    effortHours: z.number().min(0).optional(),
    description: text(2000).optional(),
  })
  .strict();

const score = z.int().min(1).max(5);

export const clarityAssessmentSchema = z
  .object({ actorId: id, stageId: id, mission: score, goals: score, direction: score, comment: text(2000).optional() })
  .strict();

export const AFFECTED_GROUPS = ['citizens', 'employees', 'managers', 'support_functions'] as const;

export const consequenceSchema = z
  .object({
    id,
    stageId: id,
    changeId: id.optional(),
    affected: z.enum(AFFECTED_GROUPS),
    effect: z.enum(['positive', 'negative']),
    description: z.string().min(1).max(4000),
    likelihood: score,
    impact: score,
    mitigation: text(4000).default(''),
    owner: text(200).optional(),
  })
  .strict();

export const CONSULTATION_FORMATS = ['workshop', 'survey', 'workplace_meeting', 'union_negotiation', 'other'] as const;

export const consultationSchema = z
  .object({
    id,
    stageId: id,
    format: z.enum(CONSULTATION_FORMATS),
    date: isoDate.optional(),
    actorIds: z.array(id).default([]).describe('Actors that took part'),
    levels: z.array(z.int().min(0).max(50)).default([]).describe('Hierarchy levels that took part as a whole'),
    summary: text(8000).default(''),
    inputs: z.array(z.string().min(1).max(2000)).default([]),
  })
  .strict();

export const commentSchema = z
  .object({
    id,
    stageId: id,
    author: z.string().min(1).max(200).describe("The author's name; the API sets it from the session"),
    text: z.string().min(1).max(4000),
    createdAt: z.iso.datetime().optional().describe('When it was posted; the API sets it'),
    actorId: id.optional().describe('The unit (actor) the author works in and speaks for'),
    unionRep: z.boolean().optional().describe('Posted by a union representative (a membership the admin grants)'),
    replyTo: id.optional().describe('The comment, on the same stage, this one replies to'),
    answer: z.boolean().optional().describe("The change lead's answer: the comment it replies to is answered"),
  })
  .strict();

export const settingsSchema = z
  .object({
    clarityThreshold: score.default(3).describe('Mission, goals and direction below this are unclear'),
    riskThreshold: z.int().min(1).max(25).default(15).describe('likelihood × impact at or above this is a high risk'),
  })
  .strict();

export const planSchema = z
  .object({
    formatVersion: z.literal(PLAN_FORMAT_VERSION),
    id: id.optional(),
    title: z.string().min(1).max(200),
    purpose: text(4000).default(''),
    organisation: text(200).optional(),
    settings: settingsSchema.default({ clarityThreshold: 3, riskThreshold: 15 }),
    definition: definitionSchema.nullable().default(null),
    actors: z.array(actorSchema).default([]),
    decisionAreas: z.array(decisionAreaSchema).default([]),
    baseline: z.array(decisionRightSchema).default([]),
    stages: z.array(stageSchema).default([]),
    competences: z.array(competenceSchema).default([]),
    holdings: z.array(holdingSchema).default([]),
    developmentActions: z.array(developmentActionSchema).default([]),
    clarity: z.array(clarityAssessmentSchema).default([]),
    consequences: z.array(consequenceSchema).default([]),
    consultations: z.array(consultationSchema).default([]),
    comments: z.array(commentSchema).default([]),
  })
  .strict();
