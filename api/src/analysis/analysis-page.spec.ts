import { ANALYSIS_PAGE_LIMIT } from '@tillit/contract';
import { decodeCursor, encodeCursor, pageOf } from './analysis-page';

const items = (n: number, size = 10) => Array.from({ length: n }, (_, i) => ({ n: i, text: 'x'.repeat(size) }));
const keyOf = (item: { n: number }) => [item.n];

describe(pageOf.name, () => {
  it('starts after the cursor’s item, even when that item is gone', () => {
    const list = items(10).filter((i) => i.n !== 4);
    const page = pageOf(list, keyOf, 'gaps', [4], 3);
    expect(page.items.map((i) => i.n)).toEqual([5, 6, 7]);
    expect(decodeCursor('gaps', page.nextCursor as string, ['number'])).toEqual([7]);
  });

  it('ends before its items pass the byte limit, and holds one item whatever its size', () => {
    const big = items(5, ANALYSIS_PAGE_LIMIT.bytes / 2.5);
    expect(pageOf(big, keyOf, 'gaps', null, 100).items).toHaveLength(2);
    expect(pageOf(items(2, ANALYSIS_PAGE_LIMIT.bytes * 2), keyOf, 'gaps', null, 100).items).toHaveLength(1);
  });

  it('answers no cursor after the last page', () => {
    expect(pageOf(items(3), keyOf, 'gaps', null, 3).nextCursor).toBeNull();
  });
});

describe(decodeCursor.name, () => {
  it('refuses another list’s cursor and a key of another shape', () => {
    expect(decodeCursor('findings', encodeCursor('gaps', [1, 'a', 'b']), ['number', 'string', 'string'])).toBeNull();
    expect(decodeCursor('gaps', encodeCursor('gaps', [1, 2, 'b']), ['number', 'string', 'string'])).toBeNull();
    expect(decodeCursor('gaps', '%%%', ['number'])).toBeNull();
  });
});
