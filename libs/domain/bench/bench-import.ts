// `npm run bench:import` (compiled by tsc): reading and previewing a generated 5,000-row ordinance, as CSV
// and as XLSX, then turning the preview into a baseline. Prints medians; the last line is JSON for machines.
// Issue 12's target: parse + preview of 5,000 rows in at most 2 s.
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { validatePlan } from '../src/format/validate';
import { interpretOrdinance, ordinanceImport, readSource } from '../src/ordinance';

const ROWS = 5000;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TITLES = ['Enhetschef', 'Socialsekreterare', '1:e socialsekreterare', 'AU', 'Avdelningschef', 'Förvaltningschef', 'Bh', 'Ordf'];
const LIMITS = ['', 'högst 5 prisbasbelopp', 'upp till 100 000 kr', '500 tkr', 'max 3 mån', ''];

/** An ordinance of ROWS matters in 50 sections of two levels, with blank (inherited) cells and a repeated header. */
function table(): string[][] {
  const header = ['Nr', 'Ärende', 'Lagrum', 'Delegat', 'Ersättare', 'Beloppsgräns', 'Anmäls', 'Anmärkning'];
  const rows: string[][] = [['Delegationsordning för socialnämnden'], [], header];
  for (let i = 0; i < ROWS; i++) {
    const chapter = Math.floor(i / 100) + 1;
    if (i % 100 === 0) rows.push([`${chapter}. KAPITEL ${chapter}`], header);
    if (i % 25 === 0) rows.push([`Avsnitt ${chapter}.${(i % 100) / 25 + 1}`]);
    rows.push([
      `${chapter}.${(i % 100) + 1}`,
      `Beslut om insats nummer ${i + 1} enligt socialtjänstlagen`,
      i % 3 === 0 ? '' : `${(i % 15) + 1} kap. ${(i % 9) + 1} § SoL`,
      i % 4 === 3 ? '' : TITLES[i % TITLES.length],
      i % 5 === 0 ? 'Avdelningschef' : '',
      LIMITS[i % LIMITS.length],
      i % 7 === 0 ? 'Nej' : 'Ja',
      i % 11 === 0 ? 'Verkställighet' : '',
    ]);
  }
  return rows;
}

const csv = (rows: string[][]) =>
  Buffer.from(`\ufeff${rows.map((r) => r.map((c) => (/[;"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(';')).join('\r\n')}`, 'utf8');

async function xlsx(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Delegationsordning');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(bytes: Buffer): Promise<{ read: number; preview: number; total: number; items: number }> {
  const reads: number[] = [];
  const previews: number[] = [];
  let items = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const source = await readSource(bytes);
    const t1 = performance.now();
    items = interpretOrdinance(source).items.length;
    const t2 = performance.now();
    reads.push(t1 - t0);
    previews.push(t2 - t1);
  }
  return { read: median(reads), preview: median(previews), total: median(reads) + median(previews), items };
}

async function main(): Promise<void> {
  const rows = table();
  const files = { csv: csv(rows), xlsx: await xlsx(rows) };
  const results: Record<string, unknown> = {};
  for (const [format, bytes] of Object.entries(files)) {
    const r = await measure(bytes);
    results[format] = { bytes: bytes.length, ...r };
    console.log(
      `${format}: ${(bytes.length / 1024).toFixed(0)} kB, ${r.items} matters — read ${r.read.toFixed(0)} ms + preview ${r.preview.toFixed(0)} ms = ${r.total.toFixed(0)} ms (target ≤ 2000 ms)`,
    );
  }
  const empty = validatePlan({ formatVersion: 1, title: 'Bänk' });
  if (!empty.ok) throw new Error('invalid plan');
  const preview = interpretOrdinance(await readSource(files.csv));
  const t0 = performance.now();
  const imported = ordinanceImport(empty.plan, preview);
  const t1 = performance.now();
  console.log(
    `preview → baseline: ${(t1 - t0).toFixed(0)} ms (${imported.target === 'baseline' ? imported.decisionAreas.length : 0} decision areas)`,
  );
  console.log(JSON.stringify({ rows: ROWS, runs: RUNS, ...results, toBaselineMs: Math.round(t1 - t0) }));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
