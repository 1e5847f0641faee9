import { z } from 'zod';
import { planSchema } from '../model/plan.schema';
import { Plan } from '../model/types';
import { issueErrors, PlanErrorCode } from './issues';
import { Reference, ReferenceKind, referencesOf } from './references';

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
  const err = (path: Path, code: PlanErrorCode, params: Record<string, unknown>, message: string) =>
    errors.push({ path: jsonPath(path), code, params, message });

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
  const stages = unique(
    'stage',
    plan.stages.map((s, i) => ({ id: s.id, path: ['stages', i, 'id'] })),
  );
  const competences = unique(
    'competence',
    plan.competences.map((c, i) => ({ id: c.id, path: ['competences', i, 'id'] })),
  );
  const principles = unique(
    'principle',
    (plan.definition?.principles ?? []).map((p, i) => ({ id: p.id, path: ['definition', 'principles', i, 'id'] })),
  );
  unique(
    'development action',
    plan.developmentActions.map((a, i) => ({ id: a.id, path: ['developmentActions', i, 'id'] })),
  );
  unique(
    'consequence',
    plan.consequences.map((c, i) => ({ id: c.id, path: ['consequences', i, 'id'] })),
  );
  unique(
    'consultation',
    plan.consultations.map((c, i) => ({ id: c.id, path: ['consultations', i, 'id'] })),
  );
  unique(
    'comment',
    plan.comments.map((c, i) => ({ id: c.id, path: ['comments', i, 'id'] })),
  );

  const known: Record<ReferenceKind, Set<string>> = {
    actor: actors,
    'decision area': areas,
    stage: stages,
    competence: competences,
    principle: principles,
  };
  const check = (refs: Reference[], at: Path) => {
    for (const r of refs) {
      if (!known[r.kind].has(r.id)) err([...at, ...r.path], 'unknown_reference', { kind: r.kind, id: r.id }, `unknown ${r.kind} "${r.id}"`);
    }
  };

  plan.actors.forEach((a, i) => check(referencesOf.actor(a), ['actors', i]));
  plan.decisionAreas.forEach((a, i) => check(referencesOf.decisionArea(a), ['decisionAreas', i]));
  plan.baseline.forEach((r, i) => check(referencesOf.decisionRight(r), ['baseline', i]));
  const changeIdsByStage = new Map<string, Set<string>>();
  plan.stages.forEach((s, si) => {
    changeIdsByStage.set(s.id, new Set(s.changes.map((c) => c.id)));
    if (s.startDate && s.endDate && s.endDate < s.startDate)
      err(['stages', si, 'endDate'], 'date_before', { other: 'startDate' }, 'must not be before startDate');
    s.changes.forEach((c, ci) => check(referencesOf.change(c), ['stages', si, 'changes', ci]));
  });
  plan.holdings.forEach((h, i) => check(referencesOf.holding(h), ['holdings', i]));
  plan.developmentActions.forEach((a, i) => check(referencesOf.developmentAction(a), ['developmentActions', i]));
  plan.clarity.forEach((c, i) => check(referencesOf.clarity(c), ['clarity', i]));
  plan.consequences.forEach((c, i) => {
    check(referencesOf.consequence(c), ['consequences', i]);
    if (c.changeId && !changeIdsByStage.get(c.stageId)?.has(c.changeId)) {
      err(
        ['consequences', i, 'changeId'],
        'unknown_reference',
        { kind: 'change', id: c.changeId, stageId: c.stageId },
        `unknown change "${c.changeId}" in stage "${c.stageId}"`,
      );
    }
  });
  plan.consultations.forEach((c, i) => check(referencesOf.consultation(c), ['consultations', i]));
  const commentStages = new Map(plan.comments.map((c) => [c.id, c.stageId]));
  plan.comments.forEach((c, i) => {
    check(referencesOf.comment(c), ['comments', i]);
    if (c.replyTo !== undefined && (commentStages.get(c.replyTo) !== c.stageId || c.replyTo === c.id)) {
      err(['comments', i, 'replyTo'], 'unknown_reference', { kind: 'comment', id: c.replyTo }, `unknown comment "${c.replyTo}" on this stage`);
    }
  });
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
