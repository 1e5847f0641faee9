import { Plan } from '../model/types';
import { clarityFindings } from '../rules/clarity.rules';
import { competenceFindings } from '../rules/competence.rules';
import { consequenceFindings } from '../rules/consequences.rules';
import { StageContext } from '../rules/context';
import { controlBalanceFindings } from '../rules/control-balance.rules';
import { definitionFindings } from '../rules/definition.rules';
import { compareFindings, Finding } from '../rules/finding';
import { integrityFindings } from '../rules/integrity.rules';
import { legalityFindings } from '../rules/legality.rules';
import { participationFindings } from '../rules/participation.rules';
import { stepFindings } from '../rules/steps.rules';
import { diffStates, StateDiff } from './diff';
import { CompetenceGap, competenceLedger, gapsAt } from './gaps';
import { hierarchyOf } from './hierarchy';
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

/** Onward-delegation grants up to each state: from the ordinance, and from every right held with the right to delegate further. */
function grantsPerState(states: PlanState[]): Array<Map<string, Set<string>>> {
  const result: Array<Map<string, Set<string>>> = [];
  let grants = new Map<string, Set<string>>();
  for (const state of states) {
    const next = new Map(grants);
    const add = (areaId: string, actorId: string) => {
      const current = next.get(areaId);
      if (current?.has(actorId)) return;
      const copy = new Set(current ?? []);
      copy.add(actorId);
      next.set(areaId, copy);
    };
    for (const area of state.areas.values()) for (const actorId of area.onwardDelegationBy) add(area.id, actorId);
    for (const right of state.rights.values()) if (right.mayDelegateFurther) add(right.decisionAreaId, right.deciderId);
    result.push(next);
    grants = next;
  }
  return result;
}

/** The full analysis of a plan: every state, diff, gap, finding and metric. Pure and deterministic. */
export function analysePlan(plan: Plan): Analysis {
  const fold = foldPlan(plan);
  const { states, outcomes } = fold;
  const ledger = competenceLedger(plan);
  const stageIndex = new Map(plan.stages.map((s, i) => [s.id, i + 1]));
  const grants = grantsPerState(states);
  const diffs: StateDiff[] = [];
  const gaps: CompetenceGap[][] = [];
  const metrics: StageMetrics[] = [];
  const findings: Finding[] = [...definitionFindings(plan)];
  let previousKeys = new Map<string, number>();

  states.forEach((state, k) => {
    const previous = k > 0 ? states[k - 1] : null;
    const diff = previous ? diffStates(previous, state) : null;
    if (diff) diffs.push(diff);
    const stateGaps = gapsAt(state, ledger);
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
    };
    const stateFindings = [
      ...competenceFindings(ctx),
      ...clarityFindings(ctx),
      ...stepFindings(ctx),
      ...consequenceFindings(ctx),
      ...participationFindings(ctx),
      ...integrityFindings(ctx, fold.baselineIssues),
      ...controlBalanceFindings(ctx),
      ...legalityFindings(ctx),
    ];
    const keys = new Map<string, number>();
    for (const f of stateFindings) {
      f.since = previousKeys.get(f.key) ?? k;
      keys.set(f.key, f.since);
    }
    previousKeys = keys;
    findings.push(...stateFindings);
  });

  return { states, diffs, outcomes, gaps, findings: findings.sort(compareFindings), metrics };
}
