import { Plan } from '../model/types';
import { forEachArea, IndexedMap } from './indexed-map';
import { CompetenceGap } from './gaps';
import { hierarchyOf } from './hierarchy';
import { ChangeOutcome, PlanState } from './state';

export interface StageMetrics {
  stageIndex: number;
  stageId: string | null;
  actors: number;
  decisionAreas: number;
  /** Effective decisions per hierarchy level (index = level; 0 = top). A shared decision counts at both levels. */
  decisionsPerLevel: number[];
  /** Mean hierarchy level of the effective deciders: higher means more decentralised. */
  meanDeciderDepth: number | null;
  meanDelegationLevel: number | null;
  reportingHoursPerYear: number;
  openGaps: number;
  closedGaps: number;
  /** Negative consequences of the stage at or above the risk threshold. */
  risks: number;
  /** Hierarchy levels that took part in the stage's consultations. */
  levelsConsulted: number[];
  changesApplied: number;
  changesNotApplicable: number;
}

function countActive(map: ReadonlyMap<string, { retired: boolean }>): number {
  let n = 0;
  if (map instanceof IndexedMap) {
    for (const v of map.slotValues as Array<{ retired: boolean } | undefined>) if (v && !v.retired) n++;
  } else for (const v of map.values()) if (!v.retired) n++;
  return n;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export function metricsAt(plan: Plan, state: PlanState, gaps: CompetenceGap[], outcomes: ChangeOutcome[]): StageMetrics {
  const hierarchy = hierarchyOf(state);
  const perLevel: number[] = [];
  // Sums in integer units (half levels, thousandths of hours) are exact, so input order cannot change them.
  let halfDepthSum = 0;
  let count = 0;
  let levelSum = 0;
  let milliHours = 0;
  forEachArea(state.areas, state.rights, (_id, _area, right) => {
    if (!right) return;
    // The effective deciders (see effectiveDeciders), without allocating: one, or both at level 4.
    const delegator = right.delegatorId && right.delegatorId !== right.deciderId ? right.delegatorId : null;
    const first = delegator && right.level <= 3 ? delegator : right.deciderId;
    const firstLevel = hierarchy.level(first);
    perLevel[firstLevel] = (perLevel[firstLevel] ?? 0) + 1;
    if (delegator && right.level === 4) {
      const secondLevel = hierarchy.level(delegator);
      perLevel[secondLevel] = (perLevel[secondLevel] ?? 0) + 1;
      halfDepthSum += firstLevel + secondLevel;
    } else {
      halfDepthSum += firstLevel * 2;
    }
    count += 1;
    levelSum += right.level;
    milliHours += Math.round((right.reporting?.hoursPerYear ?? 0) * 1000);
  });
  const actors = countActive(state.actors);
  const areas = countActive(state.areas);

  const levels = new Set<number>();
  let risks = 0;
  if (state.stageId) {
    for (const c of plan.consultations) {
      if (c.stageId !== state.stageId) continue;
      for (const level of c.levels) levels.add(level);
      for (const id of c.actorIds) if (state.actors.has(id)) levels.add(hierarchy.level(id));
    }
    for (const c of plan.consequences) {
      if (c.stageId === state.stageId && c.effect === 'negative' && c.likelihood * c.impact >= plan.settings.riskThreshold) risks++;
    }
  }
  return {
    stageIndex: state.index,
    stageId: state.stageId,
    actors,
    decisionAreas: areas,
    decisionsPerLevel: Array.from(perLevel, (n) => n ?? 0),
    meanDeciderDepth: count ? round(halfDepthSum / 2 / count) : null,
    meanDelegationLevel: count ? round(levelSum / count) : null,
    reportingHoursPerYear: milliHours / 1000,
    openGaps: gaps.filter((g) => g.status === 'open').length,
    closedGaps: gaps.filter((g) => g.status === 'closed').length,
    risks,
    levelsConsulted: [...levels].sort((a, b) => a - b),
    changesApplied: outcomes.filter((o) => o.applied).length,
    changesNotApplicable: outcomes.filter((o) => !o.applied).length,
  };
}
