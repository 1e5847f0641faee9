import { ClarityAssessment, Plan } from '../model/types';
import { clarityFindings } from '../rules/clarity.rules';
import { competenceFindings } from '../rules/competence.rules';
import { consequenceFindings } from '../rules/consequences.rules';
import { StageContext } from '../rules/context';
import { controlBalanceFindings } from '../rules/control-balance.rules';
import { definitionFindings } from '../rules/definition.rules';
import { compareFindings, Finding } from '../rules/finding';
import { DecisionArea, DecisionRight } from '../model/types';
import { integrityAreaFindings, integrityStateFindings } from '../rules/integrity.rules';
import { legalityAreaFindings } from '../rules/legality.rules';
import { participationFindings } from '../rules/participation.rules';
import { stepFindings } from '../rules/steps.rules';
import { diffStates, StateDiff } from './diff';
import { CompetenceGap, competenceLedger, GapTracker } from './gaps';
import { deriveHierarchy, hierarchyOf } from './hierarchy';
import { forEachArea, IndexedMap } from './indexed-map';
import { metricsAt, StageMetrics } from './metrics';
import { ChangeOutcome, foldPlan, PlanState } from './state';

export interface Analysis {
  /** states[0] is the baseline, states[k] the state after stage k. */
  states: PlanState[];
  /** diffs[k - 1] goes from state k − 1 to state k. */
  diffs: StateDiff[];
  outcomes: ChangeOutcome[][];
  /** gaps[k]: competence gaps of state k. */
  gaps: CompetenceGap[][];
  findings: Finding[];
  metrics: StageMetrics[];
}

/**
 * Onward-delegation grants up to each state (area id → actors): from the ordinance, and from every right
 * held with the right to delegate further. A set is replaced, never changed, when it grows.
 */
function grantsPerState(states: PlanState[]): Array<ReadonlyMap<string, ReadonlySet<string>>> {
  const result: Array<ReadonlyMap<string, ReadonlySet<string>>> = [];
  let previous: PlanState | null = null;
  let grants = null as IndexedMap<ReadonlySet<string>> | Map<string, ReadonlySet<string>> | null;
  for (const state of states) {
    const next: IndexedMap<ReadonlySet<string>> | Map<string, ReadonlySet<string>> =
      grants instanceof IndexedMap ? grants.copy() : state.areas instanceof IndexedMap ? new IndexedMap(state.areas.index) : new Map(grants ?? []);
    const add = (areaId: string, actorId: string) => {
      const current = next.get(areaId);
      if (current?.has(actorId)) return;
      const copy = new Set(current ?? []);
      copy.add(actorId);
      next.set(areaId, copy);
    };
    const before = previous;
    forEachArea(state.areas, state.rights, (areaId, area, right) => {
      // Only what changed since the previous state can add a grant.
      if (!before || before.areas.get(areaId) !== area) for (const actorId of area.onwardDelegationBy) add(areaId, actorId);
      if (right?.mayDelegateFurther && (!before || before.rights.get(areaId) !== right)) add(areaId, right.deciderId);
    });
    result.push(next);
    grants = next;
    previous = state;
  }
  return result;
}

function changedAreas(diff: StateDiff): Set<string> {
  const ids = new Set<string>();
  for (const d of diff.rights) ids.add(d.decisionAreaId);
  for (const d of diff.areas) ids.add(d.decisionAreaId);
  return ids;
}

/** Actors whose own data changed between two states, or whose place in the hierarchy did. */
function affectedActors(diff: StateDiff | null, moved: Set<string>): Set<string> {
  const affected = new Set(moved);
  if (diff) for (const d of diff.actors) affected.add(d.actorId);
  return affected;
}

interface AreaCacheEntry {
  area: DecisionArea | undefined;
  right: DecisionRight | undefined;
  grants: ReadonlySet<string> | undefined;
  findings: Finding[];
}

function involves(right: DecisionRight | undefined, affected: Set<string>): boolean {
  if (!right || affected.size === 0) return false;
  return affected.has(right.deciderId) || (!!right.delegatorId && affected.has(right.delegatorId)) || (!!right.reporting && affected.has(right.reporting.toId));
}

/**
 * Integrity and legality of every decision area. An area whose right, grants and actors did not change
 * since the previous state keeps its findings (re-stamped with this stage), so large plans stay fast.
 */
function areaFindings(ctx: StageContext, cache: Array<AreaCacheEntry | undefined>, affected: Set<string>): Finding[] {
  const out: Finding[] = [];
  const ref = { index: ctx.state.index, id: ctx.state.stageId };
  forEachArea(ctx.state.areas, ctx.state.rights, (areaId, area, right, slot) => {
    if (area.retired) {
      cache[slot] = undefined;
      return;
    }
    const grants = ctx.onwardGrants.get(areaId);
    const cached = cache[slot];
    let findings: Finding[];
    if (cached && cached.area === area && cached.right === right && cached.grants === grants && !involves(right, affected)) {
      findings = cached.findings.map((f) => ({ ...f, id: `${f.key}@${ref.index}`, stageIndex: ref.index, stageId: ref.id }));
    } else {
      findings = [...integrityAreaFindings(ctx, areaId), ...legalityAreaFindings(ctx, areaId)];
    }
    if (cached) {
      cached.area = area;
      cached.right = right;
      cached.grants = grants;
      cached.findings = findings;
    } else cache[slot] = { area, right, grants, findings };
    for (const f of findings) out.push(f);
  });
  return out;
}

/** The full analysis of a plan: every state, diff, gap, finding and metric. Pure and deterministic. */
export function analysePlan(plan: Plan): Analysis {
  const fold = foldPlan(plan);
  const { states, outcomes } = fold;
  const ledger = competenceLedger(plan);
  const gapTracker = new GapTracker(ledger);
  const stageIndex = new Map(plan.stages.map((s, i) => [s.id, i + 1]));
  const grants = grantsPerState(states);
  const clarityByActor = new Map<string, Array<{ assessment: ClarityAssessment; stageIndex: number }>>();
  for (const assessment of plan.clarity) {
    const index = stageIndex.get(assessment.stageId);
    if (index === undefined) continue;
    const list = clarityByActor.get(assessment.actorId) ?? [];
    list.push({ assessment, stageIndex: index });
    clarityByActor.set(assessment.actorId, list);
  }
  for (const list of clarityByActor.values()) list.sort((a, b) => a.stageIndex - b.stageIndex);
  const diffs: StateDiff[] = [];
  const gaps: CompetenceGap[][] = [];
  const metrics: StageMetrics[] = [];
  const findings: Finding[] = definitionFindings(plan).sort(compareFindings);
  let previousKeys = new Map<string, number>();
  const areaCache: Array<AreaCacheEntry | undefined> = [];

  states.forEach((state, k) => {
    const previous = k > 0 ? states[k - 1] : null;
    const diff = previous ? diffStates(previous, state) : null;
    if (diff) diffs.push(diff);
    const moved = previous && diff ? deriveHierarchy(previous, state, diff) : new Set<string>();
    const stateGaps = gapTracker.advance(state, diff ? changedAreas(diff) : null);
    gaps.push(stateGaps);
    const stageOutcomes = k > 0 ? outcomes[k - 1] : [];
    metrics.push(metricsAt(plan, state, stateGaps, stageOutcomes));
    const ctx: StageContext = {
      plan,
      state,
      hierarchy: hierarchyOf(state),
      stage: k > 0 ? plan.stages[k - 1] : null,
      previous,
      diff,
      outcomes: stageOutcomes,
      gaps: stateGaps,
      stageIndex,
      onwardGrants: grants[k],
      clarityByActor,
    };
    const stateFindings = [
      ...competenceFindings(ctx),
      ...clarityFindings(ctx),
      ...stepFindings(ctx),
      ...consequenceFindings(ctx),
      ...participationFindings(ctx),
      ...integrityStateFindings(ctx, fold.baselineIssues),
      ...controlBalanceFindings(ctx),
      ...areaFindings(ctx, areaCache, affectedActors(diff, moved)),
    ];
    const keys = new Map<string, number>();
    for (const f of stateFindings) {
      f.since = previousKeys.get(f.key) ?? k;
      keys.set(f.key, f.since);
    }
    previousKeys = keys;
    // Findings are ordered by stage first, so sorting each state's own is enough.
    stateFindings.sort(compareFindings);
    for (const f of stateFindings) findings.push(f);
  });

  return { states, diffs, outcomes, gaps, findings, metrics };
}
