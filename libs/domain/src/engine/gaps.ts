import { compareText } from './compare';
import { DecisionRight, Plan } from '../model/types';
import { effectiveDeciders } from './effective-deciders';
import { forEachArea } from './indexed-map';
import { AreaState, PlanState } from './state';

export interface CompetenceGap {
  stageIndex: number;
  stageId: string | null;
  actorId: string;
  competenceId: string;
  /** The highest level the actor's decisions require. */
  required: number;
  /** The baseline holding. */
  heldAtBaseline: number;
  /** The date the baseline holding expired, when it no longer counts at this stage. */
  expiredOn?: string;
  /** The level when the stage starts: holding plus development actions done by then. */
  held: number;
  /** The decision areas it effectively decides that need more than it held at baseline. */
  decisionAreaIds: string[];
  /** open: still short when the stage starts; closed: development actions close it in time. */
  status: 'open' | 'closed';
  /** Actions done before the stage starts that raise the level (closed gaps). */
  closingActionIds: string[];
  /** Actions that would close it but are planned for a later stage. */
  lateActionIds: string[];
  /** Actions done in time whose target level is below the requirement (open gaps). */
  lowActionIds?: string[];
}

const NO_ACTIONS: ReadonlyArray<{ id: string; targetLevel: number; stageIndex: number }> = [];

export interface CompetenceLedger {
  heldAtBaseline(actorId: string, competenceId: string): number;
  /** The holding as it counts when state `index` starts: the baseline one, or 0 once it has expired. */
  holdingAt(actorId: string, competenceId: string, index: number): number;
  /** When the holding expires: the date, and the first state index at which it no longer counts. */
  expiry(actorId: string, competenceId: string): { on: string; index: number } | undefined;
  /** Actions for the actor and competence with the stage index they are done before, by stage. */
  actions(actorId: string, competenceId: string): ReadonlyArray<{ id: string; targetLevel: number; stageIndex: number }>;
  /** The actor–competence pairs whose level changes at stage `index`: an action done by then, a holding expired. */
  actionsDueAt(index: number): ReadonlyArray<{ actorId: string; competenceId: string }>;
  /** The actors with a holding of the competence or an action for it. */
  actorsWith(competenceId: string): readonly string[];
}

/**
 * The first state index at which a holding that expires on `on` no longer counts: the baseline when it has
 * expired by `today`, else the first stage that starts on or after the date. Stages without a start date
 * are not placed in time, so a holding counts at them until a dated stage shows it has expired.
 */
function expiryIndex(plan: Plan, on: string, today: string | null): number {
  if (today !== null && on <= today) return 0;
  const k = plan.stages.findIndex((s) => s.startDate !== undefined && s.startDate >= on);
  return k < 0 ? Number.POSITIVE_INFINITY : k + 1;
}

export function competenceLedger(plan: Plan, options: { today?: string | null } = {}): CompetenceLedger {
  const today = options.today ?? null;
  const holdings = new Map<string, Map<string, number>>();
  const expiries = new Map<string, Map<string, { on: string; index: number }>>();
  for (const h of plan.holdings) {
    let byCompetence = holdings.get(h.actorId);
    if (!byCompetence) holdings.set(h.actorId, (byCompetence = new Map()));
    byCompetence.set(h.competenceId, Math.max(h.level, byCompetence.get(h.competenceId) ?? 0));
    if (h.expiresOn !== undefined && h.level > 0) {
      let byActor = expiries.get(h.actorId);
      if (!byActor) expiries.set(h.actorId, (byActor = new Map()));
      byActor.set(h.competenceId, { on: h.expiresOn, index: expiryIndex(plan, h.expiresOn, today) });
    }
  }
  const stageIndex = new Map(plan.stages.map((s, i) => [s.id, i + 1]));
  const actions = new Map<string, Map<string, Array<{ id: string; targetLevel: number; stageIndex: number }>>>();
  for (const a of plan.developmentActions) {
    const index = stageIndex.get(a.beforeStageId);
    if (index === undefined) continue;
    let byCompetence = actions.get(a.actorId);
    if (!byCompetence) actions.set(a.actorId, (byCompetence = new Map()));
    const list = byCompetence.get(a.competenceId) ?? [];
    list.push({ id: a.id, targetLevel: a.targetLevel, stageIndex: index });
    byCompetence.set(a.competenceId, list);
  }
  for (const byCompetence of actions.values()) {
    for (const list of byCompetence.values()) list.sort((x, y) => x.stageIndex - y.stageIndex || compareText(x.id, y.id));
  }
  const due = new Map<number, Array<{ actorId: string; competenceId: string }>>();
  for (const a of plan.developmentActions) {
    const index = stageIndex.get(a.beforeStageId);
    if (index === undefined) continue;
    const list = due.get(index);
    if (list) list.push({ actorId: a.actorId, competenceId: a.competenceId });
    else due.set(index, [{ actorId: a.actorId, competenceId: a.competenceId }]);
  }
  for (const [actorId, byCompetence] of expiries) {
    for (const [competenceId, { index }] of byCompetence) {
      if (!Number.isFinite(index)) continue;
      const list = due.get(index);
      if (list) list.push({ actorId, competenceId });
      else due.set(index, [{ actorId, competenceId }]);
    }
  }
  const withCompetence = new Map<string, Set<string>>();
  const note = (actorId: string, competenceId: string) => {
    const set = withCompetence.get(competenceId);
    if (set) set.add(actorId);
    else withCompetence.set(competenceId, new Set([actorId]));
  };
  for (const h of plan.holdings) note(h.actorId, h.competenceId);
  for (const a of plan.developmentActions) note(a.actorId, a.competenceId);
  const actorLists = new Map([...withCompetence].map(([competenceId, set]) => [competenceId, [...set]]));
  return {
    heldAtBaseline: (actorId, competenceId) => holdings.get(actorId)?.get(competenceId) ?? 0,
    holdingAt: (actorId, competenceId, index) => {
      const lapse = expiries.get(actorId)?.get(competenceId);
      return lapse && index >= lapse.index ? 0 : (holdings.get(actorId)?.get(competenceId) ?? 0);
    },
    expiry: (actorId, competenceId) => expiries.get(actorId)?.get(competenceId),
    actorsWith: (competenceId) => actorLists.get(competenceId) ?? [],
    actions: (actorId, competenceId) => actions.get(actorId)?.get(competenceId) ?? NO_ACTIONS,
    actionsDueAt: (index) => due.get(index) ?? [],
  };
}

interface Shortfall {
  actorId: string;
  competenceId: string;
  areaId: string;
  level: number;
}

/** What a right demands beyond its effective deciders' baseline holdings; cached by right and area. */
const shortfallCache = new WeakMap<CompetenceLedger, WeakMap<DecisionRight, { area: AreaState; list: Shortfall[] }>>();

function shortfalls(state: PlanState, ledger: CompetenceLedger, right: DecisionRight, area: AreaState): Shortfall[] {
  let byRight = shortfallCache.get(ledger);
  if (!byRight) shortfallCache.set(ledger, (byRight = new WeakMap()));
  const cached = byRight.get(right);
  if (cached && cached.area === area) return cached.list;
  const list: Shortfall[] = [];
  // The substitute decides when the decider cannot, so it needs the same competence.
  const deciders = effectiveDeciders(right);
  if (right.substituteId && !deciders.includes(right.substituteId)) deciders.push(right.substituteId);
  for (const actorId of deciders) {
    if (state.actors.get(actorId)?.kind === 'governing_body') continue;
    for (const r of area.requirements) {
      // A holding that expires at some stage leaves a need there, so the pair is followed from the start.
      const lowest = ledger.expiry(actorId, r.competenceId) ? 0 : ledger.heldAtBaseline(actorId, r.competenceId);
      if (lowest < r.level) list.push({ actorId, competenceId: r.competenceId, areaId: area.id, level: r.level });
    }
  }
  byRight.set(right, { area, list });
  return list;
}

/** The areas that need more than `level`, by id. */
function causes(areas: Shortfall[], level: number): string[] {
  const ids: string[] = [];
  for (const a of areas) if (a.level > level) ids.push(a.areaId);
  return ids.length > 1 ? ids.sort(compareText) : ids;
}

/**
 * The gap of one actor and competence from the shortfalls that cause it; null when the holding still
 * covers the requirement at this state (a holding that only expires later).
 */
function gapOf(state: PlanState, ledger: CompetenceLedger, areas: Shortfall[]): CompetenceGap | null {
  const { actorId, competenceId } = areas[0];
  const heldAtBaseline = ledger.heldAtBaseline(actorId, competenceId);
  const base = ledger.holdingAt(actorId, competenceId, state.index);
  let required = 0;
  for (const a of areas) if (a.level > required) required = a.level;
  if (base >= required) return null;
  let held = base;
  const closingActionIds: string[] = [];
  const lateActionIds: string[] = [];
  const lowActionIds: string[] = [];
  for (const action of ledger.actions(actorId, competenceId)) {
    if (action.stageIndex <= state.index) {
      if (action.targetLevel > held) held = action.targetLevel;
      if (action.targetLevel > base) closingActionIds.push(action.id);
      if (action.targetLevel < required) lowActionIds.push(action.id);
    } else if (action.targetLevel >= required) {
      lateActionIds.push(action.id);
    }
  }
  const open = held < required;
  const expired = base < heldAtBaseline ? ledger.expiry(actorId, competenceId)?.on : undefined;
  const gap: CompetenceGap = {
    stageIndex: state.index,
    stageId: state.stageId,
    actorId,
    competenceId,
    required,
    heldAtBaseline,
    held,
    decisionAreaIds: causes(areas, open ? held : base),
    status: open ? 'open' : 'closed',
    closingActionIds,
    lateActionIds: open ? lateActionIds : [],
    lowActionIds: open ? lowActionIds : [],
  };
  // Added only when there is one (no spread: gaps are made by the thousand on large plans).
  if (expired !== undefined) gap.expiredOn = expired;
  return gap;
}

function gapAtStage(g: CompetenceGap, state: PlanState): CompetenceGap {
  const gap: CompetenceGap = {
    stageIndex: state.index,
    stageId: state.stageId,
    actorId: g.actorId,
    competenceId: g.competenceId,
    required: g.required,
    heldAtBaseline: g.heldAtBaseline,
    held: g.held,
    decisionAreaIds: g.decisionAreaIds,
    status: g.status,
    closingActionIds: g.closingActionIds,
    lateActionIds: g.lateActionIds,
    lowActionIds: g.lowActionIds,
  };
  if (g.expiredOn !== undefined) gap.expiredOn = g.expiredOn;
  return gap;
}

/**
 * Competence gaps of the effective deciders of one state. Derived, never stored. Elected governing bodies
 * are left out: they decide on prepared material, and competence requirements speak of their delegates.
 */
export function gapsAt(state: PlanState, ledger: CompetenceLedger): CompetenceGap[] {
  return new GapTracker(ledger).advance(state, null);
}

/**
 * Gaps state after state, recomputing only what a stage touched: the rights that changed, and the
 * actor–competence pairs whose development actions fall due. Everything else carries over.
 */
/** One actor–competence pair with the areas that need more of it than the actor holds at baseline. */
interface Need {
  actorId: string;
  competenceId: string;
  areas: Map<string, Shortfall>;
  gap: CompetenceGap | null;
  /** The state index at which the pair was last touched (its areas changed, or an action fell due). */
  touchedAt: number;
  listed: boolean;
}

export class GapTracker {
  private readonly byArea = new Map<string, Shortfall[]>();
  private readonly needs = new Map<string, Map<string, Need>>();
  /** Pairs in output order; re-sorted only when a pair is new. */
  private order: Need[] = [];
  private orderStale = false;

  constructor(private readonly ledger: CompetenceLedger) {}

  private need(actorId: string, competenceId: string): Need {
    let byCompetence = this.needs.get(actorId);
    if (!byCompetence) this.needs.set(actorId, (byCompetence = new Map()));
    let need = byCompetence.get(competenceId);
    if (!need) {
      need = { actorId, competenceId, areas: new Map(), gap: null, touchedAt: -1, listed: false };
      byCompetence.set(competenceId, need);
    }
    if (!need.listed) {
      need.listed = true;
      this.order.push(need);
      this.orderStale = true;
    }
    return need;
  }

  /** `changedAreaIds` null: look at every area (the first state). */
  advance(state: PlanState, changedAreaIds: Iterable<string> | null): CompetenceGap[] {
    const k = state.index;
    const update = (areaId: string, area: AreaState | undefined, right: DecisionRight | undefined) => {
      const before = this.byArea.get(areaId);
      if (before) {
        for (const s of before) {
          const need = this.needs.get(s.actorId)?.get(s.competenceId);
          if (need) {
            need.areas.delete(areaId);
            need.touchedAt = k;
          }
        }
      }
      const after = right && area && !area.retired && area.requirements.length > 0 ? shortfalls(state, this.ledger, right, area) : [];
      if (after.length === 0) {
        this.byArea.delete(areaId);
        return;
      }
      this.byArea.set(areaId, after);
      for (const s of after) {
        const need = this.need(s.actorId, s.competenceId);
        need.areas.set(areaId, s);
        need.touchedAt = k;
      }
    };
    if (changedAreaIds === null) forEachArea(state.areas, state.rights, (areaId, area, right) => update(areaId, area, right));
    else for (const areaId of changedAreaIds) update(areaId, state.areas.get(areaId), state.rights.get(areaId));
    for (const { actorId, competenceId } of this.ledger.actionsDueAt(k)) {
      const need = this.needs.get(actorId)?.get(competenceId);
      if (need) need.touchedAt = k;
    }

    if (this.orderStale) {
      this.order.sort((a, b) => compareText(a.actorId, b.actorId) || compareText(a.competenceId, b.competenceId));
      this.orderStale = false;
    }
    const gaps: CompetenceGap[] = [];
    let kept = 0;
    for (const need of this.order) {
      if (need.areas.size === 0) {
        need.listed = false;
        need.gap = null;
        continue;
      }
      this.order[kept++] = need;
      const gap = need.gap && need.touchedAt !== k ? gapAtStage(need.gap, state) : gapOf(state, this.ledger, [...need.areas.values()]);
      need.gap = gap;
      if (gap) gaps.push(gap);
    }
    this.order.length = kept;
    return gaps;
  }
}
