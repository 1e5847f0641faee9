import { Plan } from '../model/types';
import { diffStates } from './diff';
import { foldPlan, PlanState } from './state';

/** The actor and everyone under it in a state (its unit: the roles, teams and groups that report to it). */
function unitOf(state: PlanState, actorId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const [id, actor] of state.actors) {
    if (!actor.reportsTo) continue;
    const list = children.get(actor.reportsTo);
    if (list) list.push(id);
    else children.set(actor.reportsTo, [id]);
  }
  const unit = new Set<string>([actorId]);
  const queue = [actorId];
  while (queue.length) {
    for (const child of children.get(queue.pop() as string) ?? []) {
      if (unit.has(child)) continue;
      unit.add(child);
      queue.push(child);
    }
  }
  return unit;
}

/**
 * The stages that affect a unit: where it, or anyone under it, gains or loses a decision, sees a decision
 * right it holds, delegates, is consulted or informed on, or reports on change, or is itself added,
 * retired, moved or edited. What an employee of the unit is asked to comment on.
 */
export function stagesAffectingUnit(plan: Plan, actorId: string): string[] {
  const { states } = foldPlan(plan);
  const affecting: string[] = [];
  plan.stages.forEach((stage, i) => {
    const before = states[i];
    const after = states[i + 1];
    const unit = new Set([...unitOf(before, actorId), ...unitOf(after, actorId)]);
    const diff = diffStates(before, after);
    const names = (ids: Array<string | null | undefined>) => ids.some((id) => id != null && unit.has(id));
    const touched =
      names([...diff.gained, ...diff.lost].map((g) => g.actorId)) ||
      diff.actors.some((a) => unit.has(a.actorId)) ||
      diff.rights.some((r) =>
        [r.before, r.after].some(
          (right) =>
            right !== null &&
            names([right.deciderId, right.delegatorId, right.reporting?.toId, right.substituteId, ...right.consulted, ...right.informed]),
        ),
      ) ||
      stage.changes.some((c) => c.type === 'system' && names(c.actorIds));
    if (touched) affecting.push(stage.id);
  });
  return affecting;
}
