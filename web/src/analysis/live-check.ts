import { analysePlan, Change, Finding, Plan } from '@tillit/domain';

export interface LiveCheck {
  added: Finding[];
  resolved: Finding[];
}

/** The plan with a stage's changes replaced by a draft. */
export function withDraft(plan: Plan, stageId: string, draft: Change[]): Plan {
  return { ...plan, stages: plan.stages.map((s) => (s.id === stageId ? { ...s, changes: draft } : s)) };
}

/**
 * Which findings an unsaved edit of a stage's changes would add, and which it would resolve. `today`: the
 * date the saved findings were judged against (the same, or dates would count as findings of the edit).
 */
export function liveCheck(plan: Plan, saved: Finding[], stageId: string, draft: Change[], today?: string): LiveCheck {
  const after = analysePlan(withDraft(plan, stageId, draft), { today }).findings;
  const before = new Set(saved.map((f) => f.id));
  const now = new Set(after.map((f) => f.id));
  return { added: after.filter((f) => !before.has(f.id)), resolved: saved.filter((f) => !now.has(f.id)) };
}
