import { Change } from '@tillit/domain';
import { describe, expect, it } from 'vitest';
import { diffChanges, rebaseDraft, resolveRebase, sameChanges } from './rebase-draft';

/** A system change: the simplest change, told apart by its description. */
const change = (id: string, description = `Förändring ${id}`, extra: Partial<Change> = {}): Change =>
  ({ id, type: 'system', description, actorIds: [], decisionAreaIds: [], principleIds: [], ...extra }) as Change;
const edited = (c: Change, description: string): Change => ({ ...c, description }) as Change;
const ids = (list: readonly Change[] | null) => list?.map((c) => c.id);

const a = change('a');
const b = change('b');
const c = change('c');
const base = [a, b, c];

describe(rebaseDraft.name, () => {
  it('keeps the other person’s addition and puts the draft’s own addition after it', () => {
    const theirs = [...base, change('theirs-new')];
    const mine = [...base, change('mine-new')];
    const rebased = rebaseDraft(base, theirs, mine);
    expect(rebased.conflicts).toEqual([]);
    expect(ids(resolveRebase(rebased, {}))).toEqual(['a', 'b', 'c', 'theirs-new', 'mine-new']);
  });

  it('keeps a draft’s addition at its place in the list', () => {
    const rebased = rebaseDraft(base, base, [a, change('between'), b, c]);
    expect(ids(resolveRebase(rebased, {}))).toEqual(['a', 'between', 'b', 'c']);
  });

  it('puts an addition at the very start of the draft at the start', () => {
    const rebased = rebaseDraft(base, [b, c], [change('first'), a, b, c]);
    expect(ids(resolveRebase(rebased, {}))).toEqual(['first', 'b', 'c']);
  });

  it('gives the draft’s addition a new id when the other person added a different change under the same id', () => {
    const theirs = [...base, change('system', 'Deras system')];
    const mine = [...base, change('system', 'Mitt system')];
    const rebased = rebaseDraft(base, theirs, mine, ['system-2']);
    const result = resolveRebase(rebased, {});
    expect(result?.map((x) => [x.id, (x as { description: string }).description])).toEqual([
      ['a', 'Förändring a'],
      ['b', 'Förändring b'],
      ['c', 'Förändring c'],
      ['system', 'Deras system'],
      ['system-3', 'Mitt system'],
    ]);
    expect(rebased.renamed).toEqual([{ from: 'system', to: 'system-3' }]);
  });

  it('keeps one copy when both added the very same change', () => {
    const same = change('same');
    const rebased = rebaseDraft(base, [...base, same], [...base, { ...same }]);
    expect(ids(resolveRebase(rebased, {}))).toEqual(['a', 'b', 'c', 'same']);
  });

  it('applies the draft’s edit and keeps the other person’s edit of another change', () => {
    const rebased = rebaseDraft(base, [edited(a, 'Deras a'), b, c], [a, edited(b, 'Mitt b'), c]);
    expect(rebased.conflicts).toEqual([]);
    expect(resolveRebase(rebased, {})).toEqual([edited(a, 'Deras a'), edited(b, 'Mitt b'), c]);
  });

  it('applies the draft’s deletion and keeps the other person’s deletion', () => {
    const rebased = rebaseDraft(base, [a, c], [b, c]);
    expect(ids(resolveRebase(rebased, {}))).toEqual(['c']);
  });

  it('treats the same edit on both sides as no conflict', () => {
    const rebased = rebaseDraft(base, [edited(a, 'Lika'), b, c], [edited(a, 'Lika'), b, c]);
    expect(rebased.conflicts).toEqual([]);
    expect(resolveRebase(rebased, {})).toEqual([edited(a, 'Lika'), b, c]);
  });

  it('does not see a conflict in properties that only come in another order', () => {
    const reordered = { principleIds: [], decisionAreaIds: [], actorIds: [], description: 'Förändring a', type: 'system', id: 'a' } as Change;
    const rebased = rebaseDraft(base, [edited(a, 'Deras a'), b, c], [reordered, b, c]);
    expect(rebased.conflicts).toEqual([]);
    expect(resolveRebase(rebased, {})?.[0]).toEqual(edited(a, 'Deras a'));
  });

  it('reports a conflict when both edited the same change differently, and waits for a choice', () => {
    const theirs = [edited(a, 'Deras a'), b, c];
    const mine = [edited(a, 'Mitt a'), b, c, change('d')];
    const rebased = rebaseDraft(base, theirs, mine);
    expect(rebased.conflicts).toEqual([{ id: 'a', base: a, theirs: edited(a, 'Deras a'), mine: edited(a, 'Mitt a') }]);
    expect(resolveRebase(rebased, {})).toBeNull();
    expect(resolveRebase(rebased, { a: 'mine' })).toEqual([edited(a, 'Mitt a'), b, c, change('d')]);
    expect(resolveRebase(rebased, { a: 'theirs' })).toEqual([edited(a, 'Deras a'), b, c, change('d')]);
  });

  it('reports a conflict when the draft deleted a change the other person edited', () => {
    const rebased = rebaseDraft(base, [a, edited(b, 'Deras b'), c], [a, c]);
    expect(rebased.conflicts).toEqual([{ id: 'b', base: b, theirs: edited(b, 'Deras b'), mine: null }]);
    expect(ids(resolveRebase(rebased, { b: 'mine' }))).toEqual(['a', 'c']);
    expect(resolveRebase(rebased, { b: 'theirs' })).toEqual([a, edited(b, 'Deras b'), c]);
  });

  it('reports a conflict when the other person deleted a change the draft edited, at the draft’s place', () => {
    const rebased = rebaseDraft(base, [a, c], [a, edited(b, 'Mitt b'), c]);
    expect(rebased.conflicts).toEqual([{ id: 'b', base: b, theirs: null, mine: edited(b, 'Mitt b') }]);
    expect(resolveRebase(rebased, { b: 'mine' })).toEqual([a, edited(b, 'Mitt b'), c]);
    expect(ids(resolveRebase(rebased, { b: 'theirs' }))).toEqual(['a', 'c']);
  });

  it('gives the draft back unchanged when nobody else changed the list', () => {
    const mine = [a, edited(c, 'Mitt c'), change('d')];
    expect(resolveRebase(rebaseDraft(base, base, mine), {})).toEqual(mine);
  });

  it('gives the latest list back when the draft changed nothing', () => {
    const theirs = [b, edited(c, 'Deras c'), change('e')];
    expect(resolveRebase(rebaseDraft(base, theirs, base), {})).toEqual(theirs);
  });
});

describe(diffChanges.name, () => {
  it('lists what a list adds, changes and removes compared with another', () => {
    const d = change('d');
    expect(diffChanges(base, [edited(a, 'Ny a'), c, d])).toEqual({ added: [d], changed: [{ before: a, after: edited(a, 'Ny a') }], removed: [b] });
  });

  it('is empty for equal lists', () => {
    expect(diffChanges(base, [...base])).toEqual({ added: [], changed: [], removed: [] });
  });
});

describe(sameChanges.name, () => {
  it('tells lists in another order apart', () => {
    expect(sameChanges(base, [b, a, c])).toBe(false);
    expect(sameChanges(base, [{ ...a }, b, c])).toBe(true);
  });
});
