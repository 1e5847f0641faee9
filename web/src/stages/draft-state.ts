import { Change } from '@tillit/domain';
import { rebaseDraft, RebasedDraft, resolveRebase, sameChanges, Side } from './rebase-draft';

/** A stage's change list as the server holds it, under the stage's version. */
export interface SavedChanges {
  version: number;
  changes: Change[];
}

/** Someone else saved the list while this user had a draft: the two side by side until the user decides. */
export interface DraftConflict {
  latest: SavedChanges;
  rebased: RebasedDraft;
  choices: Record<string, Side>;
}

/**
 * The stage editor's draft: `saved` is the list the draft started from (the base of a rebase), `version`
 * the stage version it was read under (null until read).
 */
export interface DraftState {
  version: number | null;
  saved: Change[];
  draft: Change[];
  conflict: DraftConflict | null;
}

export function freshDraft(changes: Change[], version: number | null = null): DraftState {
  return { version, saved: changes, draft: changes, conflict: null };
}

/** Whether leaving would lose work: a draft that differs from what it started from, or an open conflict. */
export function hasUnsavedDraft(state: DraftState): boolean {
  return state.conflict !== null || !sameChanges(state.draft, state.saved);
}

/**
 * The state after reading the latest saved list (on a 409, or when the plan was reloaded). The draft is
 * never dropped: with no draft the latest list simply becomes the draft; when the list did not change
 * only the version moves on (a save of the stage's own fields bumps it); otherwise the draft and the
 * latest list are shown side by side, choices already made for conflicts that remain are kept.
 */
export function withLatest(state: DraftState, latest: SavedChanges, reservedIds: Iterable<string> = []): DraftState {
  if (state.conflict?.latest.version === latest.version) return state;
  if (sameChanges(latest.changes, state.saved)) return { ...state, version: latest.version, conflict: null };
  if (!hasUnsavedDraft(state)) return freshDraft(latest.changes, latest.version);
  const rebased = rebaseDraft(state.saved, latest.changes, state.draft, reservedIds);
  const previous = state.conflict?.choices ?? {};
  const choices = Object.fromEntries(rebased.conflicts.flatMap((c) => (previous[c.id] ? [[c.id, previous[c.id]]] : [])));
  return { ...state, conflict: { latest, rebased, choices } };
}

/**
 * "Keep my draft": the draft rebased onto the latest list, which becomes the new base. `null` while a
 * conflict has no choice.
 */
export function keepDraft(state: DraftState): DraftState | null {
  if (!state.conflict) return state;
  const draft = resolveRebase(state.conflict.rebased, state.conflict.choices);
  return draft && { version: state.conflict.latest.version, saved: state.conflict.latest.changes, draft, conflict: null };
}

/** "Discard my draft": the latest list, as saved. */
export function discardDraft(state: DraftState): DraftState {
  return state.conflict ? freshDraft(state.conflict.latest.changes, state.conflict.latest.version) : freshDraft(state.saved, state.version);
}

export function chooseSide(state: DraftState, id: string, side: Side): DraftState {
  return state.conflict ? { ...state, conflict: { ...state.conflict, choices: { ...state.conflict.choices, [id]: side } } } : state;
}
