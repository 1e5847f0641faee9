import { DecisionRight, Plan } from '../model/types';
import { forEachArea, IndexedMap } from './indexed-map';
import { CompetenceGap } from './gaps';
import { Hierarchy, hierarchyOf } from './hierarchy';
import { isCoreOperation, meetsCitizens } from './legal-roles';
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
  /**
   * Share (0–1) of effective decisions held by actors who work with citizens: lateral trust, which depth
   * alone misses (planning moved from back-office planners to front-line groups at the same depth).
   */
  frontLineShare?: number | null;
  /** Share (0–1) of core-operation decisions held by support functions (HR, IT, ekonomi…): the seed's "solitary knowledge corridors". */
  supportShareOfCore?: number | null;
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

/** What one decision right adds to a state's sums: the levels of its effective deciders, its level and reporting. */
interface Contribution {
  first: number;
  /** The second effective decider's level (level 4: both decide), or -1. */
  second: number;
  level: number;
  milliHours: number;
  /** Halves of the decision held by front-line actors (0–2). */
  halfFrontLine: number;
  /** 1 for a core-operation decision. */
  core: number;
  /** Halves of a core decision held by support functions (0–2). */
  halfSupportCore: number;
}

function contributionOf(right: DecisionRight, hierarchy: Hierarchy, state: PlanState): Contribution {
  // The effective deciders (see effectiveDeciders), without allocating: one, or both at level 4.
  const delegator = right.delegatorId && right.delegatorId !== right.deciderId ? right.delegatorId : null;
  const firstId = delegator && right.level <= 3 ? delegator : right.deciderId;
  const secondId = delegator && right.level === 4 ? delegator : null;
  const first = hierarchy.level(firstId);
  const second = secondId ? hierarchy.level(secondId) : -1;
  const halves = secondId ? 1 : 2;
  const a = state.actors.get(firstId);
  const b = secondId ? state.actors.get(secondId) : undefined;
  const core = isCoreOperation(state.areas.get(right.decisionAreaId)) ? 1 : 0;
  const support = (x: typeof a) => (x?.kind === 'support_function' ? halves : 0);
  return {
    first,
    second,
    level: right.level,
    milliHours: Math.round((right.reporting?.hoursPerYear ?? 0) * 1000),
    halfFrontLine: (meetsCitizens(a) ? halves : 0) + (secondId && meetsCitizens(b) ? halves : 0),
    core,
    halfSupportCore: core ? support(a) + (secondId ? support(b) : 0) : 0,
  };
}

/**
 * The sums behind the decision metrics, kept up to date right by right as states follow each other.
 * In integer units (half levels, thousandths of hours) they are exact, so input order cannot change them.
 */
export class RightSums {
  private readonly byArea = new Map<string, Contribution>();
  perLevel: number[] = [];
  halfDepth = 0;
  count = 0;
  levelSum = 0;
  milliHours = 0;
  halfFrontLine = 0;
  core = 0;
  halfSupportCore = 0;

  private add(c: Contribution, sign: 1 | -1): void {
    this.perLevel[c.first] = (this.perLevel[c.first] ?? 0) + sign;
    if (c.second >= 0) {
      this.perLevel[c.second] = (this.perLevel[c.second] ?? 0) + sign;
      this.halfDepth += sign * (c.first + c.second);
    } else {
      this.halfDepth += sign * c.first * 2;
    }
    this.count += sign;
    this.levelSum += sign * c.level;
    this.milliHours += sign * c.milliHours;
    this.halfFrontLine += sign * c.halfFrontLine;
    this.core += sign * c.core;
    this.halfSupportCore += sign * c.halfSupportCore;
  }

  /** Sets the area's right (undefined: it has none any more). */
  set(areaId: string, right: DecisionRight | undefined, hierarchy: Hierarchy, state: PlanState): void {
    const old = this.byArea.get(areaId);
    if (old) this.add(old, -1);
    if (!right) {
      this.byArea.delete(areaId);
      return;
    }
    const c = contributionOf(right, hierarchy, state);
    this.byArea.set(areaId, c);
    this.add(c, 1);
  }

  static of(state: PlanState): RightSums {
    const sums = new RightSums();
    const hierarchy = hierarchyOf(state);
    forEachArea(state.areas, state.rights, (areaId, _area, right) => {
      if (right) sums.set(areaId, right, hierarchy, state);
    });
    return sums;
  }
}

export function metricsAt(plan: Plan, state: PlanState, gaps: CompetenceGap[], outcomes: ChangeOutcome[], sums = RightSums.of(state)): StageMetrics {
  const hierarchy = hierarchyOf(state);
  const perLevel = [...sums.perLevel];
  while (perLevel.length > 0 && !perLevel[perLevel.length - 1]) perLevel.pop();
  const { halfDepth: halfDepthSum, count, levelSum, milliHours, halfFrontLine, core, halfSupportCore } = sums;
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
    frontLineShare: count ? round(halfFrontLine / 2 / count) : null,
    supportShareOfCore: core ? round(halfSupportCore / 2 / core) : null,
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
