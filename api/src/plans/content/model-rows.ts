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
  Stage,
} from '@tillit/domain';

type Row = Record<string, unknown>;
const orNull = <T>(value: T | undefined | null): T | null => (value === undefined ? null : value);
/** Drops null columns, so that an absent optional field stays absent. */
const present = <T extends Row>(row: T): T => Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null && v !== undefined)) as T;

/** A `date` column as YYYY-MM-DD, whether it was read as text or parsed by pg (at local midnight) into a Date. */
const isoDate = (value: unknown): string | undefined => {
  if (value === null || value === undefined) return undefined;
  if (!(value instanceof Date)) return String(value);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
};

/** How one kind of plan entity maps to its table's columns and back. */
export interface EntityMapping<T extends { id: string }> {
  table: string;
  toRow(entity: T): Row;
  fromRow(row: Row, children?: Row[]): T;
  /** The columns to read, when some need a cast (dates as text). */
  select?: string;
  /** Rows of a child table that belong to the entity (decision areas: their requirements). */
  children?: { table: string; keyColumn: string; toRows(entity: T): Row[] };
}

export const actorRows: EntityMapping<Actor> = {
  table: 'actor',
  toRow: (a) => ({
    key: a.id,
    name: a.name,
    kind: a.kind,
    reports_to: orNull(a.reportsTo),
    headcount: orNull(a.headcount),
    legal_role: orNull(a.legalRole),
    qualifications: orNull(a.qualifications),
    meets_citizens: orNull(a.meetsCitizens),
  }),
  fromRow: (r) =>
    present({
      id: r.key,
      name: r.name,
      kind: r.kind,
      reportsTo: r.reports_to,
      headcount: r.headcount,
      legalRole: r.legal_role,
      qualifications: r.qualifications,
      meetsCitizens: r.meets_citizens,
    }) as unknown as Actor,
};

export const competenceRows: EntityMapping<Competence> = {
  table: 'competence',
  toRow: (c) => ({ key: c.id, name: c.name, category: c.category, description: orNull(c.description) }),
  fromRow: (r) => present({ id: r.key, name: r.name, category: r.category, description: r.description }) as unknown as Competence,
};

export const decisionAreaRows: EntityMapping<DecisionArea> = {
  table: 'decision_area',
  toRow: (a) => ({
    key: a.id,
    code: a.code,
    title: a.title,
    section: a.section,
    legal_basis: orNull(a.legalBasis),
    limit_text: orNull(a.limit),
    remark: orNull(a.remark),
    citizen_facing: a.citizenFacing,
    kind: a.kind,
    non_delegable: a.nonDelegable,
    onward_delegation_by: a.onwardDelegationBy,
    limit_amount: a.limitValue?.amount ?? null,
    limit_unit: a.limitValue?.unit ?? null,
    limit_year: a.limitValue?.year ?? null,
    limit_price_base_amount_sek: a.limitValue?.priceBaseAmountSek ?? null,
    delegation_restricted_to: a.delegationRestriction?.to ?? null,
    delegation_restriction_basis: a.delegationRestriction?.legalBasis ?? null,
    required_qualifications: a.qualificationRequirement?.qualifications ?? null,
    qualification_basis: a.qualificationRequirement?.legalBasis ?? null,
    reporting_exemption_by: a.reportingExemption?.decidedBy ?? null,
    reporting_exemption_on: a.reportingExemption?.decidedOn ?? null,
    reporting_exemption_reference: a.reportingExemption?.reference ?? null,
    reporting_exemption_reason: a.reportingExemption?.reason ?? null,
    core_operation: orNull(a.coreOperation),
  }),
  fromRow: (a, requirements = []) =>
    present({
      id: a.key,
      code: a.code,
      title: a.title,
      section: a.section,
      legalBasis: a.legal_basis,
      limit: a.limit_text,
      remark: a.remark,
      citizenFacing: a.citizen_facing,
      kind: a.kind,
      nonDelegable: a.non_delegable,
      requirements: requirements.map((r) => ({ competenceId: r.competence_key, level: r.level })),
      onwardDelegationBy: a.onward_delegation_by,
      limitValue:
        a.limit_unit === null || a.limit_unit === undefined
          ? undefined
          : present({ amount: a.limit_amount, unit: a.limit_unit, year: a.limit_year, priceBaseAmountSek: a.limit_price_base_amount_sek }),
      delegationRestriction:
        a.delegation_restricted_to === null || a.delegation_restricted_to === undefined
          ? undefined
          : present({ to: a.delegation_restricted_to, legalBasis: a.delegation_restriction_basis }),
      qualificationRequirement:
        a.required_qualifications === null || a.required_qualifications === undefined
          ? undefined
          : present({ qualifications: a.required_qualifications, legalBasis: a.qualification_basis }),
      reportingExemption:
        a.reporting_exemption_by === null || a.reporting_exemption_by === undefined
          ? undefined
          : present({
              decidedBy: a.reporting_exemption_by,
              decidedOn: isoDate(a.reporting_exemption_on),
              reference: a.reporting_exemption_reference,
              reason: a.reporting_exemption_reason,
            }),
      coreOperation: a.core_operation,
    }) as unknown as DecisionArea,
  children: {
    table: 'requirement',
    keyColumn: 'decision_area_key',
    toRows: (a) => a.requirements.map((r) => ({ decision_area_key: a.id, competence_key: r.competenceId, level: r.level })),
  },
};

/** A stage without its changes (those are written as a whole, see changeRow). */
export type StageFields = Omit<Stage, 'changes'>;

export const stageRows: EntityMapping<StageFields> = {
  table: 'stage',
  select: '*, start_date::text AS start_date, end_date::text AS end_date',
  toRow: (s) => ({
    key: s.id,
    name: s.name,
    goal: s.goal,
    start_date: orNull(s.startDate),
    end_date: orNull(s.endDate),
    gate_criteria: s.gateCriteria,
  }),
  fromRow: (r) =>
    present({
      id: r.key,
      name: r.name,
      goal: r.goal,
      startDate: r.start_date,
      endDate: r.end_date,
      gateCriteria: r.gate_criteria,
    }) as unknown as StageFields,
};

export function changeFromRow(c: Row): Change {
  return {
    id: c.key,
    type: c.type,
    ...(c.payload as object),
    ...(c.rationale !== null && { rationale: c.rationale }),
    principleIds: c.principle_keys,
  } as Change;
}

export function changeRow(c: Change, stageId: string): Row {
  const { id, type, rationale, principleIds, ...payload } = c;
  return { key: id, stage_id: stageId, type, payload, rationale: orNull(rationale), principle_keys: principleIds };
}

/** The columns to read a baseline right with (the hours as a number, not numeric's text). */
export const RIGHT_COLUMNS = '*, reporting_hours::float8 AS reporting_hours';

export function rightFromRow(r: Row): DecisionRight {
  return present({
    decisionAreaId: r.decision_area_key,
    deciderId: r.decider_key,
    delegatorId: r.delegator_key,
    level: r.level,
    consulted: r.consulted,
    informed: r.informed,
    reporting: r.reporting_to === null ? undefined : { toId: r.reporting_to, frequency: r.reporting_frequency, hoursPerYear: r.reporting_hours },
    mayDelegateFurther: r.may_delegate_further,
    substituteId: r.substitute_key,
  }) as unknown as DecisionRight;
}

export function holdingRow(h: Holding): Row {
  return { actor_key: h.actorId, competence_key: h.competenceId, level: h.level };
}

export function holdingFromRow(h: Row): Holding {
  return { actorId: h.actor_key, competenceId: h.competence_key, level: h.level } as Holding;
}

export function clarityRow(c: ClarityAssessment): Row {
  return { actor_key: c.actorId, stage_key: c.stageId, mission: c.mission, goals: c.goals, direction: c.direction, comment: orNull(c.comment) };
}

export function clarityFromRow(c: Row): ClarityAssessment {
  return present({
    actorId: c.actor_key,
    stageId: c.stage_key,
    mission: c.mission,
    goals: c.goals,
    direction: c.direction,
    comment: c.comment,
  }) as unknown as ClarityAssessment;
}

export function rightRow(r: DecisionRight): Row {
  return {
    decision_area_key: r.decisionAreaId,
    decider_key: r.deciderId,
    delegator_key: orNull(r.delegatorId),
    level: r.level,
    consulted: r.consulted,
    informed: r.informed,
    reporting_to: r.reporting?.toId ?? null,
    reporting_frequency: r.reporting?.frequency ?? null,
    reporting_hours: r.reporting?.hoursPerYear ?? null,
    may_delegate_further: r.mayDelegateFurther,
    substitute_key: orNull(r.substituteId),
  };
}

export const developmentActionRows: EntityMapping<DevelopmentAction> = {
  table: 'development_action',
  select: '*, cost_sek::float8 AS cost_sek, effort_hours::float8 AS effort_hours',
  toRow: (a) => ({
    key: a.id,
    actor_key: a.actorId,
    competence_key: a.competenceId,
    target_level: a.targetLevel,
    kind: a.kind,
    before_stage_key: a.beforeStageId,
    owner: orNull(a.owner),
    cost_sek: orNull(a.costSek),
    effort_hours: orNull(a.effortHours),
    description: orNull(a.description),
  }),
  fromRow: (a) =>
    present({
      id: a.key,
      actorId: a.actor_key,
      competenceId: a.competence_key,
      targetLevel: a.target_level,
      kind: a.kind,
      beforeStageId: a.before_stage_key,
      owner: a.owner,
      costSek: a.cost_sek,
      effortHours: a.effort_hours,
      description: a.description,
    }) as unknown as DevelopmentAction,
};

export const consequenceRows: EntityMapping<Consequence> = {
  table: 'consequence',
  toRow: (c) => ({
    key: c.id,
    stage_key: c.stageId,
    change_key: orNull(c.changeId),
    affected: c.affected,
    effect: c.effect,
    description: c.description,
    likelihood: c.likelihood,
    impact: c.impact,
    mitigation: c.mitigation,
    owner: orNull(c.owner),
  }),
  fromRow: (c) =>
    present({
      id: c.key,
      stageId: c.stage_key,
      changeId: c.change_key,
      affected: c.affected,
      effect: c.effect,
      description: c.description,
      likelihood: c.likelihood,
      impact: c.impact,
      mitigation: c.mitigation,
      owner: c.owner,
    }) as unknown as Consequence,
};

export const consultationRows: EntityMapping<Consultation> = {
  table: 'consultation',
  select: '*, held_on::text AS held_on',
  toRow: (c) => ({
    key: c.id,
    stage_key: c.stageId,
    format: c.format,
    held_on: orNull(c.date),
    actor_keys: c.actorIds,
    levels: c.levels,
    summary: c.summary,
    inputs: c.inputs,
  }),
  fromRow: (c) =>
    present({
      id: c.key,
      stageId: c.stage_key,
      format: c.format,
      date: c.held_on,
      actorIds: c.actor_keys,
      levels: c.levels,
      summary: c.summary,
      inputs: c.inputs,
    }) as unknown as Consultation,
};

export const commentRows: EntityMapping<Comment> = {
  table: 'stage_comment',
  toRow: (c) => ({ key: c.id, stage_key: c.stageId, author: c.author, text: c.text, posted_at: orNull(c.createdAt) }),
  fromRow: (c) =>
    present({
      id: c.key,
      stageId: c.stage_key,
      author: c.author,
      text: c.text,
      createdAt: c.posted_at === null ? undefined : (c.posted_at as Date).toISOString(),
    }) as unknown as Comment,
};
