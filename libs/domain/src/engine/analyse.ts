import { ClarityAssessment, Plan } from '../model/types';
import { clarityFindings } from '../rules/clarity.rules';
import { competenceFindings, expiringHoldingFindings, singleHolderFindings } from '../rules/competence.rules';
import { consequenceFindings } from '../rules/consequences.rules';
import { StageContext } from '../rules/context';
import { controlBalanceFindings, supportFunctionFindings } from '../rules/control-balance.rules';
import { definitionFindings } from '../rules/definition.rules';
import { atStage, compareFindings, CONFIGURABLE_RULES, Finding, Severity, SeverityOverrides } from '../rules/finding';
import { DecisionArea, DecisionRight } from '../model/types';
import { AreaCause, findingsOfCauses } from '../rules/causes';
import { goesDown, integrityAreaCauses, integrityStateFindings } from '../rules/integrity.rules';
import { legalityAreaCauses } from '../rules/legality.rules';
import { participationFindings } from '../rules/participation.rules';
import { stepFindings } from '../rules/steps.rules';
import { rangeText } from '../rules/text';
import { diffStates, StateDiff } from './diff';
import { SingleHolderTracker } from './competence-needs';
import { CompetenceGap, competenceLedger, GapTracker } from './gaps';
import { deriveHierarchy, hierarchyOf } from './hierarchy';
import { forEachArea, IndexedMap } from './indexed-map';
import { metricsAt, RightSums, StageMetrics } from './metrics';
import { BaselineIssue, ChangeOutcome, foldPlan, PlanState } from './state';

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
 * held with the right to delegate further. Only what a stage changed can add a grant; a set is replaced,
 * never changed, when it grows.
 */
function grantsPerState(states: PlanState[], diffs: StateDiff[]): Array<ReadonlyMap<string, ReadonlySet<string>>> {
  const first = states[0];
  const initial: IndexedMap<ReadonlySet<string>> | Map<string, ReadonlySet<string>> =
    first.areas instanceof IndexedMap ? IndexedMap.empty(first.areas.index) : new Map();
  const result: Array<ReadonlyMap<string, ReadonlySet<string>>> = [];
  type Grants = typeof initial;
  // A set made for this state is not seen by any earlier one, so it may grow in place; others are copied.
  let own = new Set<ReadonlySet<string>>();
  const add = (next: Grants, areaId: string, actorId: string) => {
    const current = next.get(areaId);
    if (current?.has(actorId)) return;
    if (current && own.has(current)) {
      (current as Set<string>).add(actorId);
      return;
    }
    const copy = new Set(current ?? []);
    copy.add(actorId);
    own.add(copy);
    next.set(areaId, copy);
  };
  const grant = (next: Grants, areaId: string, area: DecisionArea | null | undefined, right: DecisionRight | null | undefined) => {
    if (area) for (const actorId of area.onwardDelegationBy) add(next, areaId, actorId);
    if (right?.mayDelegateFurther) add(next, areaId, right.deciderId);
  };
  forEachArea(first.areas, first.rights, (areaId, area, right) => grant(initial, areaId, area, right));
  result.push(initial);
  let grants = initial;
  diffs.forEach((diff, i) => {
    const next = grants instanceof IndexedMap ? grants.copy() : new Map(grants);
    own = new Set();
    const state = states[i + 1];
    for (const d of diff.areas) if (d.after) grant(next, d.decisionAreaId, d.after, state.rights.get(d.decisionAreaId));
    for (const d of diff.rights) if (d.after) grant(next, d.decisionAreaId, null, d.after);
    result.push(next);
    grants = next;
  });
  return result;
}

/** Whether two lists of effective deciders (one or two ids) hold the same actors. */
function sameDeciders(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  return a.length === 1 ? a[0] === b[0] : (a[0] === b[0] && a[1] === b[1]) || (a[0] === b[1] && a[1] === b[0]);
}

/**
 * Areas whose competence shortfalls may differ from the previous state: the area itself changed, or its
 * effective deciders or substitute did (decider, delegator, substitute; a level only when it moves the
 * decision between delegator and decider, which most level changes do not). Consultation and reporting
 * do not matter here.
 */
export function gapAreas(diff: StateDiff): Set<string> {
  const ids = new Set<string>();
  for (const d of diff.rights) {
    if (
      !d.before ||
      !d.after ||
      d.kinds.some((kind) => kind === 'moved' || kind === 'delegator' || kind === 'substitute') ||
      (d.kinds.includes('level') && !sameDeciders(d.effectiveBefore, d.effectiveAfter))
    )
      ids.add(d.decisionAreaId);
  }
  for (const d of diff.areas) ids.add(d.decisionAreaId);
  return ids;
}

/** Actors whose own data changed between two states, or whose place in the hierarchy did. */
function affectedActors(diff: StateDiff | null, moved: Set<string>): Set<string> {
  const affected = new Set(moved);
  // An actor added at the stage is named by no right that did not change with it.
  if (diff) for (const d of diff.actors) if (!d.kinds.includes('added')) affected.add(d.actorId);
  return affected;
}

/**
 * Integrity and legality of every decision area, state after state. An area is looked at again only when
 * its right or area changed, or an actor its right names was retired, reinstated or moved; the findings of
 * every other area carry over, re-stamped with the stage. That keeps large plans fast.
 */
/** Two rights for one area stay a problem until a change says who decides (moves the decision) or retires the area. */
function unresolved(issues: BaselineIssue[], outcomes: ChangeOutcome[]): BaselineIssue[] {
  if (issues.length === 0 || outcomes.length === 0) return issues;
  const settled = new Set<string>();
  for (const o of outcomes) {
    if (o.applied && (o.change.type === 'move_decision' || o.change.type === 'retire_decision_area')) settled.add(o.change.decisionAreaId);
  }
  return settled.size === 0 ? issues : issues.filter((i) => !settled.has(i.decisionAreaId));
}

/** A right changed only in its consultation, or in a level that leaves its effective deciders as they were. */
function causesStay(d: StateDiff['rights'][number]): boolean {
  if (!d.before || !d.after) return false;
  for (const kind of d.kinds) if (kind !== 'level' && kind !== 'consultation') return false;
  return sameDeciders(d.effectiveBefore, d.effectiveAfter);
}

class AreaFindings {
  /** The causes found in each area. */
  private readonly causes = new Map<string, AreaCause[]>();
  /** The causes of each finding, and the finding as last made: re-stamped while its causes stay. */
  private readonly groups = new Map<string, { causes: Set<AreaCause>; finding: Finding | null }>();
  private readonly keys = new WeakMap<AreaCause, string>();

  /** `lasting`: a finding whose causes stayed is given again as it is (it only extends its run). */
  constructor(
    private readonly grouped: boolean,
    private readonly lasting: boolean,
  ) {}

  /** `namingAffected`: areas whose right names an actor the stage retired, reinstated or moved. */
  next(ctx: StageContext, diff: StateDiff | null, namingAffected: string[]): Finding[] {
    const visit = new Set<string>();
    if (!diff) {
      for (const areaId of ctx.state.areas.keys()) visit.add(areaId);
    } else {
      // The integrity and legality of an area do not depend on its consultation, nor on its level beyond
      // who effectively decides: the most common changes leave its causes as they were.
      for (const d of diff.rights) if (!causesStay(d)) visit.add(d.decisionAreaId);
      for (const d of diff.areas) visit.add(d.decisionAreaId);
      for (const areaId of namingAffected) visit.add(areaId);
    }
    const dirty = new Set<string>();
    for (const areaId of visit) {
      for (const c of this.causes.get(areaId) ?? []) {
        const key = this.keys.get(c) as string;
        this.groups.get(key)?.causes.delete(c);
        dirty.add(key);
      }
      const area = ctx.state.areas.get(areaId);
      const list = area && !area.retired ? integrityAreaCauses(ctx, areaId).concat(legalityAreaCauses(ctx, areaId)) : [];
      if (list.length === 0) {
        this.causes.delete(areaId);
        continue;
      }
      this.causes.set(areaId, list);
      for (const c of list) {
        const key = causeKey(c, this.grouped);
        this.keys.set(c, key);
        const group = this.groups.get(key);
        if (group) group.causes.add(c);
        else this.groups.set(key, { causes: new Set([c]), finding: null });
        dirty.add(key);
      }
    }
    const ref = { index: ctx.state.index, id: ctx.state.stageId };
    const out: Finding[] = [];
    for (const [key, group] of this.groups) {
      if (group.causes.size === 0) {
        this.groups.delete(key);
        continue;
      }
      group.finding =
        group.finding && !dirty.has(key)
          ? this.lasting
            ? group.finding
            : atStage(group.finding, ref)
          : findingsOfCauses(ctx, [...group.causes], this.grouped)[0];
      out.push(group.finding);
    }
    return out;
  }
}

/**
 * The decision areas whose right names each actor (as decider, delegator, reporting recipient or
 * substitute), kept from state to state through the diffs: which areas an actor's change touches is then
 * a look-up, not a pass over every area of every state.
 */
class NamingIndex {
  private readonly byActor = new Map<string, Set<string>>();

  fill(state: PlanState): void {
    this.byActor.clear();
    for (const [areaId, right] of state.rights) this.add(areaId, right);
  }

  update(diff: StateDiff): void {
    for (const d of diff.rights) {
      const { before, after } = d;
      // Most changes (level, consultation, reporting hours) name the same actors as before.
      if (
        before &&
        after &&
        before.deciderId === after.deciderId &&
        before.delegatorId === after.delegatorId &&
        before.substituteId === after.substituteId &&
        before.reporting?.toId === after.reporting?.toId
      )
        continue;
      if (before) this.remove(d.decisionAreaId, before);
      if (after) this.add(d.decisionAreaId, after);
    }
  }

  /** The areas of `state` whose right names one of `actors`, in the state's own order of areas. */
  naming(state: PlanState, actors: ReadonlySet<string>): string[] {
    const ids = new Set<string>();
    for (const actorId of actors) for (const areaId of this.byActor.get(actorId) ?? []) if (state.areas.has(areaId)) ids.add(areaId);
    const areas = state.areas;
    if (!(areas instanceof IndexedMap)) return [...areas.keys()].filter((id) => ids.has(id));
    const slot = (id: string) => areas.index.slot(id) as number;
    return [...ids].sort((a, b) => slot(a) - slot(b));
  }

  private named(right: DecisionRight): Array<string | null | undefined> {
    return [right.deciderId, right.delegatorId, right.reporting?.toId, right.substituteId];
  }

  private add(areaId: string, right: DecisionRight): void {
    for (const actorId of this.named(right)) {
      if (!actorId) continue;
      const set = this.byActor.get(actorId);
      if (set) set.add(areaId);
      else this.byActor.set(actorId, new Set([areaId]));
    }
  }

  private remove(areaId: string, right: DecisionRight): void {
    for (const actorId of this.named(right)) if (actorId) this.byActor.get(actorId)?.delete(areaId);
  }
}

function causeKey(c: AreaCause, grouped: boolean): string {
  return `${c.rule}|${c.subjects.map((s) => s.id).join(',')}|${c.variant}${grouped ? '' : `|${c.areaId}`}`;
}

export interface AnalysisOptions {
  /** Today's date (YYYY-MM-DD): consultations and decisions dated after it are plans, not facts. */
  today?: string;
  /** The organisation's own severities, for the rules where the law leaves room (others are ignored). */
  severities?: SeverityOverrides;
  /**
   * false: one finding per decision area (or change) and state instead of one per cause and run of states
   * (for comparison; the default groups).
   */
  grouped?: boolean;
  /**
   * false: a problem that lasts over several states is one finding per state (grouped by cause still);
   * by default it is one finding, reported where it starts, with the run of states it holds in.
   */
  lasting?: boolean;
}

/** Whether `f` says the same as `run` (the finding of the state before): then it only extends the run. */
function sameFinding(run: Finding, f: Finding): boolean {
  if (run.severity !== f.severity || run.subjects.length !== f.subjects.length) return false;
  if (run.message !== f.message && (run.message.sv !== f.message.sv || run.message.en !== f.message.en)) return false;
  if (run.fix !== f.fix && (run.fix.sv !== f.fix.sv || run.fix.en !== f.fix.en)) return false;
  if (run.subjects === f.subjects) return true;
  for (let i = 0; i < f.subjects.length; i++) {
    const a = run.subjects[i];
    const b = f.subjects[i];
    if (a.id !== b.id || a.type !== b.type) return false;
  }
  return true;
}

/** The run of states in the message of each finding that holds in more than one (built once per finding). */
function withRanges(findings: Finding[], last: number): Finding[] {
  return findings.map((f) => {
    if (f.stageIndex === null || (f.until ?? last) <= f.stageIndex) return f;
    const range = rangeText(f.stageIndex, f.until, last);
    return { ...f, message: { sv: `${f.message.sv} ${range.sv}`, en: `${f.message.en} ${range.en}` } };
  });
}

/** Findings with the organisation's severities, re-sorted (severity orders findings within a stage). */
function withSeverities(findings: Finding[], overrides: SeverityOverrides | undefined): Finding[] {
  const chosen = new Map<string, Severity>();
  for (const rule of CONFIGURABLE_RULES) {
    const severity = overrides?.[rule];
    if (severity) chosen.set(rule, severity);
  }
  if (chosen.size === 0) return findings;
  return findings
    .map((f) => {
      const severity = chosen.get(f.rule);
      return severity ? { ...f, severity } : f;
    })
    .sort(compareFindings);
}

/** The full analysis of a plan: every state, diff, gap, finding and metric. Pure and deterministic. */
export function analysePlan(plan: Plan, options: AnalysisOptions = {}): Analysis {
  const today = options.today ?? null;
  const fold = foldPlan(plan);
  const { states, outcomes } = fold;
  const ledger = competenceLedger(plan, { today });
  const gapTracker = new GapTracker(ledger);
  const singleHolderTracker = new SingleHolderTracker(
    ledger,
    plan.competences.map((c) => c.id),
  );
  let sums: RightSums | undefined;
  const stageIndex = new Map(plan.stages.map((s, i) => [s.id, i + 1]));
  const diffs: StateDiff[] = states.slice(1).map((state, i) => diffStates(states[i], state));
  const grants = grantsPerState(states, diffs);
  const clarityByActor = new Map<string, Array<{ assessment: ClarityAssessment; stageIndex: number }>>();
  for (const assessment of plan.clarity) {
    const index = stageIndex.get(assessment.stageId);
    if (index === undefined) continue;
    const list = clarityByActor.get(assessment.actorId) ?? [];
    list.push({ assessment, stageIndex: index });
    clarityByActor.set(assessment.actorId, list);
  }
  for (const list of clarityByActor.values()) list.sort((a, b) => a.stageIndex - b.stageIndex);
  const gaps: CompetenceGap[][] = [];
  const metrics: StageMetrics[] = [];
  const findings: Finding[] = definitionFindings(plan, today).sort(compareFindings);
  const grouped = options.grouped ?? true;
  const lasting = grouped && (options.lasting ?? true);
  /** The finding of each key in the state before: its run, which a same finding now extends. */
  let held = new Map<string, Finding>();
  const areaFindings = new AreaFindings(grouped, lasting);
  let openIssues = fold.baselineIssues;
  const notDownward = new Map<string, DecisionRight>();
  const naming = new NamingIndex();

  states.forEach((state, k) => {
    const previous = k > 0 ? states[k - 1] : null;
    const diff = k > 0 ? diffs[k - 1] : null;
    const moved = previous && diff ? deriveHierarchy(previous, state, diff) : new Set<string>();
    const changedAreas = diff ? gapAreas(diff) : null;
    const stateGaps = gapTracker.advance(state, changedAreas);
    gaps.push(stateGaps);
    const stageOutcomes = k > 0 ? outcomes[k - 1] : [];
    const hierarchy = hierarchyOf(state);
    // One pass finds the rights that name an actor the stage retired, reinstated or moved; those naming a
    // moved actor (as decider or delegator) also change depth and direction.
    const affected = affectedActors(diff, moved);
    const namingAffected: string[] = [];
    const namingMoved: Array<[string, DecisionRight]> = [];
    if (diff) naming.update(diff);
    else naming.fill(state);
    if (diff && affected.size > 0) {
      for (const areaId of naming.naming(state, affected)) {
        const right = state.rights.get(areaId);
        if (!right) continue;
        const decider = affected.has(right.deciderId);
        const delegator = !!right.delegatorId && affected.has(right.delegatorId);
        const named =
          decider || delegator || (right.reporting && affected.has(right.reporting.toId)) || (right.substituteId && affected.has(right.substituteId));
        if (named) namingAffected.push(areaId);
        if ((decider && moved.has(right.deciderId)) || (delegator && moved.has(right.delegatorId as string))) namingMoved.push([areaId, right]);
      }
    }
    if (!sums) sums = RightSums.of(state);
    else {
      for (const d of diff?.rights ?? []) sums.set(d.decisionAreaId, d.after ?? undefined, hierarchy, state);
      for (const [areaId, right] of namingMoved) sums.set(areaId, right, hierarchy, state);
    }
    metrics.push(metricsAt(plan, state, stateGaps, stageOutcomes, sums));
    const checkDirection = (areaId: string, right: DecisionRight | null | undefined) => {
      if (right?.delegatorId && !goesDown(hierarchy, right)) notDownward.set(areaId, right);
      else notDownward.delete(areaId);
    };
    if (!diff) {
      forEachArea(state.areas, state.rights, (areaId, _area, right) => checkDirection(areaId, right));
    } else {
      for (const d of diff.rights) checkDirection(d.decisionAreaId, d.after);
      for (const [areaId, right] of namingMoved) checkDirection(areaId, right);
    }
    const ctx: StageContext = {
      plan,
      state,
      hierarchy,
      notDownward,
      stage: k > 0 ? plan.stages[k - 1] : null,
      previous,
      diff,
      outcomes: stageOutcomes,
      gaps: stateGaps,
      singleHolders: singleHolderTracker.advance(state, changedAreas, diff ? diff.actors.map((d) => d.actorId) : null),
      stageIndex,
      onwardGrants: grants[k],
      today,
      clarityByActor,
      lasting,
    };
    const stateFindings = [
      ...competenceFindings(ctx),
      ...singleHolderFindings(ctx),
      ...expiringHoldingFindings(ctx),
      ...clarityFindings(ctx),
      ...stepFindings(ctx),
      ...consequenceFindings(ctx),
      ...participationFindings(ctx),
      ...integrityStateFindings(ctx, (openIssues = unresolved(openIssues, stageOutcomes)), grouped),
      ...controlBalanceFindings(ctx),
      ...supportFunctionFindings(ctx),
      ...areaFindings.next(ctx, diff, namingAffected),
    ];
    // One look-up per finding: the finding of its key in the state before gives both where the unbroken
    // run of the key started (since) and, when it says the same, the run it extends.
    const next = new Map<string, Finding>();
    const starting: Finding[] = [];
    const ref = { index: k, id: state.stageId };
    for (const found of stateFindings) {
      const before = held.get(found.key);
      if (lasting && before && (before === found || sameFinding(before, found))) {
        before.until = k;
        next.set(found.key, before);
        continue;
      }
      // A rule may give a finding of an earlier state as it is (ctx.lasting): one that starts here is its own.
      const f = found.stageIndex === k ? found : atStage(found, ref);
      f.since = before?.since ?? k;
      next.set(f.key, f);
      starting.push(f);
    }
    held = next;
    // Findings are ordered by stage first, so sorting each state's own is enough.
    starting.sort(compareFindings);
    for (const f of starting) findings.push(f);
  });
  // What still holds in the last state holds from where it started on.
  const last = states.length - 1;
  if (lasting && last > 0) for (const run of held.values()) run.until = null;

  return {
    states,
    diffs,
    outcomes,
    gaps,
    findings: withSeverities(lasting ? withRanges(findings, last) : findings, options.severities),
    metrics,
  };
}
