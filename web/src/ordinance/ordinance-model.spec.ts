import type { OrdinanceProblem, PreviewItem, PreviewSection } from '@tillit/domain/ordinance-schema';
import { ORDINANCE_PROBLEM_CODES, problemSeverity } from '@tillit/domain/ordinance-schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../i18n/i18n';
import {
  fileProblem,
  limitValueText,
  limitBlocks,
  previewBlocks,
  problemText,
  rowValues,
  sameMapping,
  whereText,
  withActor,
  withColumn,
  withReading,
  withRowFix,
  withSplitRow,
} from './ordinance-model';

const anItem = (line: number, over: Partial<PreviewItem> = {}): PreviewItem => ({
  line,
  code: `1.${line}`,
  matter: `Ärende ${line}`,
  sections: [],
  kind: 'formal',
  nonDelegable: false,
  reporting: 'unspecified',
  onwardDelegation: false,
  inherited: [],
  ...over,
});
const aSection = (line: number, title: string, level = 1): PreviewSection => ({ line, title, level });
const aProblem = (
  code: OrdinanceProblem['code'],
  params: OrdinanceProblem['params'] = {},
  over: Partial<OrdinanceProblem> = {},
): OrdinanceProblem => ({
  code,
  severity: problemSeverity(code),
  params,
  reason: 'ENGLISH REASON FOR DEVELOPERS',
  ...over,
});

describe('ordinance model', () => {
  beforeAll(() => i18n.changeLanguage('sv'));
  const sv = () => i18n.getFixedT('sv');
  const en = () => i18n.getFixedT('en');

  describe(fileProblem.name, () => {
    it('refuses a file over 20 MB and an empty one before anything is sent', () => {
      expect(fileProblem({ size: 20 * 1024 * 1024 + 1 })).toBe('too_large');
      expect(fileProblem({ size: 0 })).toBe('empty');
      expect(fileProblem({ size: 20 * 1024 * 1024 })).toBeNull();
    });
  });

  describe(problemText.name, () => {
    it('words every problem code in Swedish and in English, never with the API’s reason', () => {
      const params = {
        options: ['Enhetschef', 'Avdelningschef'],
        code: '2.1',
        firstLine: 8,
        delegate: 'Enhetschef',
        allowed: ['working_committee'],
        value: 'x',
        text: 'y',
        maximum: 40,
      };
      for (const code of ORDINANCE_PROBLEM_CODES) {
        for (const t of [sv(), en()]) {
          const text = problemText(t, aProblem(code, params));
          expect(text).not.toMatch(/ENGLISH REASON|ordinance\.|\{\{/);
          expect(text.length).toBeGreaterThan(10);
        }
      }
    });

    it('names the options, the first line and the allowed delegates', () => {
      expect(problemText(sv(), aProblem('two_delegates', { options: ['Enhetschef', '1:e socialsekreterare'] }))).toContain(
        'Enhetschef eller 1:e socialsekreterare',
      );
      expect(problemText(sv(), aProblem('duplicate_code', { code: '2.1', firstLine: 8 }))).toBe(
        'Numret 2.1 används redan på rad 8. Ge raden ett eget nummer.',
      );
      expect(problemText(sv(), aProblem('restricted_delegate', { delegate: 'Enhetschef', allowed: ['working_committee', 'member'] }))).toBe(
        'Ärendet får bara delegeras till ett utskott eller en ledamot, inte till Enhetschef.',
      );
      expect(problemText(en(), aProblem('missing_delegate'))).toBe('The row names no delegate.');
    });
  });

  describe(whereText.name, () => {
    it('says the sheet, row and column of a problem', () => {
      expect(whereText(sv(), { sheet: 'Delegationsordning', line: 12, column: 'Delegat' })).toBe('Blad Delegationsordning, rad 12, kolumn Delegat');
      expect(whereText(sv(), { line: 4, column: 'Delegat' })).toBe('Rad 4, kolumn Delegat');
      expect(whereText(en(), {})).toBe('The file');
    });
  });

  describe(previewBlocks.name, () => {
    const preview = {
      sections: [aSection(2, '1 ALLMÄNT'), aSection(5, '2 SOL'), aSection(6, 'Bistånd', 2), aSection(9, 'Avgifter', 2)],
      items: [anItem(3), anItem(4), anItem(7), anItem(10)],
    };

    it('puts each heading before the matters under it, in the order of the file', () => {
      const blocks = previewBlocks(preview).map((b) => (b.kind === 'heading' ? b.section.title : b.items.map((i) => i.line)));
      expect(blocks).toEqual(['1 ALLMÄNT', [3, 4], '2 SOL', 'Bistånd', [7], 'Avgifter', [10]]);
    });

    it('leaves out headings with nothing shown under them when filtered', () => {
      const blocks = previewBlocks(preview, (i) => i.line === 7).map((b) => (b.kind === 'heading' ? b.section.title : b.items.map((i) => i.line)));
      expect(blocks).toEqual(['2 SOL', 'Bistånd', [7]]);
    });
  });

  describe(limitBlocks.name, () => {
    it('shows at most the given number of rows and counts the rest', () => {
      const blocks = previewBlocks({ sections: [aSection(1, 'A'), aSection(5, 'B')], items: [anItem(2), anItem(3), anItem(6), anItem(7)] });
      const { shown, hidden } = limitBlocks(blocks, 3);
      expect(hidden).toBe(1);
      expect(shown.flatMap((b): Array<string | number> => (b.kind === 'items' ? b.items.map((i) => i.line) : [b.section.title]))).toEqual([
        'A',
        2,
        3,
        'B',
        6,
      ]);
    });
  });

  describe(withRowFix.name, () => {
    const item = anItem(4, { code: '1.2', delegate: undefined });

    it('keeps only the values the user changed, as mapping.rows by line', () => {
      const original = rowValues(item, {});
      const next = withRowFix({}, 4, { ...original, delegate: ' Enhetschef ' }, original);
      expect(next).toEqual({ rows: [{ line: 4, values: { delegate: 'Enhetschef' } }] });
      expect(rowValues(item, next).delegate).toBe('Enhetschef');
    });

    it('adds to an earlier fix of the same row and leaves other rows as they were', () => {
      const original = rowValues(item, {});
      const start = {
        rows: [
          { line: 2, values: { code: '9' } },
          { line: 4, values: { delegate: 'Enhetschef' } },
        ],
      };
      const next = withRowFix(start, 4, { ...rowValues(item, start), code: '1.2b' }, original);
      expect(next.rows).toEqual([
        { line: 2, values: { code: '9' } },
        { line: 4, values: { delegate: 'Enhetschef', code: '1.2b' } },
      ]);
    });

    it('leaves no row behind when nothing was changed', () => {
      const original = rowValues(item, {});
      expect(withRowFix({}, 4, original, original)).toEqual({});
    });
  });

  describe(limitValueText.name, () => {
    it('says a limit in prisbasbelopp in kronor too, at the year’s value', () => {
      const text = limitValueText(
        sv(),
        { text: 'högst 5 prisbasbelopp', value: { amount: 5, unit: 'prisbasbelopp', year: 2026, priceBaseAmountSek: 59200 } },
        'sv',
      );
      expect(text?.replace(/\s/g, ' ')).toBe('5 prisbasbelopp (2026: 296 000 kr)');
      expect(limitValueText(sv(), { text: '500 tkr', value: { amount: 500, unit: 'tkr' } }, 'sv')).toBe('500 tkr');
    });
  });

  describe(withSplitRow.name, () => {
    it('marks the row to be split, dropping a delegate picked before and keeping its other fixes', () => {
      const start = { rows: [{ line: 4, values: { delegate: 'Enhetschef', code: '1.2' } }] };
      expect(withSplitRow(start, 4)).toEqual({ rows: [{ line: 4, values: { code: '1.2' }, split: true }] });
    });

    it('ends the split when a delegate is picked by hand, and keeps it through another fix', () => {
      const item = anItem(4, { code: '1.2', delegate: undefined });
      const original = rowValues(item, {});
      const split = withSplitRow({}, 4);
      expect(withRowFix(split, 4, { ...original, code: '1.2x' }, original).rows).toEqual([{ line: 4, values: { code: '1.2x' }, split: true }]);
      expect(withRowFix(split, 4, { ...original, delegate: 'Enhetschef' }, original).rows).toEqual([{ line: 4, values: { delegate: 'Enhetschef' } }]);
    });
  });

  describe('mapping edits', () => {
    it('maps a column by hand and forgets it again', () => {
      const mapped = withColumn({}, 5, 'remark');
      expect(mapped).toEqual({ columns: [{ column: 5, field: 'remark' }] });
      expect(withColumn(mapped, 5, null)).toEqual({});
    });

    it('drops an actor choice with nothing in it', () => {
      expect(withActor({}, 'Enhetschef', { name: undefined, kind: undefined })).toEqual({});
      expect(withActor({}, 'Enhetschef', { kind: 'manager' })).toEqual({ actors: { Enhetschef: { kind: 'manager' } } });
    });

    it('forgets row fixes and columns when another sheet is read', () => {
      const start = {
        headerRow: 4,
        columns: [{ column: 1, field: 'matter' as const }],
        rows: [{ line: 5, values: { code: '1' } }],
        glossary: { EC: 'Enhetschef' },
      };
      expect(withReading(start, { sheet: 'Blad2' })).toEqual({ sheet: 'Blad2', glossary: { EC: 'Enhetschef' } });
      expect(withReading(start, { headerRow: undefined })).not.toHaveProperty('headerRow');
    });

    it('compares mappings whatever the order of their keys', () => {
      expect(sameMapping({ encoding: 'utf-8', headerRow: 2 }, { headerRow: 2, encoding: 'utf-8' })).toBe(true);
      expect(sameMapping({ headerRow: 2 }, { headerRow: 3 })).toBe(false);
    });
  });
});
