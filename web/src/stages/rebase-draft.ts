import { Change } from '@tillit/domain';
import { uniqueSlug } from '../common/slug';

/**
 * A stage's draft put back on top of a list someone else saved meanwhile: a three-way merge per change id
 * between the list the draft started from (base), the latest saved list (theirs) and the draft (mine).
 * Pure and framework-free, so that the editor only draws what it decides.
 */

/** Whose version of a conflicting change to keep. */
export type Side = 'mine' | 'theirs';

/** One change both people touched differently: `null` on a side means that side deleted it. */
export interface ChangeConflict {
  id: string;
  base: Change;
  theirs: Change | null;
  mine: Change | null;
}

/** The rebased list in order: merged changes, and the slots where a conflict waits for a choice. */
export type RebaseEntry = { kind: 'change'; change: Change } | { kind: 'conflict'; conflict: ChangeConflict };

export interface RebasedDraft {
  entries: RebaseEntry[];
  conflicts: ChangeConflict[];
  /** Changes of the draft that got a new id because the other person added a different change with theirs. */
  renamed: Array<{ from: string; to: string }>;
}

/** What one list does to another: changes added, changed (before and after) and removed, in list order. */
export interface ChangeListDiff {
  added: Change[];
  changed: Array<{ before: Change; after: Change }>;
  removed: Change[];
}

/** JSON with sorted keys: two changes are the same whatever order their properties came in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function sameChange(a: Change | undefined, b: Change | undefined): boolean {
  // Untouched changes of a draft are the very objects it was made from: no need to serialise those.
  return a === b || (!!a && !!b && canonical(a) === canonical(b));
}

/** Whether two lists hold the same changes in the same order. */
export function sameChanges(a: readonly Change[], b: readonly Change[]): boolean {
  return a === b || (a.length === b.length && a.every((c, i) => sameChange(c, b[i])));
}

const byId = (list: readonly Change[]) => new Map(list.map((c) => [c.id, c]));

/** What `to` adds, changes and removes compared with `from`, matched by change id. */
export function diffChanges(from: readonly Change[], to: readonly Change[]): ChangeListDiff {
  const before = byId(from);
  const after = byId(to);
  return {
    added: to.filter((c) => !before.has(c.id)),
    changed: to.flatMap((c) => {
      const old = before.get(c.id);
      return old && !sameChange(old, c) ? [{ before: old, after: c }] : [];
    }),
    removed: from.filter((c) => !after.has(c.id)),
  };
}

type Slot = RebaseEntry;

/**
 * The draft rebased onto the latest saved list. Per change id:
 * - changed on one side only (or the same way on both): that side's version;
 * - deleted on one side and untouched on the other: deleted;
 * - added on one side: kept, the draft's additions after the other person's at the same place;
 * - added on both with the same id but different content: both kept, the draft's under a new id;
 * - edited on both differently, or edited on one side and deleted on the other: a conflict.
 * `reservedIds` are ids a new id must also avoid (the other stages' changes).
 */
export function rebaseDraft(
  base: readonly Change[],
  theirs: readonly Change[],
  mine: readonly Change[],
  reservedIds: Iterable<string> = [],
): RebasedDraft {
  const baseById = byId(base);
  const mineById = byId(mine);
  const conflicts: ChangeConflict[] = [];
  const renamed: RebasedDraft['renamed'] = [];
  const slotOf = (id: string, slots: Slot[]) => slots.findIndex((s) => (s.kind === 'change' ? s.change.id : s.conflict.id) === id);

  // Theirs gives the order; each of their changes is resolved against base and mine.
  const slots: Slot[] = [];
  for (const their of theirs) {
    const original = baseById.get(their.id);
    const my = mineById.get(their.id);
    if (!original) {
      slots.push({ kind: 'change', change: their });
      continue;
    }
    if (!my) {
      // The draft deleted it: gone, unless they changed it meanwhile.
      if (sameChange(original, their)) continue;
      const conflict = { id: their.id, base: original, theirs: their, mine: null };
      conflicts.push(conflict);
      slots.push({ kind: 'conflict', conflict });
      continue;
    }
    if (sameChange(my, original) || sameChange(my, their)) slots.push({ kind: 'change', change: their });
    else if (sameChange(their, original)) slots.push({ kind: 'change', change: my });
    else {
      const conflict = { id: their.id, base: original, theirs: their, mine: my };
      conflicts.push(conflict);
      slots.push({ kind: 'conflict', conflict });
    }
  }

  // What the draft has that theirs does not: its own additions, and changes they deleted.
  const theirIds = new Set(theirs.map((c) => c.id));
  const taken = new Set([...reservedIds, ...base.map((c) => c.id), ...theirs.map((c) => c.id), ...mine.map((c) => c.id)]);
  const theirAdditions = new Set(theirs.filter((c) => !baseById.has(c.id)).map((c) => c.id));
  mine.forEach((my, index) => {
    const original = baseById.get(my.id);
    let slot: Slot;
    if (original && !theirIds.has(my.id)) {
      // They deleted it: gone, unless the draft changed it.
      if (sameChange(my, original)) return;
      const conflict = { id: my.id, base: original, theirs: null, mine: my };
      conflicts.push(conflict);
      slot = { kind: 'conflict', conflict };
    } else if (!original && theirAdditions.has(my.id)) {
      // Both added a change under the same id (ids are made from the same plan): the same one, or two.
      if (
        sameChange(
          my,
          theirs.find((c) => c.id === my.id),
        )
      )
        return;
      const to = uniqueSlug(my.id, taken);
      taken.add(to);
      renamed.push({ from: my.id, to });
      slot = { kind: 'change', change: { ...my, id: to } };
    } else if (!original) slot = { kind: 'change', change: my };
    else return;
    // After the nearest earlier change of the draft that is in the list, and after their additions there.
    let at = 0;
    for (let i = index - 1; i >= 0; i--) {
      const found = slotOf(mine[i].id, slots);
      if (found >= 0) {
        at = found + 1;
        break;
      }
    }
    while (at < slots.length && slots[at].kind === 'change' && theirAdditions.has((slots[at] as { change: Change }).change.id)) at++;
    slots.splice(at, 0, slot);
  });
  return { entries: slots, conflicts, renamed };
}

/**
 * The rebased list with a side chosen for every conflict, or `null` while a conflict has no choice.
 * Choosing the side that deleted a change drops it.
 */
export function resolveRebase(rebased: RebasedDraft, choices: Readonly<Record<string, Side | undefined>>): Change[] | null {
  if (rebased.conflicts.some((c) => !choices[c.id])) return null;
  return rebased.entries.flatMap((entry) => {
    if (entry.kind === 'change') return [entry.change];
    const chosen = choices[entry.conflict.id] === 'mine' ? entry.conflict.mine : entry.conflict.theirs;
    return chosen ? [chosen] : [];
  });
}
