import { analysePlan, Change, Finding, holdsIn, Plan } from '@tillit/domain';

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
 * one cause listing what it concerns (its key stays while the list changes), over the run of states it
 * holds in: one counts as added when, in some state of its run, the saved findings of its key did not hold
 * or concerned less; one counts as resolved when, in some state of its run, no finding of its key would
 * hold any more. `today`: the date the saved findings were judged against (the same, or dates would count
 * as findings of the edit).
 */
export function liveCheck(plan: Plan, saved: Finding[], stageId: string, draft: Change[], today?: string): LiveCheck {
  const after = analysePlan(withDraft(plan, stageId, draft), { today }).findings;
  const last = plan.stages.length;
  const byKey = (list: Finding[]) => {
    const map = new Map<string, Finding[]>();
    for (const f of list) {
      const same = map.get(f.key);
      if (same) same.push(f);
      else map.set(f.key, [f]);
    }
    return map;
  };
  const before = byKey(saved);
  const now = byKey(after);
  const subject = (s: Finding['subjects'][number]) => `${s.type}:${s.id}`;
  /** The states a finding holds in; the plan as a whole counts as one (null). */
  const statesOf = (f: Finding): Array<number | null> => {
    if (f.stageIndex === null) return [null];
    const out: number[] = [];
    for (let k = f.stageIndex; k <= (f.until ?? last); k++) out.push(k);
    return out;
  };
  const at = (list: Finding[] | undefined, k: number | null) =>
    list?.find((f) => (k === null ? f.stageIndex === null : f.stageIndex !== null && holdsIn(f, k)));
  const covers = (was: Finding, f: Finding) => {
    const known = new Set(was.subjects.map(subject));
    return f.subjects.every((s) => known.has(subject(s)));
  };
  return {
    added: after.filter((f) =>
      statesOf(f).some((k) => {
        const was = at(before.get(f.key), k);
        return !was || !covers(was, f);
      }),
    ),
    resolved: saved.filter((f) => statesOf(f).some((k) => !at(now.get(f.key), k))),
  };
}
