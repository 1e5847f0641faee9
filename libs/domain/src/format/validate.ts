import { z } from 'zod';
import { planSchema } from '../model/plan.schema';
import { Plan } from '../model/types';
import { issueErrors, PlanErrorCode } from './issues';

export interface PlanError {
  /** JSON path of the offending value, e.g. `$.stages[1].changes[0].toDeciderId`. */
  path: string;
  code: PlanErrorCode;
  /** What the code needs to be put in words (e.g. `{ kind: 'actor', id: 'fc' }`). */
  params?: Record<string, unknown>;
  /** In English, for logs and the CLI. */
  message: string;
}

export type PlanValidation = { ok: true; plan: Plan } | { ok: false; errors: PlanError[] };

export function jsonPath(segments: ReadonlyArray<PropertyKey>): string {
  let path = '$';
  for (const s of segments) {
    if (typeof s === 'number') path += `[${s}]`;
    else if (typeof s === 'string' && /^[A-Za-z_$][\w$]*$/.test(s)) path += `.${s}`;
    else path += `[${JSON.stringify(String(s))}]`;
  }
  return path;
}

type Path = Array<string | number>;

/** Ids must be unique per kind, and every reference must point at something the plan defines. */
function referenceErrors(plan: Plan): PlanError[] {
  const errors: PlanError[] = [];
  const err = (path: Path, code: PlanErrorCode, params: Record<string, unknown>, message: string) => errors.push({ path: jsonPath(path), code, params, message });

  const unique = (kind: string, entries: Array<{ id: string; path: Path }>) => {
    const seen = new Map<string, Path>();
    for (const e of entries) {
      const first = seen.get(e.id);
      if (first) err(e.path, 'duplicate', { kind, id: e.id }, `duplicate ${kind} id "${e.id}" (first at ${jsonPath(first)})`);
      else seen.set(e.id, e.path);
    }
    return new Set(seen.keys());
  };

  const actorEntries = plan.actors.map((a, i) => ({ id: a.id, path: ['actors', i, 'id'] as Path }));
  const areaEntries = plan.decisionAreas.map((a, i) => ({ id: a.id, path: ['decisionAreas', i, 'id'] as Path }));
  const changeEntries: Array<{ id: string; path: Path }> = [];
  plan.stages.forEach((stage, s) =>
    stage.changes.forEach((change, c) => {
      const at: Path = ['stages', s, 'changes', c];
      changeEntries.push({ id: change.id, path: [...at, 'id'] });
      if (change.type === 'add_actor') actorEntries.push({ id: change.actor.id, path: [...at, 'actor', 'id'] });
      if (change.type === 'add_decision_area') areaEntries.push({ id: change.decisionArea.id, path: [...at, 'decisionArea', 'id'] });
    }),
  );
  const actors = unique('actor', actorEntries);
  const areas = unique('decision area', areaEntries);
  unique('change', changeEntries);
  const stages = unique('stage', plan.stages.map((s, i) => ({ id: s.id, path: ['stages', i, 'id'] })));
  const competences = unique('competence', plan.competences.map((c, i) => ({ id: c.id, path: ['competences', i, 'id'] })));
  const principles = unique('principle', (plan.definition?.principles ?? []).map((p, i) => ({ id: p.id, path: ['definition', 'principles', i, 'id'] })));
  unique('development action', plan.developmentActions.map((a, i) => ({ id: a.id, path: ['developmentActions', i, 'id'] })));
  unique('consequence', plan.consequences.map((c, i) => ({ id: c.id, path: ['consequences', i, 'id'] })));
  unique('consultation', plan.consultations.map((c, i) => ({ id: c.id, path: ['consultations', i, 'id'] })));
  unique('comment', plan.comments.map((c, i) => ({ id: c.id, path: ['comments', i, 'id'] })));

  const ref = (set: Set<string>, kind: string) => (value: string | null | undefined, path: Path) => {
    if (value !== null && value !== undefined && !set.has(value)) err(path, 'unknown_reference', { kind, id: value }, `unknown ${kind} "${value}"`);
  };
  const actor = ref(actors, 'actor');
  const area = ref(areas, 'decision area');
  const stage = ref(stages, 'stage');
  const competence = ref(competences, 'competence');
  const principle = ref(principles, 'principle');

  const rightRefs = (r: { deciderId: string; delegatorId?: string | null; consulted: string[]; informed: string[]; reporting?: { toId: string } | null }, at: Path) => {
    actor(r.deciderId, [...at, 'deciderId']);
    actor(r.delegatorId, [...at, 'delegatorId']);
    r.consulted.forEach((id, i) => actor(id, [...at, 'consulted', i]));
    r.informed.forEach((id, i) => actor(id, [...at, 'informed', i]));
    if (r.reporting) actor(r.reporting.toId, [...at, 'reporting', 'toId']);
  };
  const areaRefs = (a: Plan['decisionAreas'][number], at: Path) => {
    a.requirements.forEach((r, i) => competence(r.competenceId, [...at, 'requirements', i, 'competenceId']));
    a.onwardDelegationBy.forEach((id, i) => actor(id, [...at, 'onwardDelegationBy', i]));
  };

  plan.actors.forEach((a, i) => actor(a.reportsTo, ['actors', i, 'reportsTo']));
  plan.decisionAreas.forEach((a, i) => areaRefs(a, ['decisionAreas', i]));
  plan.baseline.forEach((r, i) => {
    area(r.decisionAreaId, ['baseline', i, 'decisionAreaId']);
    rightRefs(r, ['baseline', i]);
  });
  const changeIdsByStage = new Map<string, Set<string>>();
  plan.stages.forEach((s, si) => {
    changeIdsByStage.set(s.id, new Set(s.changes.map((c) => c.id)));
    if (s.startDate && s.endDate && s.endDate < s.startDate) err(['stages', si, 'endDate'], 'date_before', { other: 'startDate' }, 'must not be before startDate');
    s.changes.forEach((c, ci) => {
      const at: Path = ['stages', si, 'changes', ci];
      c.principleIds.forEach((id, i) => principle(id, [...at, 'principleIds', i]));
      switch (c.type) {
        case 'move_decision':
          area(c.decisionAreaId, [...at, 'decisionAreaId']);
          actor(c.toDeciderId, [...at, 'toDeciderId']);
          actor(c.delegatorId, [...at, 'delegatorId']);
          break;
        case 'set_level':
          area(c.decisionAreaId, [...at, 'decisionAreaId']);
          break;
        case 'set_consultation':
          area(c.decisionAreaId, [...at, 'decisionAreaId']);
          c.consulted?.forEach((id, i) => actor(id, [...at, 'consulted', i]));
          c.informed?.forEach((id, i) => actor(id, [...at, 'informed', i]));
          break;
        case 'set_reporting':
          area(c.decisionAreaId, [...at, 'decisionAreaId']);
          if (c.reporting) actor(c.reporting.toId, [...at, 'reporting', 'toId']);
          break;
        case 'add_actor':
          actor(c.actor.reportsTo, [...at, 'actor', 'reportsTo']);
          break;
        case 'retire_actor':
          actor(c.actorId, [...at, 'actorId']);
          break;
        case 'move_actor':
          actor(c.actorId, [...at, 'actorId']);
          actor(c.reportsTo, [...at, 'reportsTo']);
          break;
        case 'add_decision_area':
          areaRefs(c.decisionArea, [...at, 'decisionArea']);
          if (c.right) rightRefs(c.right, [...at, 'right']);
          break;
        case 'retire_decision_area':
          area(c.decisionAreaId, [...at, 'decisionAreaId']);
          break;
        case 'system':
          c.actorIds.forEach((id, i) => actor(id, [...at, 'actorIds', i]));
          c.decisionAreaIds.forEach((id, i) => area(id, [...at, 'decisionAreaIds', i]));
          break;
      }
    });
  });
  plan.holdings.forEach((h, i) => {
    actor(h.actorId, ['holdings', i, 'actorId']);
    competence(h.competenceId, ['holdings', i, 'competenceId']);
  });
  plan.developmentActions.forEach((a, i) => {
    actor(a.actorId, ['developmentActions', i, 'actorId']);
    competence(a.competenceId, ['developmentActions', i, 'competenceId']);
    stage(a.beforeStageId, ['developmentActions', i, 'beforeStageId']);
  });
  plan.clarity.forEach((c, i) => {
    actor(c.actorId, ['clarity', i, 'actorId']);
    stage(c.stageId, ['clarity', i, 'stageId']);
  });
  plan.consequences.forEach((c, i) => {
    stage(c.stageId, ['consequences', i, 'stageId']);
    if (c.changeId && !changeIdsByStage.get(c.stageId)?.has(c.changeId)) {
      err(['consequences', i, 'changeId'], 'unknown_reference', { kind: 'change', id: c.changeId, stageId: c.stageId }, `unknown change "${c.changeId}" in stage "${c.stageId}"`);
    }
  });
  plan.consultations.forEach((c, i) => {
    stage(c.stageId, ['consultations', i, 'stageId']);
    c.actorIds.forEach((id, j) => actor(id, ['consultations', i, 'actorIds', j]));
  });
  plan.comments.forEach((c, i) => stage(c.stageId, ['comments', i, 'stageId']));
  return errors;
}

/** Validates a parsed JSON value as a plan; every error comes with its JSON path. */
export function validatePlan(input: unknown): PlanValidation {
  const parsed = planSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, errors: zodPlanErrors(parsed.error, input) };
  }
  const errors = referenceErrors(parsed.data);
  return errors.length ? { ok: false, errors } : { ok: true, plan: parsed.data };
}

/** A zod error on `input` as coded plan errors with JSON paths. */
export function zodPlanErrors(error: z.ZodError, input: unknown): PlanError[] {
  return error.issues.flatMap((issue) => issueErrors(issue, input)).map(({ path, ...rest }) => ({ path: jsonPath(path), ...rest }));
}

/** Parses and validates a plan file's text. */
export function parsePlan(text: string): PlanValidation {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, errors: [{ path: '$', code: 'invalid_json', message: `not valid JSON: ${(err as Error).message}` }] };
  }
  return validatePlan(value);
}

/** The JSON Schema of the plan format (as written in files: defaults may be left out). */
export function planJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://tillit.se/schemas/plan-v1.json',
    title: 'Tillit plan (format version 1)',
    ...z.toJSONSchema(planSchema, { io: 'input', unrepresentable: 'any' }),
  };
}
