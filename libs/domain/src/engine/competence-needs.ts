import { compareText } from './compare';
import { effectiveDeciders } from './effective-deciders';
import { CompetenceLedger } from './gaps';
import { forEachArea } from './indexed-map';
import { DecisionRight } from '../model/types';
import { AreaState, PlanState } from './state';

/** What one actor needs of one competence at a state: the highest level, and the areas that ask for it. */
export interface CompetenceNeed {
  level: number;
  /** Areas it effectively decides (or stands in for) that require the competence at any level, by id. */
  areaIds: string[];
}

/**
 * The competence each actor needs at a state: for every area in force, its requirements apply to the
 * effective deciders and the substitute, as for gaps. Elected governing bodies are left out (they decide on
 * prepared material). actor id → competence id → need.
 */
export function needsAt(state: PlanState): Map<string, Map<string, CompetenceNeed>> {
  const needs = new Map<string, Map<string, CompetenceNeed>>();
  forEachArea(state.areas, state.rights, (areaId, area, right) => {
    if (!right || !area || area.retired || area.requirements.length === 0) return;
    const deciders = effectiveDeciders(right);
    if (right.substituteId && !deciders.includes(right.substituteId)) deciders.push(right.substituteId);
    for (const actorId of deciders) {
      if (state.actors.get(actorId)?.kind === 'governing_body') continue;
      let byCompetence = needs.get(actorId);
      if (!byCompetence) needs.set(actorId, (byCompetence = new Map()));
      for (const r of area.requirements) {
        const need = byCompetence.get(r.competenceId);
        if (!need) byCompetence.set(r.competenceId, { level: r.level, areaIds: [areaId] });
        else {
          if (r.level > need.level) need.level = r.level;
          if (need.areaIds[need.areaIds.length - 1] !== areaId) need.areaIds.push(areaId);
        }
      }
    }
  });
  return needs;
}

/**
 * The level an actor has of a competence when state `index` starts: the baseline holding (unless it has
 * expired by then) raised by actions done by then.
 */
export function heldAt(ledger: CompetenceLedger, actorId: string, competenceId: string, index: number): number {
  let held = ledger.holdingAt(actorId, competenceId, index);
  for (const action of ledger.actions(actorId, competenceId)) if (action.stageIndex <= index && action.targetLevel > held) held = action.targetLevel;
  return held;
}

/** A competence level that the decisions of a state require and only one actor holds. */
export interface SingleHolder {
  competenceId: string;
  level: number;
  /** The one actor (not retired, not a governing body) that holds the competence at the level or above. */
  actorId: string;
  /** The areas in force that require exactly this level, by id. */
  decisionAreaIds: string[];
}

/**
 * Single points of failure at a state: for each competence and each level decisions require, the actors
 * in force (governing bodies aside) holding at least that level when the state starts; exactly one is a
 * risk — if that actor is away, nobody can take those decisions competently.
 */
export function singleHolders(state: PlanState, ledger: CompetenceLedger, competenceIds: readonly string[]): SingleHolder[] {
  // competence → level → areas requiring it, from areas whose deciders are bound by requirements.
  const required = new Map<string, Map<number, string[]>>();
  forEachArea(state.areas, state.rights, (areaId, area, right) => {
    if (!right || !area || area.retired || area.requirements.length === 0) return;
    const bound = effectiveDeciders(right).some((id) => state.actors.get(id)?.kind !== 'governing_body');
    if (!bound) return;
    for (const r of area.requirements) {
      if (r.level <= 0) continue;
      let byLevel = required.get(r.competenceId);
      if (!byLevel) required.set(r.competenceId, (byLevel = new Map()));
      const list = byLevel.get(r.level);
      if (list) {
        if (list[list.length - 1] !== areaId) list.push(areaId);
      } else byLevel.set(r.level, [areaId]);
    }
  });
  if (required.size === 0) return [];
  const out: SingleHolder[] = [];
  const known = new Set(competenceIds);
  for (const competenceId of [...required.keys()].sort(compareText)) {
    if (!known.has(competenceId)) continue;
    const byLevel = required.get(competenceId) as Map<number, string[]>;
    const levels = [...byLevel.keys()].sort((a, b) => a - b);
    // Who holds it at the lowest level asked; higher levels can only have fewer.
    const held: Array<[string, number]> = [];
    for (const actorId of ledger.actorsWith(competenceId)) {
      const actor = state.actors.get(actorId);
      if (!actor || actor.retired || actor.kind === 'governing_body') continue;
      const level = heldAt(ledger, actorId, competenceId, state.index);
      if (level >= levels[0]) held.push([actorId, level]);
    }
    for (const level of levels) {
      let count = 0;
      let holder = '';
      for (const [actorId, l] of held) {
        if (l < level) continue;
        count++;
        holder = actorId;
        if (count > 1) break;
      }
      if (count === 0) break;
      if (count === 1)
        out.push({ competenceId, level, actorId: holder, decisionAreaIds: (byLevel.get(level) as string[]).slice().sort(compareText) });
    }
  }
  return out;
}

/** The competence levels an area asks of deciders bound by requirements (none when only governing bodies decide it). */
function areaDemands(state: PlanState, area: AreaState | undefined, right: DecisionRight | undefined): Array<readonly [string, number]> {
  if (!right || !area || area.retired || area.requirements.length === 0) return [];
  if (!effectiveDeciders(right).some((id) => state.actors.get(id)?.kind !== 'governing_body')) return [];
  return area.requirements.filter((r) => r.level > 0).map((r) => [r.competenceId, r.level] as const);
}

/**
 * `singleHolders` state after state, touching only what a stage changed: the areas whose rights or data
 * changed, the actors added, retired or reinstated, and the pairs whose development actions fall due. The
 * answer for each state equals `singleHolders` (a test checks it on messy synthetic plans).
 */
export class SingleHolderTracker {
  /** competence → actor → level held at the current state (every actor with a holding or an action). */
  private readonly levels = new Map<string, Map<string, number>>();
  /** competence → how many counted actors hold at least level l (index l, 1–4). */
  private readonly atLeast = new Map<string, number[]>();
  /** Actors in force that are not governing bodies. */
  private readonly counted = new Set<string>();
  private readonly competencesOf = new Map<string, string[]>();
  private readonly demands = new Map<string, Array<readonly [string, number]>>();
  /** competence → level → areas requiring it. */
  private readonly required = new Map<string, Map<number, Set<string>>>();
  private readonly known: Set<string>;
  private started = false;

  constructor(
    private readonly ledger: CompetenceLedger,
    competenceIds: readonly string[],
  ) {
    this.known = new Set(competenceIds);
    for (const competenceId of competenceIds) {
      for (const actorId of ledger.actorsWith(competenceId)) {
        const list = this.competencesOf.get(actorId);
        if (list) list.push(competenceId);
        else this.competencesOf.set(actorId, [competenceId]);
      }
    }
  }

  private count(competenceId: string, level: number, delta: number) {
    let counts = this.atLeast.get(competenceId);
    if (!counts) this.atLeast.set(competenceId, (counts = [0, 0, 0, 0, 0]));
    for (let l = 1; l <= level && l < counts.length; l++) counts[l] += delta;
  }

  private setCounted(actorId: string, counted: boolean) {
    if (counted === this.counted.has(actorId)) return;
    if (counted) this.counted.add(actorId);
    else this.counted.delete(actorId);
    for (const competenceId of this.competencesOf.get(actorId) ?? [])
      this.count(competenceId, this.levels.get(competenceId)?.get(actorId) ?? 0, counted ? 1 : -1);
  }

  private setLevel(actorId: string, competenceId: string, level: number) {
    let byActor = this.levels.get(competenceId);
    if (!byActor) this.levels.set(competenceId, (byActor = new Map()));
    const before = byActor.get(actorId) ?? 0;
    if (before === level) return;
    byActor.set(actorId, level);
    if (this.counted.has(actorId)) {
      this.count(competenceId, before, -1);
      this.count(competenceId, level, 1);
    }
  }

  private setArea(state: PlanState, areaId: string) {
    for (const [competenceId, level] of this.demands.get(areaId) ?? []) this.required.get(competenceId)?.get(level)?.delete(areaId);
    const next = areaDemands(state, state.areas.get(areaId), state.rights.get(areaId));
    if (next.length === 0) {
      this.demands.delete(areaId);
      return;
    }
    this.demands.set(areaId, next);
    for (const [competenceId, level] of next) {
      let byLevel = this.required.get(competenceId);
      if (!byLevel) this.required.set(competenceId, (byLevel = new Map()));
      const set = byLevel.get(level);
      if (set) set.add(areaId);
      else byLevel.set(level, new Set([areaId]));
    }
  }

  /** `changedAreaIds` as for the gaps; `changedActorIds`: actors added, retired or reinstated (null: the first state). */
  advance(state: PlanState, changedAreaIds: Iterable<string> | null, changedActorIds: Iterable<string> | null): SingleHolder[] {
    const inForce = (id: string) => {
      const a = state.actors.get(id);
      return !!a && !a.retired && a.kind !== 'governing_body';
    };
    if (!this.started || changedAreaIds === null || changedActorIds === null) {
      this.started = true;
      for (const [actorId, competenceIds] of this.competencesOf) {
        for (const competenceId of competenceIds) this.setLevel(actorId, competenceId, heldAt(this.ledger, actorId, competenceId, state.index));
        this.setCounted(actorId, inForce(actorId));
      }
      forEachArea(state.areas, state.rights, (areaId) => this.setArea(state, areaId));
    } else {
      for (const { actorId, competenceId } of this.ledger.actionsDueAt(state.index))
        if (this.known.has(competenceId)) this.setLevel(actorId, competenceId, heldAt(this.ledger, actorId, competenceId, state.index));
      for (const actorId of changedActorIds) this.setCounted(actorId, inForce(actorId));
      for (const areaId of changedAreaIds) this.setArea(state, areaId);
    }
    const out: SingleHolder[] = [];
    for (const competenceId of [...this.required.keys()].sort(compareText)) {
      const byLevel = this.required.get(competenceId) as Map<number, Set<string>>;
      const counts = this.atLeast.get(competenceId);
      for (const level of [...byLevel.keys()].sort((a, b) => a - b)) {
        const areas = byLevel.get(level) as Set<string>;
        if (areas.size === 0 || counts?.[Math.min(level, 4)] !== 1) continue;
        let holder = '';
        for (const [actorId, l] of this.levels.get(competenceId) ?? []) {
          if (l >= level && this.counted.has(actorId)) {
            holder = actorId;
            break;
          }
        }
        out.push({ competenceId, level, actorId: holder, decisionAreaIds: [...areas].sort(compareText) });
      }
    }
    return out;
  }
}
