import {
  Actor,
  Change,
  ClarityAssessment,
  Comment,
  Competence,
  Consequence,
  Consultation,
  DecisionArea,
  DecisionRight,
  DevelopmentAction,
  Holding,
  Principle,
  Stage,
} from '@tillit/domain';
import { ActorEntity } from '../../actors/actor.entity';
import { ClarityAssessmentEntity } from '../../assessments/clarity-assessment.entity';
import { JsonObject } from '../../common/json-value';
import { CompetenceEntity } from '../../competence/competence.entity';
import { DevelopmentActionEntity } from '../../competence/development-action.entity';
import { HoldingEntity } from '../../competence/holding.entity';
import { ConsequenceEntity } from '../../consequences/consequence.entity';
import { DecisionAreaEntity } from '../../decision-areas/decision-area.entity';
import { DecisionRightEntity } from '../../decision-areas/decision-right.entity';
import { RequirementEntity } from '../../decision-areas/requirement.entity';
import { ConsultationEntity } from '../../participation/consultation.entity';
import { StageCommentEntity } from '../../participation/stage-comment.entity';
import { PlanChangeEntity } from '../../stages/plan-change.entity';
import { StageEntity } from '../../stages/stage.entity';
import { PrincipleEntity } from '../principle.entity';
import { PlanRow } from '../plan-row.base-entity';

/** The columns every plan row has, filled by the store (scope, place, version, timestamps), never by a mapping. */
type SharedColumn = keyof PlanRow;
/** What a mapping writes of an entity's row: its own columns by property name (relations are optional, left out). */
export type OwnColumns<E extends PlanRow> = Omit<E, SharedColumn>;

/** A table of the plan's content, by its TypeORM entity. */
export type RowClass<E extends PlanRow> = new () => E;

/** How one kind of plan entity maps to its table's row and back. */
export interface EntityMapping<
  T extends { id: string },
  E extends PlanRow & { key: string } = PlanRow & { key: string },
  C extends PlanRow = PlanRow,
> {
  entity: RowClass<E>;
  toRow(entity: T): OwnColumns<E>;
  fromRow(row: E, children?: C[]): T;
  /** Rows of a child table that belong to the entity (decision areas: their requirements). */
  children?: ChildMapping<T, C>;
}

export interface ChildMapping<T, C extends PlanRow> {
  entity: RowClass<C>;
  /** The child's property that holds the parent's key (looked up in the entity's metadata). */
  parentKey: string;
  toRows(entity: T): Array<OwnColumns<C>>;
}

/** `value` as a column value: an absent optional field is NULL. */
const orNull = <T>(value: T | undefined | null): T | null => value ?? null;

export const actorRows: EntityMapping<Actor, ActorEntity> = {
  entity: ActorEntity,
  toRow: (a) => ({
    key: a.id,
    name: a.name,
    kind: a.kind,
    reportsTo: orNull(a.reportsTo),
    headcount: orNull(a.headcount),
    legalRole: orNull(a.legalRole),
    qualifications: orNull(a.qualifications),
    meetsCitizens: orNull(a.meetsCitizens),
  }),
  fromRow: (r) => ({
    id: r.key,
    name: r.name,
    kind: r.kind,
    ...(r.reportsTo !== null && { reportsTo: r.reportsTo }),
    ...(r.headcount !== null && { headcount: r.headcount }),
    ...(r.legalRole !== null && { legalRole: r.legalRole }),
    ...(r.qualifications !== null && { qualifications: r.qualifications }),
    ...(r.meetsCitizens !== null && { meetsCitizens: r.meetsCitizens }),
  }),
};

export const competenceRows: EntityMapping<Competence, CompetenceEntity> = {
  entity: CompetenceEntity,
  toRow: (c) => ({ key: c.id, name: c.name, category: c.category, description: orNull(c.description) }),
  fromRow: (r) => ({ id: r.key, name: r.name, category: r.category, ...(r.description !== null && { description: r.description }) }),
};

export const requirementRows = {
  fromRow: (r: RequirementEntity) => ({ competenceId: r.competenceKey, level: r.level }),
};

export const decisionAreaRows: EntityMapping<DecisionArea, DecisionAreaEntity, RequirementEntity> = {
  entity: DecisionAreaEntity,
  toRow: (a) => ({
    key: a.id,
    code: a.code,
    title: a.title,
    section: a.section,
    legalBasis: orNull(a.legalBasis),
    limitText: orNull(a.limit),
    remark: orNull(a.remark),
    citizenFacing: a.citizenFacing,
    kind: a.kind,
    nonDelegable: a.nonDelegable,
    onwardDelegationBy: a.onwardDelegationBy,
    limitAmount: a.limitValue?.amount ?? null,
    limitUnit: a.limitValue?.unit ?? null,
    limitYear: a.limitValue?.year ?? null,
    limitPriceBaseAmountSek: a.limitValue?.priceBaseAmountSek ?? null,
    delegationRestrictedTo: a.delegationRestriction?.to ?? null,
    delegationRestrictionBasis: a.delegationRestriction?.legalBasis ?? null,
    requiredQualifications: a.qualificationRequirement?.qualifications ?? null,
    qualificationBasis: a.qualificationRequirement?.legalBasis ?? null,
    reportingExemptionBy: a.reportingExemption?.decidedBy ?? null,
    reportingExemptionOn: a.reportingExemption?.decidedOn ?? null,
    reportingExemptionReference: a.reportingExemption?.reference ?? null,
    reportingExemptionReason: a.reportingExemption?.reason ?? null,
    coreOperation: orNull(a.coreOperation),
  }),
  fromRow: (a, requirements = []) => ({
    id: a.key,
    code: a.code,
    title: a.title,
    section: a.section,
    ...(a.legalBasis !== null && { legalBasis: a.legalBasis }),
    ...(a.limitText !== null && { limit: a.limitText }),
    ...(a.remark !== null && { remark: a.remark }),
    citizenFacing: a.citizenFacing,
    kind: a.kind,
    nonDelegable: a.nonDelegable,
    requirements: requirements.map(requirementRows.fromRow),
    onwardDelegationBy: a.onwardDelegationBy,
    ...(a.limitUnit !== null && {
      limitValue: {
        amount: a.limitAmount ?? 0,
        unit: a.limitUnit,
        ...(a.limitYear !== null && { year: a.limitYear }),
        ...(a.limitPriceBaseAmountSek !== null && { priceBaseAmountSek: a.limitPriceBaseAmountSek }),
      },
    }),
    ...(a.delegationRestrictedTo !== null && {
      delegationRestriction: {
        to: a.delegationRestrictedTo,
        ...(a.delegationRestrictionBasis !== null && { legalBasis: a.delegationRestrictionBasis }),
      },
    }),
    ...(a.requiredQualifications !== null && {
      qualificationRequirement: {
        qualifications: a.requiredQualifications,
        ...(a.qualificationBasis !== null && { legalBasis: a.qualificationBasis }),
      },
    }),
    ...(a.reportingExemptionBy !== null && {
      reportingExemption: {
        decidedBy: a.reportingExemptionBy,
        ...(a.reportingExemptionOn !== null && { decidedOn: a.reportingExemptionOn }),
        ...(a.reportingExemptionReference !== null && { reference: a.reportingExemptionReference }),
        ...(a.reportingExemptionReason !== null && { reason: a.reportingExemptionReason }),
      },
    }),
    ...(a.coreOperation !== null && { coreOperation: a.coreOperation }),
  }),
  children: {
    entity: RequirementEntity,
    parentKey: 'decisionAreaKey',
    toRows: (a) => a.requirements.map((r) => ({ decisionAreaKey: a.id, competenceKey: r.competenceId, level: r.level })),
  },
};

/** A stage without its changes (those are written as a whole, see changeRows). */
export type StageFields = Omit<Stage, 'changes'>;

export const stageRows: EntityMapping<StageFields, StageEntity> = {
  entity: StageEntity,
  toRow: (s) => ({
    key: s.id,
    name: s.name,
    goal: s.goal,
    startDate: orNull(s.startDate),
    endDate: orNull(s.endDate),
    gateCriteria: s.gateCriteria,
  }),
  fromRow: (r) => ({
    id: r.key,
    name: r.name,
    goal: r.goal,
    ...(r.startDate !== null && { startDate: r.startDate }),
    ...(r.endDate !== null && { endDate: r.endDate }),
    gateCriteria: r.gateCriteria,
  }),
};

/**
 * A change's fields beside its id, type, rationale and principles: the `payload` column. A validated
 * change holds only JSON values; a member left `undefined` is dropped where every write serialises the
 * row (JSON.stringify, in insertStatements and in TypeORM's jsonb columns), so no copy is made here.
 */
function payloadOf(change: Change): JsonObject {
  const { id: _id, type: _type, rationale: _rationale, principleIds: _principleIds, ...payload } = change;
  return payload as JsonObject;
}

export const changeRows = {
  toRow: (c: Change, stageId: string): OwnColumns<PlanChangeEntity> => ({
    key: c.id,
    stageId,
    type: c.type,
    payload: payloadOf(c),
    rationale: orNull(c.rationale),
    principleKeys: c.principleIds,
  }),
  /**
   * The one cast of the store: a jsonb payload has no type in the database. It was written from a change
   * the plan format's schema had validated (changeSchema), with the type in its own column.
   */
  fromRow: (c: PlanChangeEntity): Change =>
    ({ id: c.key, type: c.type, ...c.payload, ...(c.rationale !== null && { rationale: c.rationale }), principleIds: c.principleKeys }) as Change,
};

export const principleRows = {
  toRow: (p: Principle): OwnColumns<PrincipleEntity> => ({ key: p.id, name: p.name, description: p.description }),
  fromRow: (p: PrincipleEntity): Principle => ({ id: p.key, name: p.name, description: p.description }),
};

export const rightRows = {
  toRow: (r: DecisionRight): OwnColumns<DecisionRightEntity> => ({
    decisionAreaKey: r.decisionAreaId,
    deciderKey: r.deciderId,
    delegatorKey: orNull(r.delegatorId),
    level: r.level,
    consulted: r.consulted,
    informed: r.informed,
    reportingTo: r.reporting?.toId ?? null,
    reportingFrequency: r.reporting?.frequency ?? null,
    reportingHours: r.reporting?.hoursPerYear ?? null,
    mayDelegateFurther: r.mayDelegateFurther,
    substituteKey: orNull(r.substituteId),
  }),
  fromRow: (r: DecisionRightEntity): DecisionRight => ({
    decisionAreaId: r.decisionAreaKey,
    deciderId: r.deciderKey,
    ...(r.delegatorKey !== null && { delegatorId: r.delegatorKey }),
    level: r.level,
    consulted: r.consulted,
    informed: r.informed,
    ...(r.reportingTo !== null &&
      r.reportingFrequency !== null && { reporting: { toId: r.reportingTo, frequency: r.reportingFrequency, hoursPerYear: r.reportingHours ?? 0 } }),
    mayDelegateFurther: r.mayDelegateFurther,
    ...(r.substituteKey !== null && { substituteId: r.substituteKey }),
  }),
};

export const holdingRows = {
  toRow: (h: Holding): OwnColumns<HoldingEntity> => ({
    actorKey: h.actorId,
    competenceKey: h.competenceId,
    level: h.level,
    assessmentMethod: orNull(h.assessmentMethod),
    assessedBy: orNull(h.assessedBy),
    assessedOn: orNull(h.assessedOn),
    expiresOn: orNull(h.expiresOn),
  }),
  fromRow: (h: HoldingEntity): Holding => ({
    actorId: h.actorKey,
    competenceId: h.competenceKey,
    level: h.level,
    ...(h.assessmentMethod !== null && { assessmentMethod: h.assessmentMethod }),
    ...(h.assessedBy !== null && { assessedBy: h.assessedBy }),
    ...(h.assessedOn !== null && { assessedOn: h.assessedOn }),
    ...(h.expiresOn !== null && { expiresOn: h.expiresOn }),
  }),
};

export const clarityRows = {
  toRow: (c: ClarityAssessment): OwnColumns<ClarityAssessmentEntity> => ({
    actorKey: c.actorId,
    stageKey: c.stageId,
    mission: c.mission,
    goals: c.goals,
    direction: c.direction,
    comment: orNull(c.comment),
  }),
  fromRow: (c: ClarityAssessmentEntity): ClarityAssessment => ({
    actorId: c.actorKey,
    stageId: c.stageKey,
    mission: c.mission,
    goals: c.goals,
    direction: c.direction,
    ...(c.comment !== null && { comment: c.comment }),
  }),
};

export const developmentActionRows: EntityMapping<DevelopmentAction, DevelopmentActionEntity> = {
  entity: DevelopmentActionEntity,
  toRow: (a) => ({
    key: a.id,
    actorKey: a.actorId,
    competenceKey: a.competenceId,
    targetLevel: a.targetLevel,
    kind: a.kind,
    beforeStageKey: a.beforeStageId,
    owner: orNull(a.owner),
    costSek: orNull(a.costSek),
    effortHours: orNull(a.effortHours),
    description: orNull(a.description),
  }),
  fromRow: (a) => ({
    id: a.key,
    actorId: a.actorKey,
    competenceId: a.competenceKey,
    targetLevel: a.targetLevel,
    kind: a.kind,
    beforeStageId: a.beforeStageKey,
    ...(a.owner !== null && { owner: a.owner }),
    ...(a.costSek !== null && { costSek: a.costSek }),
    ...(a.effortHours !== null && { effortHours: a.effortHours }),
    ...(a.description !== null && { description: a.description }),
  }),
};

export const consequenceRows: EntityMapping<Consequence, ConsequenceEntity> = {
  entity: ConsequenceEntity,
  toRow: (c) => ({
    key: c.id,
    stageKey: c.stageId,
    changeKey: orNull(c.changeId),
    affected: c.affected,
    effect: c.effect,
    description: c.description,
    likelihood: c.likelihood,
    impact: c.impact,
    mitigation: c.mitigation,
    owner: orNull(c.owner),
  }),
  fromRow: (c) => ({
    id: c.key,
    stageId: c.stageKey,
    ...(c.changeKey !== null && { changeId: c.changeKey }),
    affected: c.affected,
    effect: c.effect,
    description: c.description,
    likelihood: c.likelihood,
    impact: c.impact,
    mitigation: c.mitigation,
    ...(c.owner !== null && { owner: c.owner }),
  }),
};

export const consultationRows: EntityMapping<Consultation, ConsultationEntity> = {
  entity: ConsultationEntity,
  toRow: (c) => ({
    key: c.id,
    stageKey: c.stageId,
    format: c.format,
    heldOn: orNull(c.date),
    actorKeys: c.actorIds,
    levels: c.levels,
    summary: c.summary,
    inputs: c.inputs,
  }),
  fromRow: (c) => ({
    id: c.key,
    stageId: c.stageKey,
    format: c.format,
    ...(c.heldOn !== null && { date: c.heldOn }),
    actorIds: c.actorKeys,
    levels: c.levels,
    summary: c.summary,
    inputs: c.inputs,
  }),
};

export const commentRows: EntityMapping<Comment, StageCommentEntity> = {
  entity: StageCommentEntity,
  toRow: (c) => ({
    key: c.id,
    stageKey: c.stageId,
    author: c.author,
    text: c.text,
    postedAt: c.createdAt === undefined ? null : new Date(c.createdAt),
    actorKey: orNull(c.actorId),
    unionRep: c.unionRep ?? false,
    replyTo: orNull(c.replyTo),
    answer: c.answer ?? false,
  }),
  fromRow: (c) => ({
    id: c.key,
    stageId: c.stageKey,
    author: c.author,
    text: c.text,
    ...(c.postedAt !== null && { createdAt: c.postedAt.toISOString() }),
    ...(c.actorKey !== null && { actorId: c.actorKey }),
    ...(c.unionRep && { unionRep: true }),
    ...(c.replyTo !== null && { replyTo: c.replyTo }),
    ...(c.answer && { answer: true }),
  }),
};
