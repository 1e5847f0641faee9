import fc from 'fast-check';
import { Change, Plan } from '../model/types';
import { syntheticPlan } from '../testing/synthetic-plan';
import { analysePlan } from './analyse';
import { applyDiff } from './diff';
import { competenceLedger, gapsAt } from './gaps';
import { metricsAt } from './metrics';
import { PlanState, stateAt } from './state';
import { Finding, holdsIn } from '../rules/finding';

/** A canonical, order-free rendering of a state for equality checks. */
function canonical(state: PlanState): string {
  const sorted = <T>(m: ReadonlyMap<string, T>) => [...m].sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify({ actors: sorted(state.actors), areas: sorted(state.areas), rights: sorted(state.rights) });
}

const plans = fc
  .record({
    actors: fc.integer({ min: 1, max: 25 }),
    decisionAreas: fc.integer({ min: 0, max: 40 }),
    stages: fc.integer({ min: 1, max: 5 }),
    changes: fc.integer({ min: 0, max: 60 }),
    competences: fc.integer({ min: 0, max: 5 }),
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  })
  .map((size) => syntheticPlan({ ...size, chaos: 0.4 }));

/** Which rights, actors and areas a change touches. */
function touched(change: Change): { rights: string[]; actors: string[]; areas: string[] } {
  switch (change.type) {
    case 'move_decision':
    case 'set_level':
    case 'set_consultation':
    case 'set_reporting':
    case 'set_substitute':
      return { rights: [change.decisionAreaId], actors: [], areas: [] };
    case 'set_limit':
      return { rights: [], actors: [], areas: [change.decisionAreaId] };
    case 'add_actor':
      return { rights: [], actors: [change.actor.id], areas: [] };
    case 'retire_actor':
    case 'move_actor':
      return { rights: [], actors: [change.actorId], areas: [] };
    case 'add_decision_area':
      return { rights: [change.decisionArea.id], actors: [], areas: [change.decisionArea.id] };
    case 'retire_decision_area':
      return { rights: [change.decisionAreaId], actors: [], areas: [change.decisionAreaId] };
    case 'system':
      return { rights: [], actors: [], areas: [] };
  }
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let s = seed;
  for (let i = copy.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

describe('domain engine properties', () => {
  it('applying the diff from state k − 1 gives state k', () => {
    fc.assert(
      fc.property(plans, (plan) => {
        const { states, diffs } = analysePlan(plan);
        diffs.forEach((diff, i) => {
          expect(canonical(applyDiff(states[i], diff))).toBe(canonical(states[i + 1]));
        });
      }),
      { numRuns: 60 },
    );
  });

  it('the diff from stage k − 1 to k holds exactly what the applied changes of stage k touch', () => {
    fc.assert(
      fc.property(plans, (plan) => {
        const { diffs, outcomes, states } = analysePlan(plan);
        diffs.forEach((diff, i) => {
          const applied = outcomes[i].filter((o) => o.applied).map((o) => touched(o.change));
          const rights = new Set(applied.flatMap((t) => t.rights));
          const actors = new Set(applied.flatMap((t) => t.actors));
          const areas = new Set(applied.flatMap((t) => t.areas));
          for (const d of diff.rights) expect(rights).toContain(d.decisionAreaId);
          for (const d of diff.actors) expect(actors).toContain(d.actorId);
          for (const d of diff.areas) expect(areas).toContain(d.decisionAreaId);
          // and everything touched that differs is in the diff
          for (const id of rights) {
            const differs = JSON.stringify(states[i].rights.get(id) ?? null) !== JSON.stringify(states[i + 1].rights.get(id) ?? null);
            if (differs) expect(diff.rights.map((d) => d.decisionAreaId)).toContain(id);
          }
        });
      }),
      { numRuns: 60 },
    );
  });

  it('stateAt(plan, k) is the k-th state of the full analysis', () => {
    fc.assert(
      fc.property(plans, fc.nat(), (plan, n) => {
        const k = n % (plan.stages.length + 1);
        expect(canonical(stateAt(plan, k))).toBe(canonical(analysePlan(plan).states[k]));
      }),
      { numRuns: 30 },
    );
  });

  it('the result does not depend on the order of the input arrays', () => {
    fc.assert(
      fc.property(plans, fc.integer({ min: 1, max: 10_000 }), (plan, seed) => {
        const reordered: Plan = {
          ...plan,
          actors: shuffled(plan.actors, seed),
          decisionAreas: shuffled(plan.decisionAreas, seed + 1).map((a) => ({ ...a, requirements: shuffled(a.requirements, seed) })),
          baseline: shuffled(plan.baseline, seed + 2),
          competences: shuffled(plan.competences, seed + 3),
          holdings: shuffled(plan.holdings, seed + 4),
          developmentActions: shuffled(plan.developmentActions, seed + 5),
          clarity: shuffled(plan.clarity, seed + 6),
          consequences: shuffled(plan.consequences, seed + 7),
          consultations: shuffled(plan.consultations, seed + 8),
        };
        const a = analysePlan(plan);
        const b = analysePlan(reordered);
        expect(b.findings).toEqual(a.findings);
        expect(b.metrics).toEqual(a.metrics);
        expect(b.gaps).toEqual(a.gaps);
        // Diffs carry the entities themselves (whose inner arrays were shuffled): compare what changed.
        const shape = (diffs: typeof a.diffs) =>
          diffs.map((d) => [
            d.rights.map((r) => [r.decisionAreaId, r.kinds]),
            d.actors.map((x) => [x.actorId, x.kinds]),
            d.areas.map((x) => [x.decisionAreaId, x.kinds]),
            d.gained,
            d.lost,
          ]);
        expect(shape(b.diffs)).toEqual(shape(a.diffs));
      }),
      { numRuns: 40 },
    );
  });

  it('keeps the metrics and gaps it carries from state to state equal to a fresh computation', () => {
    fc.assert(
      fc.property(plans, (plan) => {
        const { states, gaps, metrics, outcomes } = analysePlan(plan);
        const ledger = competenceLedger(plan);
        states.forEach((state, k) => {
          // A copy of the state has no cached hierarchy: everything is computed from scratch.
          const fresh = { ...state };
          const freshGaps = gapsAt(fresh, ledger);
          expect(freshGaps).toEqual(gaps[k]);
          expect(metricsAt(plan, fresh, freshGaps, k > 0 ? outcomes[k - 1] : [])).toEqual(metrics[k]);
        });
      }),
      { numRuns: 40 },
    );
  });

  it('loses nothing by grouping: every per-area, per-state finding lies in exactly one finding of its cause', () => {
    fc.assert(
      fc.property(plans, (plan) => {
        const grouped = analysePlan(plan).findings;
        const single = analysePlan(plan, { grouped: false }).findings;
        const last = plan.stages.length;
        const inside = (outer: readonly { type: string; id: string }[], inner: readonly { type: string; id: string }[]) =>
          inner.every((s) => outer.some((o) => o.type === s.type && o.id === s.id));
        // The states a finding holds in (plan-wide ones: null).
        const statesOf = (f: Finding): Array<number | null> => {
          if (f.stageIndex === null) return [null];
          const out: number[] = [];
          for (let k = f.stageIndex; k <= (f.until ?? last); k++) out.push(k);
          return out;
        };
        const holds = (g: Finding, k: number | null) => (k === null ? g.stageIndex === null : g.stageIndex !== null && holdsIn(g, k));
        for (const f of single) {
          // Without grouping every finding is one state's.
          expect([f.id, f.until]).toEqual([f.id, f.stageIndex]);
          const holders = grouped.filter((g) => g.rule === f.rule && holds(g, f.stageIndex) && inside(g.subjects, f.subjects));
          expect([f.id, holders.length]).toEqual([f.id, 1]);
        }
        // And grouping never makes more findings, nor ones that hold nothing in a state of their run.
        expect(grouped.length).toBeLessThanOrEqual(single.length);
        for (const g of grouped)
          for (const k of statesOf(g))
            expect([g.id, k, single.some((f) => f.rule === g.rule && f.stageIndex === k && inside(g.subjects, f.subjects))]).toEqual([g.id, k, true]);
      }),
      { numRuns: 40 },
    );
  });

  it('reports a lasting problem once: the per-state findings of a run are one finding, and runs of a key never overlap', () => {
    fc.assert(
      fc.property(plans, (plan) => {
        const lasting = analysePlan(plan).findings;
        const perState = analysePlan(plan, { lasting: false }).findings;
        const subjects = (f: Finding) => f.subjects.map((s) => `${s.type}:${s.id}`).join(',');
        for (const f of perState) {
          const runs = lasting.filter((g) => g.key === f.key && (f.stageIndex === null ? g.stageIndex === null : holdsIn(g, f.stageIndex)));
          expect([f.id, runs.length]).toEqual([f.id, 1]);
          expect(subjects(runs[0])).toBe(subjects(f));
          expect(runs[0].severity).toBe(f.severity);
          expect(runs[0].since).toBe(f.since);
        }
        expect(lasting.length).toBeLessThanOrEqual(perState.length);
        // The keys are the per-state findings' keys: a board justification keyed by one still finds it.
        expect(new Set(lasting.map((f) => f.key))).toEqual(new Set(perState.map((f) => f.key)));
        // Every state of a run has its per-state finding: a run never spans a state where the problem is gone.
        const last = plan.stages.length;
        const byId = new Set(perState.map((f) => `${f.key}@${f.stageIndex ?? 'plan'}`));
        for (const g of lasting) {
          if (g.stageIndex === null) continue;
          for (let k = g.stageIndex; k <= (g.until ?? last); k++) expect(byId.has(`${g.key}@${k}`)).toBe(true);
          if (g.until === null) expect(byId.has(`${g.key}@${last}`)).toBe(true);
          else expect(g.until < last || g.stageIndex === last).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('gives every finding a unique id, and one key at most once per state', () => {
    fc.assert(
      fc.property(plans, (plan) => {
        const { findings } = analysePlan(plan);
        expect(new Set(findings.map((f) => f.id)).size).toBe(findings.length);
      }),
      { numRuns: 40 },
    );
  });

  it('is deterministic: the same plan gives the same analysis', () => {
    const plan = syntheticPlan({ actors: 40, decisionAreas: 80, stages: 4, changes: 120, competences: 6, seed: 7 });
    expect(JSON.stringify(analysePlan(plan).findings)).toBe(JSON.stringify(analysePlan(plan).findings));
  });
});
