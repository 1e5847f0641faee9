import { ACTOR_KINDS, CONSULTATION_FORMATS, REPORTING_FREQUENCIES } from '../model/plan.schema';
import { Actor, ActorKind, Change, DecisionArea, DecisionRight, Plan, Stage } from '../model/types';

export interface SyntheticSize {
  actors: number;
  decisionAreas: number;
  stages: number;
  changes: number;
  competences: number;
  seed?: number;
  /**
   * Share of changes and data made at random rather than as a careful change lead would (0–1). Property
   * tests use a high value to reach odd corners; benchmarks a low one, to look like a real plan.
   */
  chaos?: number;
}

/** mulberry32: a small seeded generator, so that a size and a seed always give the same plan. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A synthetic plan of a given size for benchmarks, property tests and the large-map check: a hierarchy
 * about six levels deep, a delegation ordinance, and stages that move decisions towards the front line.
 */
export function syntheticPlan(size: SyntheticSize): Plan {
  const rnd = random(size.seed ?? 1);
  const chaos = size.chaos ?? 0.05;
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  const chance = (p: number) => rnd() < p;
  const wild = () => chance(chaos);

  // Hierarchy
  const actors: Actor[] = [];
  const depth = new Map<string, number>();
  const children = new Map<string, string[]>();
  const byDepth: string[][] = [[], [], [], [], [], []];
  const frontLineKind = (): ActorKind => (chance(0.6) ? 'role' : chance(0.75) ? 'team' : 'professional_group');
  for (let i = 0; i < size.actors; i++) {
    const id = `a${i}`;
    let parent: string | null = null;
    if (i > 0) {
      const target = i < 4 ? 1 : Math.min(5, 1 + int(5));
      const candidates = byDepth[target - 1].length ? byDepth[target - 1] : byDepth[0];
      parent = pick(candidates);
    }
    const d = parent === null ? 0 : (depth.get(parent) as number) + 1;
    const kind: ActorKind = wild() ? pick(ACTOR_KINDS) : d === 0 ? 'governing_body' : d === 1 ? 'executive' : d <= 3 ? 'manager' : frontLineKind();
    actors.push({ id, name: `Aktör ${i}`, kind, reportsTo: parent, headcount: kind === 'team' ? 5 + int(30) : 1 });
    depth.set(id, d);
    byDepth[Math.min(d, 5)].push(id);
    if (parent) children.set(parent, [...(children.get(parent) ?? []), id]);
  }
  const root = actors[0]?.id;
  const actorIds = actors.map((a) => a.id);
  const kindOf = new Map(actors.map((a) => [a.id, a.kind]));
  const isPerson = (id: string) => !['team', 'professional_group', 'unit'].includes(kindOf.get(id) ?? 'team');
  const competenceIds = Array.from({ length: size.competences }, (_, i) => `k${i}`);

  // Ordinance
  const makeArea = (id: string, i: number): DecisionArea => ({
    id,
    code: `${1 + Math.floor(i / 100)}.${i % 100}`,
    title: `Beslutsområde ${i}`,
    section: pick(['Allmänt', 'Personal', 'Ekonomi', 'SoL', 'LSS', 'Verksamhet', 'Schemaläggning', 'System']),
    citizenFacing: chance(0.5),
    kind: chance(0.5) ? 'formal' : 'execution',
    nonDelegable: chance(0.01),
    requirements:
      competenceIds.length === 0
        ? []
        : Array.from({ length: int(3) }, () => ({ competenceId: pick(competenceIds), level: 1 + int(3) })).filter(
            (r, j, all) => all.findIndex((x) => x.competenceId === r.competenceId) === j,
          ),
    onwardDelegationBy: [],
  });
  const managers = actorIds.filter((id) => (depth.get(id) ?? 0) >= 1 && kindOf.get(id) !== 'governing_body');
  const people = actorIds.filter((id) => (depth.get(id) ?? 0) >= 2 && isPerson(id));
  const makeRight = (area: DecisionArea): DecisionRight => {
    if (wild() || managers.length === 0 || !root) {
      const decider = pick(actorIds);
      return {
        decisionAreaId: area.id,
        deciderId: decider,
        delegatorId: chance(0.5) ? pick(actorIds) : null,
        level: 1 + int(7),
        consulted: [],
        informed: [],
        reporting: chance(0.5) ? { toId: pick(actorIds), frequency: pick(REPORTING_FREQUENCIES), hoursPerYear: int(60) } : null,
        mayDelegateFurther: chance(0.3),
      };
    }
    const formal = area.kind === 'formal';
    const decider = formal ? pick(people.length ? people : managers) : pick(managers);
    const parent = actors.find((a) => a.id === decider)?.reportsTo ?? root;
    return {
      decisionAreaId: area.id,
      deciderId: decider,
      delegatorId: formal || area.nonDelegable ? root : parent,
      level: formal ? 6 : 2 + int(5),
      consulted: chance(0.3) ? [parent] : [],
      informed: [],
      reporting: formal
        ? { toId: root, frequency: 'monthly', hoursPerYear: 2 + int(10) }
        : { toId: parent, frequency: pick(REPORTING_FREQUENCIES), hoursPerYear: 5 + int(40) },
      mayDelegateFurther: !formal || chance(0.4),
    };
  };
  const decisionAreas = Array.from({ length: size.decisionAreas }, (_, i) => makeArea(`d${i}`, i));
  for (const area of decisionAreas) {
    if (area.nonDelegable && root) area.kind = 'formal';
  }
  const baseline = decisionAreas.map((a) =>
    a.nonDelegable && root && !wild() ? { ...makeRight(a), deciderId: root, delegatorId: null, level: 7, reporting: null } : makeRight(a),
  );

  // Holdings: everyone is competent for what they decide today, plus some.
  const holding = new Map<string, number>();
  const hold = (actorId: string, competenceId: string, level: number) => {
    const key = `${actorId}|${competenceId}`;
    holding.set(key, Math.max(level, holding.get(key) ?? 0));
  };
  const areaById = new Map(decisionAreas.map((a) => [a.id, a]));
  for (const right of baseline) {
    if (wild()) continue;
    for (const r of areaById.get(right.decisionAreaId)?.requirements ?? []) {
      hold(right.deciderId, r.competenceId, r.level + int(2));
      if (right.delegatorId) hold(right.delegatorId, r.competenceId, r.level + int(2));
    }
  }
  for (const a of actors) for (const k of competenceIds) if (chance(2 / Math.max(2, competenceIds.length))) hold(a.id, k, int(5));

  // Stages
  const stages: Stage[] = Array.from({ length: size.stages }, (_, s) => ({
    id: `s${s + 1}`,
    name: `Etapp ${s + 1}`,
    goal: chance(1 - chaos) ? `Mål för etapp ${s + 1}` : '',
    startDate: undefined,
    endDate: undefined,
    gateCriteria: chance(1 - chaos) ? ['Kriterium'] : [],
    changes: [],
  }));
  const current = new Map(baseline.map((r) => [r.decisionAreaId, r]));
  const liveAreas = decisionAreas.map((a) => a.id);
  const gainers: Array<Set<string>> = stages.map(() => new Set());
  const developmentActions: Plan['developmentActions'] = [];
  let added = 0;
  for (let c = 0; c < size.changes && stages.length > 0; c++) {
    const s = Math.floor((c * stages.length) / size.changes);
    const stage = stages[s];
    const base = { id: `c${c}`, principleIds: [] as string[] };
    const areaId = pick(liveAreas);
    const right = current.get(areaId);
    const area = areaById.get(areaId);
    const roll = rnd();
    let change: Change;
    if (wild()) {
      change = pick<() => Change>([
        () => ({
          ...base,
          type: 'move_decision',
          decisionAreaId: pick(areaIds()),
          toDeciderId: pick(actorIds),
          delegatorId: pick(actorIds),
          level: 1 + int(7),
        }),
        () => ({ ...base, type: 'retire_actor', actorId: pick(actorIds) }),
        () => ({ ...base, type: 'move_actor', actorId: pick(actorIds), reportsTo: pick(actorIds) }),
        () => ({ ...base, type: 'retire_decision_area', decisionAreaId: pick(areaIds()) }),
        () => ({
          ...base,
          type: 'set_reporting',
          decisionAreaId: pick(areaIds()),
          reporting: { toId: pick(actorIds), frequency: pick(REPORTING_FREQUENCIES), hoursPerYear: int(60) },
        }),
      ])();
    } else if (roll < 0.5 && right && area && (children.get(right.deciderId) ?? []).some((id) => area.kind === 'execution' || isPerson(id))) {
      // Move the decision one step down, to someone under the current decider.
      const below = (children.get(right.deciderId) ?? []).filter((id) => area.kind === 'execution' || isPerson(id));
      const to = pick(below);
      const level = Math.min(7, right.level + int(2));
      const formal = area.kind === 'formal';
      change = {
        ...base,
        type: 'move_decision',
        decisionAreaId: areaId,
        toDeciderId: to,
        delegatorId: formal ? right.delegatorId : right.deciderId,
        level,
      };
      if (formal && right.delegatorId !== root && !right.mayDelegateFurther) change.delegatorId = root;
      gainers[s].add(to);
      for (const r of area.requirements) {
        if ((holding.get(`${to}|${r.competenceId}`) ?? 0) >= r.level) continue;
        if (chance(0.85))
          developmentActions.push({
            id: `u${developmentActions.length}`,
            actorId: to,
            competenceId: r.competenceId,
            targetLevel: r.level,
            kind: 'training',
            beforeStageId: stage.id,
          });
      }
      current.set(areaId, { ...right, deciderId: to, delegatorId: change.delegatorId ?? null, level, mayDelegateFurther: false });
    } else if (roll < 0.7 && right) {
      const level = Math.min(7, right.level + 1);
      change = { ...base, type: 'set_level', decisionAreaId: areaId, level };
      current.set(areaId, { ...right, level });
    } else if (roll < 0.8 && right) {
      change = { ...base, type: 'set_consultation', decisionAreaId: areaId, consulted: [pick(actorIds)] };
    } else if (roll < 0.96 && right) {
      const hours = Math.floor((right.reporting?.hoursPerYear ?? 8) / 2);
      change = {
        ...base,
        type: 'set_reporting',
        decisionAreaId: areaId,
        reporting: right.reporting ? { ...right.reporting, frequency: 'quarterly', hoursPerYear: hours } : null,
      };
      current.set(areaId, { ...right, reporting: change.reporting });
    } else if (roll < 0.98) {
      const id = `n${added++}`;
      const parent = pick(managers.length ? managers : actorIds);
      change = { ...base, type: 'add_actor', actor: { id, name: `Ny aktör ${id}`, kind: 'role', reportsTo: parent } };
      actorIds.push(id);
      kindOf.set(id, 'role');
    } else {
      const id = `dn${added++}`;
      const newArea = makeArea(id, size.decisionAreas + added);
      const { decisionAreaId: _drop, ...newRight } = makeRight(newArea);
      change = { ...base, type: 'add_decision_area', decisionArea: newArea, right: newRight };
      areaById.set(id, newArea);
      current.set(id, { ...newRight, decisionAreaId: id });
      liveAreas.push(id);
    }
    stage.changes.push(change);
    // As in real plans, a decision that moves usually has its reporting (and often its consultation)
    // revised in the same stage.
    if (change.type === 'move_decision' && !wild()) {
      const moved = current.get(change.decisionAreaId);
      if (moved?.reporting && chance(0.7) && c + 1 < size.changes) {
        c++;
        const reporting = { ...moved.reporting, frequency: 'quarterly' as const, hoursPerYear: Math.floor(moved.reporting.hoursPerYear / 2) };
        stage.changes.push({ id: `c${c}`, principleIds: [], type: 'set_reporting', decisionAreaId: change.decisionAreaId, reporting });
        current.set(change.decisionAreaId, { ...moved, reporting });
      }
      if (chance(0.4) && c + 1 < size.changes) {
        c++;
        stage.changes.push({
          id: `c${c}`,
          principleIds: [],
          type: 'set_consultation',
          decisionAreaId: change.decisionAreaId,
          consulted: [change.toDeciderId === moved?.deciderId ? pick(actorIds) : (moved?.delegatorId ?? pick(actorIds))],
        });
      }
    }
  }
  function areaIds(): string[] {
    return liveAreas;
  }

  const clarity = stages.flatMap((s, i) =>
    [...gainers[i]]
      .filter(() => chance(0.9))
      .map((actorId) => ({ actorId, stageId: s.id, mission: 2 + int(4), goals: 3 + int(3), direction: 3 + int(3) })),
  );
  const consequences = stages.flatMap((s, i) =>
    (['citizens', 'employees'] as const).map((affected, j) => ({
      id: `q${i}-${j}`,
      stageId: s.id,
      affected,
      effect: chance(0.5) ? ('positive' as const) : ('negative' as const),
      description: 'Konsekvens',
      likelihood: 1 + int(5),
      impact: 1 + int(5),
      mitigation: chance(1 - chaos) ? 'Åtgärd' : '',
    })),
  );
  const consultations = stages.flatMap((s, i) => [
    {
      id: `m${i}`,
      stageId: s.id,
      format: 'workshop' as const,
      actorIds: [...gainers[i]].filter(() => chance(0.95)),
      levels: chance(1 - chaos) ? [1, 2, 3] : [],
      summary: '',
      inputs: [],
    },
    {
      id: `m${i}-mbl`,
      stageId: s.id,
      format: chance(1 - chaos) ? ('union_negotiation' as const) : pick(CONSULTATION_FORMATS),
      actorIds: [],
      levels: [],
      summary: '',
      inputs: [],
    },
  ]);

  return {
    formatVersion: 1,
    title: `Syntetisk plan ${size.actors}×${size.decisionAreas}`,
    purpose: '',
    settings: { clarityThreshold: 3, riskThreshold: 15 },
    definition: { text: 'Syntetisk definition', principles: [], agreedBy: actors[0]?.name ?? 'Nämnden', agreedOn: '2026-01-01' },
    actors,
    decisionAreas,
    baseline,
    stages,
    competences: competenceIds.map((id) => ({ id, name: `Kompetens ${id}`, category: pick(['domain', 'organisational', 'leadership'] as const) })),
    holdings: [...holding].map(([key, level]) => {
      const [actorId, competenceId] = key.split('|');
      return { actorId, competenceId, level: Math.min(4, level) };
    }),
    developmentActions,
    clarity,
    consequences,
    consultations,
    comments: [],
  };
}
