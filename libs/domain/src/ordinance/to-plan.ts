import { limitText } from '../engine/limits';
import { delegateCategory } from '../engine/legal-roles';
import { foldPlan } from '../engine/state';
import { Actor, Change, DecisionArea, DecisionRight, Limit, Plan, Reporting, Stage } from '../model/types';
import { OrdinancePreview, PreviewActor, PreviewItem } from './ordinance.schema';

/** What an import adds to a plan: to the baseline of an empty plan, or as one new stage. */
export type OrdinanceImport =
  | { target: 'baseline'; actors: Actor[]; decisionAreas: DecisionArea[]; rights: DecisionRight[] }
  | {
      target: 'stage';
      stage: Stage;
      /** Matters whose title, lagrum, section or kind differ: the plan format has no change for those. */
      unchanged: Array<{ decisionAreaId: string; code: string; fields: string[] }>;
    };

const SECTION_MAX = 100;
const DEFAULT_SECTION = 'Allmänt';
const REPORTING: Reporting['frequency'] = 'monthly';

const slug = (text: string) =>
  text
    .toLocaleLowerCase('sv-SE')
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'x';

function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

const sectionOf = (item: PreviewItem) => {
  const joined = item.sections.join(' – ') || DEFAULT_SECTION;
  return joined.length > SECTION_MAX ? `${joined.slice(0, SECTION_MAX - 1)}…` : joined;
};

/** Whether a plan has no ordinance yet: its import goes into the baseline. */
export function isEmptyOrdinance(plan: Pick<Plan, 'decisionAreas' | 'baseline'>): boolean {
  return plan.decisionAreas.length === 0 && plan.baseline.length === 0;
}

/**
 * The plan content an ordinance becomes. An empty plan gets it as its baseline; a plan with one gets a
 * new stage whose changes turn the state after its last stage into the file's ordinance. Call only for a
 * preview without errors.
 */
export function ordinanceImport(plan: Plan, preview: OrdinancePreview, options: { stageName?: string } = {}): OrdinanceImport {
  const state = foldPlan(plan).states.at(-1);
  const current = state ? [...state.actors.values()].filter((a) => !a.retired) : plan.actors;
  const usedActorIds = new Set([
    ...plan.actors.map((a) => a.id),
    ...plan.stages.flatMap((s) => s.changes.flatMap((c) => (c.type === 'add_actor' ? [c.actor.id] : []))),
  ]);
  const byName = new Map<string, string>();
  const newActors: Actor[] = [];
  const body = preview.actors.find((a) => a.name === preview.governingBody) ?? preview.actors[0];

  // Every preview actor gets an id: the plan's actor it matched (confirmed), or a new one.
  const idOf = (a: PreviewActor) => byName.get(a.name) as string;
  for (const a of preview.actors) {
    if (a.actorId && a.confirmed && current.some((c) => c.id === a.actorId)) byName.set(a.name, a.actorId);
    else {
      const id = uniqueId(slug(a.name), usedActorIds);
      byName.set(a.name, id);
      newActors.push({ id, name: a.name, kind: a.kind, ...(a.legalRole && { legalRole: a.legalRole }) });
    }
  }
  const bodyId = idOf(body);
  const all = [...current, ...newActors];
  const head = all.filter((a) => a.legalRole === 'head_of_administration');
  for (const actor of newActors) {
    if (actor.id === bodyId) continue;
    const elected = actor.kind === 'governing_body' || actor.legalRole === 'head_of_administration';
    actor.reportsTo = elected || head.length !== 1 ? bodyId : head[0].id;
  }

  const actorById = new Map(all.map((a) => [a.id, a]));
  const usedAreaIds = new Set([
    ...plan.decisionAreas.map((a) => a.id),
    ...plan.stages.flatMap((s) => s.changes.flatMap((c) => (c.type === 'add_decision_area' ? [c.decisionArea.id] : []))),
  ]);
  const deciderOf = (item: PreviewItem) => byName.get(item.delegate ?? '') ?? bodyId;

  const areaOf = (item: PreviewItem, id: string): DecisionArea => ({
    id,
    code: item.code,
    title: item.matter,
    section: sectionOf(item),
    ...(item.legalBasis && { legalBasis: item.legalBasis }),
    ...(item.limit && { limit: item.limit.text }),
    ...(item.limit?.value && { limitValue: item.limit.value }),
    ...(item.remark && { remark: item.remark }),
    citizenFacing: false,
    kind: item.kind,
    nonDelegable: item.nonDelegable,
    requirements: [],
    onwardDelegationBy: item.onwardDelegation && deciderOf(item) !== bodyId ? [deciderOf(item)] : [],
    ...(item.restrictedTo && {
      delegationRestriction: { to: item.restrictedTo, ...(item.legalBasis && { legalBasis: item.legalBasis.slice(0, 200) }) },
    }),
    ...(item.reporting === 'no' &&
      item.kind === 'formal' &&
      deciderOf(item) !== bodyId && {
        reportingExemption: {
          decidedBy: bodyId,
          reference: `${preview.governingBody}s delegationsordning, ${item.code}`.slice(0, 200),
          reason: 'Anmäls ej enligt delegationsordningen',
        },
      }),
  });

  const rightOf = (item: PreviewItem, areaId: string): DecisionRight => {
    const deciderId = deciderOf(item);
    const decider = actorById.get(deciderId);
    const byBody = deciderId === bodyId || (decider !== undefined && delegateCategory(decider) === 'body');
    const substituteId = item.substitute ? byName.get(item.substitute) : undefined;
    return {
      decisionAreaId: areaId,
      deciderId,
      ...(!byBody && { delegatorId: bodyId }),
      level: byBody || item.kind === 'execution' ? 7 : 6,
      consulted: [],
      informed: [],
      // Formal delegations are reported back to the nämnd (KL 6:40) unless the ordinance says they are not.
      reporting: !byBody && item.kind === 'formal' && item.reporting !== 'no' ? { toId: bodyId, frequency: REPORTING, hoursPerYear: 0 } : null,
      mayDelegateFurther: item.onwardDelegation && !byBody,
      ...(substituteId && substituteId !== deciderId && { substituteId }),
    };
  };

  if (isEmptyOrdinance(plan)) {
    const decisionAreas: DecisionArea[] = [];
    const rights: DecisionRight[] = [];
    for (const item of preview.items) {
      const id = uniqueId(`da-${slug(item.code)}`, usedAreaIds);
      decisionAreas.push(areaOf(item, id));
      rights.push(rightOf(item, id));
    }
    return { target: 'baseline', actors: newActors, decisionAreas, rights };
  }

  // An updated ordinance: matters matched to the plan's by their number.
  const areas = state ? [...state.areas.values()].filter((a) => !a.retired) : plan.decisionAreas;
  const byCode = new Map(areas.map((a) => [a.code, a]));
  const stageIds = new Set(plan.stages.map((s) => s.id));
  const stageId = uniqueId('delegationsordning', stageIds);
  const changes: Change[] = [];
  let n = 0;
  const next = () => `${stageId}-${++n}`;
  const base = { principleIds: [] as string[] };
  for (const actor of newActors) changes.push({ ...base, id: next(), type: 'add_actor', actor });
  const unchanged: Array<{ decisionAreaId: string; code: string; fields: string[] }> = [];
  const seen = new Set<string>();
  for (const item of preview.items) {
    const area = byCode.get(item.code);
    if (!area) {
      const id = uniqueId(`da-${slug(item.code)}`, usedAreaIds);
      const { decisionAreaId: _id, ...right } = rightOf(item, id);
      changes.push({ ...base, id: next(), type: 'add_decision_area', decisionArea: areaOf(item, id), right });
      continue;
    }
    seen.add(area.id);
    const want = rightOf(item, area.id);
    const have = state?.rights.get(area.id);
    if (!have || have.deciderId !== want.deciderId) {
      changes.push({
        ...base,
        id: next(),
        type: 'move_decision',
        decisionAreaId: area.id,
        toDeciderId: want.deciderId,
        delegatorId: want.delegatorId ?? null,
        level: want.level,
        mayDelegateFurther: want.mayDelegateFurther,
        substituteId: want.substituteId ?? null,
      });
    } else if ((have.substituteId ?? null) !== (want.substituteId ?? null)) {
      changes.push({ ...base, id: next(), type: 'set_substitute', decisionAreaId: area.id, substituteId: want.substituteId ?? null });
    }
    if (!sameReporting(have?.reporting ?? null, want.reporting ?? null)) {
      changes.push({ ...base, id: next(), type: 'set_reporting', decisionAreaId: area.id, reporting: want.reporting ?? null });
    }
    const limit = item.limit?.value ?? null;
    if (!sameLimit(area.limitValue ?? null, limit) || (item.limit?.text ?? undefined) !== area.limit) {
      changes.push({
        ...base,
        id: next(),
        type: 'set_limit',
        decisionAreaId: area.id,
        limit,
        ...(item.limit && (!limit || item.limit.text !== limitText(limit)) && { limitText: item.limit.text }),
      });
    }
    const target = areaOf(item, area.id);
    const fields = (['title', 'section', 'legalBasis', 'kind', 'nonDelegable', 'remark'] as const).filter(
      (f) => (target[f] ?? '') !== (area[f] ?? ''),
    );
    if (fields.length) unchanged.push({ decisionAreaId: area.id, code: item.code, fields });
  }
  for (const area of areas)
    if (!seen.has(area.id) && !preview.items.some((i) => i.code === area.code))
      changes.push({ ...base, id: next(), type: 'retire_decision_area', decisionAreaId: area.id });
  return {
    target: 'stage',
    stage: { id: stageId, name: options.stageName ?? 'Reviderad delegationsordning', goal: '', gateCriteria: [], changes },
    unchanged,
  };
}

function sameLimit(a: Limit | null, b: Limit | null): boolean {
  return a === b || (!!a && !!b && a.amount === b.amount && a.unit === b.unit);
}

function sameReporting(a: Reporting | null, b: Reporting | null): boolean {
  return a === b || (!!a && !!b && a.toId === b.toId);
}

/** The plan with the import applied, for validation before it is written. */
export function withOrdinance(plan: Plan, imported: OrdinanceImport): Plan {
  if (imported.target === 'baseline') {
    return {
      ...plan,
      actors: [...plan.actors, ...imported.actors],
      decisionAreas: [...plan.decisionAreas, ...imported.decisionAreas],
      baseline: [...plan.baseline, ...imported.rights],
    };
  }
  return { ...plan, stages: [...plan.stages, imported.stage] };
}
