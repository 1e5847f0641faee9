import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n/i18n';
import { findingRange } from './finding-range';

describe(findingRange.name, () => {
  const range = (lng: string, stageIndex: number | null, until: number | null | undefined, last = 4) =>
    findingRange(i18n.getFixedT(lng), { stageIndex, until }, last);

  it('says the stages a lasting finding holds in, by the plural rules of each language', () => {
    expect([range('sv', 0, 1), range('sv', 2, 3), range('sv', 3, null), range('sv', 2, null)]).toEqual([
      'Från nuläget till och med etapp 1 (1 etapp)',
      'Från etapp 2 till och med etapp 3 (2 etapper)',
      'Från etapp 3 och framåt (2 etapper)',
      'Från etapp 2 och framåt (3 etapper)',
    ]);
    expect([range('en', 0, 1), range('en', 2, 3), range('en', 4, null, 5), range('en', 0, null, 2)]).toEqual([
      'From the baseline to stage 1 (1 stage)',
      'From stage 2 to stage 3 (2 stages)',
      'From stage 4 on (2 stages)',
      'From the baseline on (2 stages)',
    ]);
  });

  it('says nothing for a finding of one state, of the plan as a whole, or frozen without a run', () => {
    expect([range('sv', 2, 2), range('sv', 4, null), range('sv', null, null), range('sv', 1, undefined)]).toEqual([null, null, null, null]);
  });
});
