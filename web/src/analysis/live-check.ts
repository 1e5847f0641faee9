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
 * Which findings an unsaved edit of a stage's changes would add, and which it would resolve. A finding is
 * one cause listing what it concerns (its key stays while the list changes): one that would concern
 * something more than the saved one counts as added, in its new form. `today`: the date the saved findings
 * were judged against (the same, or dates would count as findings of the edit).
 */
export function liveCheck(plan: Plan, saved: Finding[], stageId: string, draft: Change[], today?: string): LiveCheck {
  const after = analysePlan(withDraft(plan, stageId, draft), { today }).findings;
  const before = new Map(saved.map((f) => [f.id, f]));
  const now = new Set(after.map((f) => f.id));
  const subject = (s: Finding['subjects'][number]) => `${s.type}:${s.id}`;
  const grew = (f: Finding, was: Finding) => {
    if (f.subjects.length === was.subjects.length && f.subjects.every((s, i) => subject(s) === subject(was.subjects[i]))) return false;
    const known = new Set(was.subjects.map(subject));
    return f.subjects.some((s) => !known.has(subject(s)));
  };
  return {
    added: after.filter((f) => {
      const was = before.get(f.id);
      return !was || grew(f, was);
    }),
    resolved: saved.filter((f) => !now.has(f.id)),
  };
}
