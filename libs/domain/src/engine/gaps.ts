import { Plan } from '../model/types';
import { effectiveDeciders } from './hierarchy';
import { PlanState } from './state';

export interface CompetenceGap {
  stageIndex: number;
  stageId: string | null;
  actorId: string;
  competenceId: string;
  /** The highest level the actor's decisions require. */
  required: number;
  /** The baseline holding. */
  heldAtBaseline: number;
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
}

const key = (actorId: string, competenceId: string) => `${actorId}\u0000${competenceId}`;

export interface CompetenceLedger {
  heldAtBaseline(actorId: string, competenceId: string): number;
  /** Actions for the actor and competence with the stage index they are done before, by stage. */
  actions(actorId: string, competenceId: string): ReadonlyArray<{ id: string; targetLevel: number; stageIndex: number }>;
}

export function competenceLedger(plan: Plan): CompetenceLedger {
  const holdings = new Map<string, number>();
  for (const h of plan.holdings) holdings.set(key(h.actorId, h.competenceId), Math.max(h.level, holdings.get(key(h.actorId, h.competenceId)) ?? 0));
  const stageIndex = new Map(plan.stages.map((s, i) => [s.id, i + 1]));
  const actions = new Map<string, Array<{ id: string; targetLevel: number; stageIndex: number }>>();
  for (const a of plan.developmentActions) {
    const index = stageIndex.get(a.beforeStageId);
    if (index === undefined) continue;
    const k = key(a.actorId, a.competenceId);
    const list = actions.get(k) ?? [];
    list.push({ id: a.id, targetLevel: a.targetLevel, stageIndex: index });
    actions.set(k, list);
  }
  for (const list of actions.values()) list.sort((x, y) => x.stageIndex - y.stageIndex || x.id.localeCompare(y.id));
  return {
    heldAtBaseline: (actorId, competenceId) => holdings.get(key(actorId, competenceId)) ?? 0,
    actions: (actorId, competenceId) => actions.get(key(actorId, competenceId)) ?? [],
  };
}

/**
 * Competence gaps of the effective deciders of one state. Derived, never stored. Elected governing bodies
 * are left out: they decide on prepared material, and competence requirements speak of their delegates.
 */
export function gapsAt(state: PlanState, ledger: CompetenceLedger): CompetenceGap[] {
  // actor -> competence -> areas with their required level
  const needs = new Map<string, Map<string, Array<{ areaId: string; level: number }>>>();
  for (const [areaId, right] of state.rights) {
    const area = state.areas.get(areaId);
    if (!area || area.requirements.length === 0) continue;
    for (const actorId of effectiveDeciders(right)) {
      if (state.actors.get(actorId)?.kind === 'governing_body') continue;
      let byCompetence = needs.get(actorId);
      if (!byCompetence) needs.set(actorId, (byCompetence = new Map()));
      for (const r of area.requirements) {
        const list = byCompetence.get(r.competenceId);
        if (list) list.push({ areaId, level: r.level });
        else byCompetence.set(r.competenceId, [{ areaId, level: r.level }]);
      }
    }
  }
  const gaps: CompetenceGap[] = [];
  for (const [actorId, byCompetence] of needs) {
    for (const [competenceId, areas] of byCompetence) {
      const heldAtBaseline = ledger.heldAtBaseline(actorId, competenceId);
      let required = 0;
      for (const a of areas) if (a.level > required) required = a.level;
      if (required <= heldAtBaseline) continue;
      let held = heldAtBaseline;
      const closingActionIds: string[] = [];
      const lateActionIds: string[] = [];
      for (const action of ledger.actions(actorId, competenceId)) {
        if (action.stageIndex <= state.index) {
          if (action.targetLevel > held) held = action.targetLevel;
          if (action.targetLevel > heldAtBaseline) closingActionIds.push(action.id);
        } else if (action.targetLevel >= required) {
          lateActionIds.push(action.id);
        }
      }
      const open = held < required;
      gaps.push({
        stageIndex: state.index,
        stageId: state.stageId,
        actorId,
        competenceId,
        required,
        heldAtBaseline,
        held,
        decisionAreaIds: areas.filter((a) => a.level > (open ? held : heldAtBaseline)).map((a) => a.areaId).sort(),
        status: open ? 'open' : 'closed',
        closingActionIds,
        lateActionIds: open ? lateActionIds : [],
      });
    }
  }
  return gaps.sort((a, b) => a.actorId.localeCompare(b.actorId) || a.competenceId.localeCompare(b.competenceId));
}
