/**
 * Writes the test ordinances of libs/domain/src/ordinance/fixtures: the same tables as CSV (UTF-8 with BOM and
 * ";", Windows-1252 and ",", tab) and XLSX (with merged cells and a glossary sheet), as municipalities publish
 * them. Run with `npx tsx libs/domain/scripts/write-ordinance-fixtures.ts`; the files are committed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { KOMMUNSTYRELSE, PLANTED_ERRORS, SOCIALNAMND } from '../src/ordinance/fixtures/tables';

const dir = path.join(__dirname, '../src/ordinance/fixtures');

function csv(rows: string[][], delimiter: string): string {
  return Papa.unparse(rows, { delimiter, newline: '\r\n' });
}

async function xlsx(file: string, rows: string[][], merges: string[], glossary?: string[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tillit';
  // A fixed date, so that the file's bytes do not change on every run.
  wb.created = wb.modified = new Date('2026-01-01T00:00:00Z');
  const ws = wb.addWorksheet('Delegationsordning');
  for (const row of rows) ws.addRow(row);
  // A merged cell keeps its value in its top-left cell only, as Excel saves it.
  for (const range of merges) {
    const [from] = range.split(':');
    const master = ws.getCell(from).value;
    ws.unMergeCells(range);
    ws.mergeCells(range);
    ws.getCell(from).value = master;
  }
  if (glossary) {
    const g = wb.addWorksheet('Förkortningar');
    for (const row of glossary) g.addRow(row);
  }
  await wb.xlsx.writeFile(path.join(dir, file));
}

async function main(): Promise<void> {
  fs.writeFileSync(path.join(dir, 'socialnamnd-utf8-bom.csv'), `\ufeff${csv(SOCIALNAMND.rows, ';')}`, 'utf8');
  fs.writeFileSync(path.join(dir, 'kommunstyrelse-windows1252.csv'), iconv.encode(csv(KOMMUNSTYRELSE.rows, ','), 'windows-1252'));
  fs.writeFileSync(path.join(dir, 'planted-errors.tsv'), csv(PLANTED_ERRORS.rows, '\t'), 'utf8');
  // The XLSX has its glossary on a sheet of its own and merges the cells the CSV leaves blank.
  const social = SOCIALNAMND.rows.filter((r) => !SOCIALNAMND.glossaryRows.includes(r));
  await xlsx(
    'socialnamnd.xlsx',
    social.map((r) => [...r]),
    SOCIALNAMND.merges(social),
    SOCIALNAMND.glossaryRows,
  );
  await xlsx('kommunstyrelse.xlsx', KOMMUNSTYRELSE.rows, KOMMUNSTYRELSE.merges(KOMMUNSTYRELSE.rows));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
