import * as fs from 'node:fs';
import * as path from 'node:path';
import iconv from 'iconv-lite';
import { validatePlan } from '../format/validate';
import { Plan } from '../model/types';
import { interpretOrdinance, OrdinanceMappingError } from './interpret';
import { parseLimit } from './limit-parser';
import { ordinanceImport, withOrdinance } from './to-plan';
import { detectEncoding, OrdinanceFileError, readSource } from './source';
import { OrdinanceMapping, OrdinancePreview } from './ordinance.schema';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', name));
const preview = async (bytes: Uint8Array, mapping?: OrdinanceMapping, actors: Plan['actors'] = []) =>
  interpretOrdinance(await readSource(bytes, mapping), { mapping, actors });
const csv = (text: string) => Buffer.from(text, 'utf8');
const item = (p: OrdinancePreview, code: string) => {
  const found = p.items.find((i) => i.code === code);
  if (!found) throw new Error(`no item ${code}`);
  return found;
};
const codes = (p: OrdinancePreview) => p.problems.map((x) => `${x.line}:${x.code}`);
const emptyPlan = (): Plan => {
  const v = validatePlan({ formatVersion: 1, title: 'Tom' });
  if (!v.ok) throw new Error('invalid');
  return v.plan;
};

describe(readSource.name, () => {
  it('reads UTF-8 with a BOM and finds the ";" separator', async () => {
    const table = await readSource(fixture('socialnamnd-utf8-bom.csv'));
    expect([table.encoding, table.separator]).toEqual(['utf-8', ';']);
    expect(table.sheets[0].rows[0].cells[0]).toBe('Delegationsordning för socialnämnden');
  });

  it('detects Windows-1252 and the "," separator, and decodes å ä ö', async () => {
    const table = await readSource(fixture('kommunstyrelse-windows1252.csv'));
    expect([table.encoding, table.separator]).toEqual(['windows-1252', ',']);
    expect(table.sheets[0].rows.some((r) => r.cells.includes('Får ej delegeras'))).toBe(true);
  });

  it('reads a tab-separated file without a BOM, counting a two-line cell as one row', async () => {
    const table = await readSource(fixture('planted-errors.tsv'));
    expect(table.separator).toBe('\t');
    const rows = table.sheets[0].rows;
    expect(rows.find((r) => r.cells[0] === '1.3')?.line).toBe(5);
    expect(rows.find((r) => r.cells[0] === '2 Individ och familj')?.line).toBe(7);
  });

  it('decodes as told when the user changes the encoding', async () => {
    const bytes = iconv.encode('Nr;Ärende;Delegat\n1;Bistånd;Enhetschef\n', 'windows-1252');
    expect(detectEncoding(bytes)).toBe('windows-1252');
    const table = await readSource(bytes, { encoding: 'utf-8' });
    expect(table.sheets[0].rows[0].cells[1]).toContain('\ufffd');
  });

  it('reads XLSX sheets and a merged cell down the rows as the value above, marked', async () => {
    const table = await readSource(fixture('socialnamnd.xlsx'));
    expect(table.sheets.map((s) => s.name)).toEqual(['Delegationsordning', 'Förkortningar']);
    const row = table.sheets[0].rows.find((r) => r.cells[0] === '2.6');
    expect(row?.cells[3]).toBe('EC');
    expect(row?.inherited?.[3]).toBe(true);
    // The title merged across the columns is not repeated in them.
    expect(table.sheets[0].rows[0].cells).toEqual(['Delegationsordning för socialnämnden']);
  });

  it.each([
    ['a PDF', Buffer.from('%PDF-1.7\n\u0000\u0001\u0002binary'), 'not_a_table'],
    ['an old .xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'legacy_xls'],
    ['a ZIP that is no workbook', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]), 'unreadable_xlsx'],
    ['an empty file', Buffer.alloc(0), 'empty_file'],
  ])('refuses %s', async (_what, bytes, code) => {
    await expect(readSource(bytes)).rejects.toMatchObject({ name: OrdinanceFileError.name, code });
  });
});

describe(interpretOrdinance.name, () => {
  it('finds the header below title rows, skips the header repeated under a section, and nests sections', async () => {
    const p = await preview(fixture('socialnamnd-utf8-bom.csv'));
    expect([p.headerRow, p.counts.skippedHeaders, p.counts.items]).toEqual([4, 1, 17]);
    expect(p.sections.map((s) => [s.level, s.title])).toEqual([
      [1, '1. ALLMÄNNA ÄRENDEN'],
      [1, '2. SOCIALTJÄNSTLAGEN (SoL)'],
      [2, 'Bistånd'],
      [2, 'Avgifter'],
      [1, '3. LAG MED SÄRSKILDA BESTÄMMELSER OM VÅRD AV UNGA (LVU)'],
      [1, '4. LAG OM STÖD OCH SERVICE TILL VISSA FUNKTIONSHINDRADE (LSS)'],
    ]);
    expect(item(p, '2.5').sections).toEqual(['2. SOCIALTJÄNSTLAGEN (SoL)', 'Avgifter']);
  });

  it('nests lettered headings: "B 1 Personalärenden" under "B Personal och organisation"', async () => {
    const p = await preview(fixture('kommunstyrelse-windows1252.csv'));
    expect(item(p, 'B1.2').sections).toEqual(['B Personal och organisation', 'B 1 Personalärenden']);
    expect(item(p, 'C1').sections).toEqual(['C Ekonomi och upphandling']);
  });

  it('maps Swedish column names and synonyms whatever their case and spacing', async () => {
    const p = await preview(
      csv(
        'PUNKT; Delegationens  art ;BESLUTSFATTARE;Får vidare-delegeras;Lag;Beloppsgräns;Villkor;Anmälan;Ersättare\n1;Avskrivning;Ekonomichef;Ja;KL;högst 2 pbb;x;Ja;Kommundirektör\n',
      ),
    );
    expect(p.columns.map((c) => c.field)).toEqual([
      'code',
      'matter',
      'delegate',
      'onwardDelegation',
      'legalBasis',
      'limit',
      'remark',
      'reporting',
      'substitute',
    ]);
  });

  it('keeps an unknown column as a remark, never an error', async () => {
    const p = await preview(csv('Nr;Ärende;Delegat;Diarieplan\n1;Avskrivning;Ekonomichef;2.3.1\n'));
    expect(item(p, '1').remark).toBe('Diarieplan: 2.3.1');
    expect(p.problems).toEqual([]);
  });

  it('takes a manual column mapping over the header', async () => {
    const p = await preview(csv('Nr;Ärende;Vem\n1;Avskrivning;Ekonomichef\n'), { columns: [{ column: 2, field: 'delegate' }] });
    expect(item(p, '1').delegate).toBe('Ekonomichef');
  });

  it('inherits a blank delegate and lagrum from the row above, marked, but not across a heading', async () => {
    const p = await preview(fixture('socialnamnd-utf8-bom.csv'));
    expect(item(p, '2.6')).toMatchObject({ delegate: 'Enhetschef', inherited: ['delegate'] });
    expect(item(p, '2.3')).toMatchObject({ legalBasis: '4 kap. 1 § SoL', inherited: ['legalBasis'] });
    const errors = await preview(fixture('planted-errors.tsv'));
    expect(codes(errors)).toContain('8:missing_delegate');
  });

  it('expands abbreviations from the file’s glossary section, its glossary sheet and the user’s glossary', async () => {
    const fromSection = await preview(fixture('socialnamnd-utf8-bom.csv'));
    expect(item(fromSection, '2.1').delegate).toBe('Socialsekreterare');
    expect(item(fromSection, '3.2').delegate).toBe('Socialnämndens arbetsutskott');
    const fromSheet = await preview(fixture('socialnamnd.xlsx'));
    expect(item(fromSheet, '1.4').delegate).toBe('Socialchef');
    const edited = await preview(fixture('socialnamnd.xlsx'), { glossary: { FC: 'Förvaltningschef IFO' } });
    expect(item(edited, '1.4').delegate).toBe('Förvaltningschef IFO');
  });

  it('drops footnote marks from delegates', async () => {
    const p = await preview(fixture('socialnamnd-utf8-bom.csv'));
    expect(item(p, '4.3').delegate).toBe('Enhetschef');
  });

  it('reads the governing body from the title rows', async () => {
    expect((await preview(fixture('socialnamnd-utf8-bom.csv'))).governingBody).toBe('Socialnämnden');
    expect((await preview(fixture('kommunstyrelse-windows1252.csv'))).governingBody).toBe('Kommunstyrelsen');
  });

  it('guesses each delegate’s kind: bodies, elected delegates, the förvaltningschef, managers, roles', async () => {
    const p = await preview(fixture('kommunstyrelse-windows1252.csv'));
    const kinds = Object.fromEntries(p.actors.map((a) => [a.name, `${a.kind}/${a.legalRole ?? ''}`]));
    expect(kinds).toMatchObject({
      Kommunstyrelsen: 'governing_body/committee',
      'Kommunstyrelsens arbetsutskott': 'governing_body/working_committee',
      'Kommunstyrelsens ordförande': 'governing_body/chair',
      'Vice ordförande': 'governing_body/member',
      Kommundirektör: 'executive/head_of_administration',
      Ekonomichef: 'manager/',
    });
  });

  it('matches delegates to the plan’s actors exactly, by abbreviation, or fuzzily to confirm', async () => {
    const actors: Plan['actors'] = [
      { id: 'sn', name: 'Socialnämnden', kind: 'governing_body', legalRole: 'committee' },
      { id: 'ec', name: 'Enhetschef', kind: 'manager' },
      { id: 'ssek', name: 'Socialsekreterarna', kind: 'role' },
      { id: 'bh', name: 'Biståndshandläggare äldreomsorg', kind: 'role' },
    ];
    const p = await preview(fixture('socialnamnd-utf8-bom.csv'), undefined, actors);
    const match = Object.fromEntries(p.actors.map((a) => [a.name, [a.match, a.actorId ?? null, a.confirmed]]));
    expect(match).toMatchObject({
      Socialnämnden: ['exact', 'sn', true],
      Enhetschef: ['abbreviation', 'ec', true],
      Socialsekreterare: ['fuzzy', 'ssek', false],
      Biståndshandläggare: ['fuzzy', 'bh', false],
      Socialchef: ['new', null, false],
    });
    const confirmed = await preview(fixture('socialnamnd-utf8-bom.csv'), { actors: { Socialsekreterare: { actorId: 'ssek' } } }, actors);
    expect(confirmed.actors.find((a) => a.name === 'Socialsekreterare')).toMatchObject({ actorId: 'ssek', confirmed: true });
  });

  it('refuses a mapping that names an actor, sheet or header row the plan or file does not have', async () => {
    await expect(preview(fixture('socialnamnd.xlsx'), { sheet: 'Blad9' })).rejects.toMatchObject({ field: 'mapping.sheet' });
    await expect(preview(fixture('socialnamnd.xlsx'), { headerRow: 999 })).rejects.toMatchObject({ field: 'mapping.headerRow' });
    await expect(preview(fixture('socialnamnd.xlsx'), { actors: { Enhetschef: { actorId: 'nope' } } })).rejects.toBeInstanceOf(OrdinanceMappingError);
  });

  it('refuses a file without an ordinance header', async () => {
    await expect(preview(csv('a;b;c\n1;2;3\n'))).rejects.toMatchObject({ field: 'file', code: 'no_header' });
  });

  it('makes "Får ej delegeras" and a row delegated to the nämnd non-delegable, decided by the body', async () => {
    const p = await preview(fixture('socialnamnd-utf8-bom.csv'));
    expect(item(p, '1.2')).toMatchObject({ nonDelegable: true, delegate: 'Socialnämnden' });
    expect(item(p, '3.1')).toMatchObject({ nonDelegable: true, delegate: 'Socialnämnden' });
  });

  it('reads verkställighet as execution, Anmäls as reporting, and "kan endast delegeras till utskott" as a restriction', async () => {
    const p = await preview(fixture('socialnamnd-utf8-bom.csv'));
    expect(item(p, '3.4').kind).toBe('execution');
    expect([item(p, '2.1').reporting, item(p, '1.4').reporting, item(p, '1.2').reporting]).toEqual(['yes', 'no', 'unspecified']);
    expect(item(p, '3.2').restrictedTo).toEqual(['working_committee']);
    const ks = await preview(fixture('kommunstyrelse-windows1252.csv'));
    expect(item(ks, 'C5').reporting).toBe('no');
    expect(item(ks, 'C4').kind).toBe('execution');
  });

  it('keeps lagrum verbatim, old and new numbering alike', async () => {
    const p = await preview(
      csv('Nr;Ärende;Delegat;Lagrum\n1;Bistånd;Enhetschef;4 kap. 1 § SoL (2001:453)\n2;Bistånd;Enhetschef;11 kap. 1 § SoL (2025:400)\n'),
    );
    expect(p.items.map((i) => i.legalBasis)).toEqual(['4 kap. 1 § SoL (2001:453)', '11 kap. 1 § SoL (2025:400)']);
  });

  it('reads limits from a column or the matter, keeping the words', async () => {
    const ks = await preview(fixture('kommunstyrelse-windows1252.csv'));
    expect(item(ks, 'C1').limit).toEqual({ text: 'högst 100 prisbasbelopp', value: { amount: 100, unit: 'prisbasbelopp' } });
    expect(item(ks, 'C3').limit).toEqual({ text: '500 tkr', value: { amount: 500, unit: 'tkr' } });
    const sn = await preview(fixture('socialnamnd-utf8-bom.csv'), { priceBaseAmount: { year: 2026, sek: 59200 } });
    expect(item(sn, '4.3').limit).toEqual({
      text: 'högst 30 % av prisbasbeloppet',
      value: { amount: 0.3, unit: 'prisbasbelopp', year: 2026, priceBaseAmountSek: 59200 },
    });
    expect(item(sn, '2.4').limit).toEqual({ text: 'överstigande 1 prisbasbelopp' });
  });

  it('flags a limit column it cannot read, keeping the words', async () => {
    const p = await preview(csv('Nr;Ärende;Delegat;Beloppsgräns\n1;Inköp;Ekonomichef;enligt budget\n'));
    expect(item(p, '1').limit).toEqual({ text: 'enligt budget' });
    expect(codes(p)).toEqual(['2:limit_not_parsed']);
  });

  it('reports each planted error with its line, column, code and params', async () => {
    const p = await preview(fixture('planted-errors.tsv'));
    expect(p.problems.map((x) => [x.line, x.column, x.code, x.severity])).toEqual([
      [4, 'Delegat', 'two_delegates', 'error'],
      [5, 'Delegat', 'two_delegates', 'error'],
      [8, 'Delegat', 'missing_delegate', 'error'],
      [9, 'Nr', 'duplicate_code', 'error'],
      [10, 'Delegat', 'non_delegable_delegated', 'error'],
      [11, '6', 'headerless_value', 'warning'],
      [12, 'Delegat', 'relative_delegate', 'warning'],
      [13, 'Delegat', 'restricted_delegate', 'error'],
    ]);
    expect(p.problems[0].params).toEqual({ options: ['Enhetschef', '1:e socialsekreterare'] });
    expect(p.problems[3].params).toEqual({ code: '2.1', firstLine: 8 });
  });

  it('names the sheet and column letter of a problem in an XLSX file', async () => {
    const p = await preview(fixture('kommunstyrelse.xlsx'));
    expect(p.problems).toEqual([
      expect.objectContaining({ code: 'relative_delegate', sheet: 'Delegationsordning', line: 12, column: 'Beslutsfattare' }),
    ]);
  });

  it('lets the user fix a row in the preview and check again', async () => {
    const p = await preview(fixture('planted-errors.tsv'), { rows: [{ line: 4, values: { delegate: 'Enhetschef' } }] });
    expect(codes(p)).not.toContain('4:two_delegates');
    expect(item(p, '1.2').delegate).toBe('Enhetschef');
  });

  it('splits a matter with two titles in its delegate cell into one matter per title', async () => {
    const p = await preview(fixture('planted-errors.tsv'), {
      rows: [
        { line: 4, values: {}, split: true },
        { line: 5, values: {}, split: true },
      ],
    });
    expect(codes(p).filter((c) => c.endsWith(':two_delegates'))).toEqual([]);
    const parts = p.items.filter((i) => i.line === 4);
    expect(parts.map((i) => [i.code, i.matter, i.delegate, i.legalBasis, i.part])).toEqual([
      ['1.2a', 'Bistånd i form av särskilt boende', 'Enhetschef', '4 kap. 1 § SoL', { index: 1, of: 2 }],
      ['1.2b', 'Bistånd i form av särskilt boende', '1:e socialsekreterare', '4 kap. 1 § SoL', { index: 2, of: 2 }],
    ]);
    // Two titles on two lines of one cell, too.
    expect(p.items.filter((i) => i.line === 5).map((i) => [i.code, i.delegate])).toEqual([
      ['1.3a', 'Enhetschef'],
      ['1.3b', 'Avdelningschef'],
    ]);
    expect(p.actors.find((a) => a.name === '1:e socialsekreterare')?.rows).toBe(1);
  });

  it('leaves a row with one title as it is when asked to split it', async () => {
    const p = await preview(fixture('planted-errors.tsv'), { rows: [{ line: 3, values: {}, split: true }] });
    expect(p.items.filter((i) => i.line === 3).map((i) => [i.code, i.part])).toEqual([['1.1', undefined]]);
  });
});

describe(parseLimit.name, () => {
  it.each([
    ['högst 5 prisbasbelopp', { amount: 5, unit: 'prisbasbelopp' }],
    ['upp till 100 000 kr', { amount: 100000, unit: 'kr' }],
    ['500 tkr', { amount: 500, unit: 'tkr' }],
    ['30 % av prisbasbeloppet', { amount: 0.3, unit: 'prisbasbelopp' }],
    ['max 3 mån', { amount: 3, unit: 'months' }],
    ['2,5 mnkr', { amount: 2.5, unit: 'mnkr' }],
    ['högst 10 pbb', { amount: 10, unit: 'prisbasbelopp' }],
  ])('reads "%s"', (text, value) => {
    expect(parseLimit(text)).toEqual({ text, value });
  });

  it('does not read an age in a matter as a limit', () => {
    expect(parseLimit('Placering av barn under 18 år', { inText: true })).toBeNull();
  });
});

describe(ordinanceImport.name, () => {
  it('puts an ordinance into an empty plan’s baseline as a valid plan', async () => {
    const p = await preview(fixture('socialnamnd-utf8-bom.csv'));
    const imported = ordinanceImport(emptyPlan(), p);
    expect(imported.target).toBe('baseline');
    const result = validatePlan(withOrdinance(emptyPlan(), imported));
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (imported.target !== 'baseline') return;
    const area = imported.decisionAreas.find((a) => a.code === '4.3');
    expect(area).toMatchObject({ section: '4. LAG OM STÖD OCH SERVICE TILL VISSA FUNKTIONSHINDRADE (LSS)', limit: 'högst 30 % av prisbasbeloppet' });
    const right = imported.rights.find((r) => r.decisionAreaId === area?.id);
    expect(right).toMatchObject({ deciderId: 'enhetschef', delegatorId: 'socialnamnden', level: 6, reporting: { toId: 'socialnamnden' } });
    const nonDelegable = imported.rights.find((r) => r.decisionAreaId === imported.decisionAreas.find((a) => a.code === '1.2')?.id);
    expect(nonDelegable).toMatchObject({ deciderId: 'socialnamnden', level: 7, reporting: null });
    expect(imported.decisionAreas.find((a) => a.code === '3.2')?.delegationRestriction).toEqual({
      to: ['working_committee'],
      legalBasis: '6 § 1 st. LVU',
    });
    expect(imported.decisionAreas.find((a) => a.code === '1.4')?.reportingExemption).toMatchObject({ decidedBy: 'socialnamnden' });
  });

  it('records substitutes and onward delegation', async () => {
    const p = await preview(fixture('kommunstyrelse-windows1252.csv'));
    const imported = ordinanceImport(emptyPlan(), p);
    if (imported.target !== 'baseline') throw new Error('baseline expected');
    const a1 = imported.decisionAreas.find((a) => a.code === 'A1');
    expect(a1?.onwardDelegationBy).toEqual(['kommundirektor']);
    expect(imported.rights.find((r) => r.decisionAreaId === a1?.id)).toMatchObject({ substituteId: 'kanslichef', mayDelegateFurther: true });
  });

  it('turns an updated ordinance into one stage of changes against the plan’s latest state', async () => {
    const first = await preview(fixture('socialnamnd-utf8-bom.csv'));
    const plan = withOrdinance(emptyPlan(), ordinanceImport(emptyPlan(), first));
    const updated = fs
      .readFileSync(path.join(__dirname, 'fixtures', 'socialnamnd-utf8-bom.csv'), 'utf8')
      .replace(
        '2.1;Beslut om bistånd i form av försörjningsstöd enligt riksnormen;4 kap. 1 § SoL;Soc.sekr',
        '2.1;Beslut om bistånd i form av försörjningsstöd enligt riksnormen;4 kap. 1 § SoL;Bh',
      )
      .replace('upp till 5 000 kr', 'upp till 8 000 kr')
      .replace(/\r\n4\.2;[^\r]*/, '\r\n4.9;Beslut om ledsagarservice;9 § 3 LSS;Bh;Ja;');
    const second = await preview(Buffer.from(updated, 'utf8'), undefined, plan.actors);
    const imported = ordinanceImport(plan, second, { stageName: 'Ny ordning' });
    if (imported.target !== 'stage') throw new Error('stage expected');
    const summary = imported.stage.changes.map(
      (c) => `${c.type}:${'decisionAreaId' in c ? c.decisionAreaId : c.type === 'add_decision_area' ? c.decisionArea.code : ''}`,
    );
    expect(summary).toEqual(['move_decision:da-2-1', 'set_limit:da-2-5', 'add_decision_area:4.9', 'retire_decision_area:da-4-2']);
    const result = validatePlan(withOrdinance(plan, imported));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });
});
