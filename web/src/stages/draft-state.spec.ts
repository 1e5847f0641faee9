import { Change } from '@tillit/domain';
import { describe, expect, it } from 'vitest';
import { chooseSide, discardDraft, DraftState, freshDraft, hasUnsavedDraft, keepDraft, withLatest } from './draft-state';

const change = (id: string, description = `Förändring ${id}`): Change =>
  ({ id, type: 'system', description, actorIds: [], decisionAreaIds: [], principleIds: [] }) as Change;
const a = change('a');
const b = change('b');
const loaded = freshDraft([a, b], 3);
const drafted: DraftState = { ...loaded, draft: [a, b, change('mine')] };

describe(withLatest.name, () => {
  it('takes the latest list as the draft when there is no draft', () => {
    expect(withLatest(loaded, { version: 4, changes: [a] })).toEqual(freshDraft([a], 4));
  });

  it('keeps the draft and only moves the version on when the list itself did not change', () => {
    expect(withLatest(drafted, { version: 4, changes: [a, b] })).toEqual({ ...drafted, version: 4 });
  });

  it('opens a conflict instead of dropping the draft when someone else changed the list', () => {
    const next = withLatest(drafted, { version: 4, changes: [a, b, change('theirs')] });
    expect(next.draft).toEqual(drafted.draft);
    expect(next.version).toBe(3);
    expect(next.conflict?.latest.version).toBe(4);
    expect(hasUnsavedDraft(next)).toBe(true);
  });

  it('keeps the choices made when the same conflict is read again under a newer version', () => {
    const mine: DraftState = { ...loaded, draft: [change('a', 'Mitt a'), b] };
    const first = chooseSide(withLatest(mine, { version: 4, changes: [change('a', 'Deras a'), b] }), 'a', 'mine');
    const again = withLatest(first, { version: 5, changes: [change('a', 'Deras a'), b, change('c')] });
    expect(again.conflict?.choices).toEqual({ a: 'mine' });
    expect(again.conflict?.latest.version).toBe(5);
  });
});

describe(keepDraft.name, () => {
  it('puts the draft on top of the latest list, which becomes its base', () => {
    const conflicted = withLatest(drafted, { version: 4, changes: [a, b, change('theirs')] });
    const kept = keepDraft(conflicted);
    expect(kept).toEqual({ version: 4, saved: [a, b, change('theirs')], draft: [a, b, change('theirs'), change('mine')], conflict: null });
    expect(kept && hasUnsavedDraft(kept)).toBe(true);
  });

  it('waits until every conflict has a side', () => {
    const mine: DraftState = { ...loaded, draft: [change('a', 'Mitt a'), b] };
    const conflicted = withLatest(mine, { version: 4, changes: [change('a', 'Deras a'), b] });
    expect(keepDraft(conflicted)).toBeNull();
    expect(keepDraft(chooseSide(conflicted, 'a', 'theirs'))?.draft).toEqual([change('a', 'Deras a'), b]);
  });
});

describe(discardDraft.name, () => {
  it('takes the latest list and its version', () => {
    const conflicted = withLatest(drafted, { version: 4, changes: [a] });
    expect(discardDraft(conflicted)).toEqual(freshDraft([a], 4));
    expect(hasUnsavedDraft(discardDraft(conflicted))).toBe(false);
  });
});
