import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { ExportTable } from './export-tables';

const MARKED = 'FFFFF2CC';

/** One or more tables as an XLSX workbook: title rows, a bold header frozen at the top, headings in bold, marked rows shaded. */
export async function writeXlsx(tables: readonly ExportTable[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tillit';
  for (const table of tables) {
    const ws = workbook.addWorksheet(table.sheet.slice(0, 31));
    const width = table.header.length;
    for (const title of table.title) ws.addRow([title]).font = { bold: ws.rowCount === 1, size: ws.rowCount === 1 ? 14 : 11 };
    if (table.title.length) ws.addRow([]);
    const header = ws.addRow(table.header);
    header.font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: header.number }];
    for (const row of table.rows) {
      if ('heading' in row) {
        ws.addRow([row.heading]).font = { bold: true, size: row.level <= 1 ? 12 : 11 };
        continue;
      }
      const added = ws.addRow(row.cells);
      added.alignment = { vertical: 'top', wrapText: true };
      if (row.marked) for (let c = 1; c <= width; c++) added.getCell(c).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: MARKED } };
    }
    table.header.forEach((h, i) => {
      const longest = Math.max(h.length, ...table.rows.map((r) => ('cells' in r ? (r.cells[i] ?? '').length : 0)));
      ws.getColumn(i + 1).width = Math.min(60, Math.max(8, longest + 2));
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A table as CSV the way Swedish Excel opens it: UTF-8 with a byte-order mark, `;` between cells, CRLF. */
export function writeCsv(table: ExportTable): Buffer {
  const lines: string[][] = [
    ...table.title.map((t) => [t]),
    ...(table.title.length ? [[]] : []),
    table.header,
    ...table.rows.map((r) => ('heading' in r ? [r.heading] : r.cells)),
  ];
  const text = Papa.unparse(lines, { delimiter: ';', newline: '\r\n', quotes: false });
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${text}\r\n`, 'utf8')]);
}
