import chardet from 'chardet';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { OrdinanceEncoding, SEPARATORS } from './ordinance.schema';

/** One row of the file as text cells; `inherited` marks cells filled from a vertically merged cell above. */
export interface SourceRow {
  /** The CSV line the row starts on, or the XLSX row number (1-based). */
  line: number;
  cells: string[];
  inherited?: boolean[];
}

export interface SourceSheet {
  name: string;
  rows: SourceRow[];
}

export interface SourceTable {
  format: 'csv' | 'xlsx';
  encoding?: OrdinanceEncoding;
  separator?: string;
  sheets: SourceSheet[];
}

/** Why a file cannot be read at all (the API answers 415 for the first three, 400 for the rest). */
export type SourceErrorCode = 'not_a_table' | 'legacy_xls' | 'not_xlsx' | 'empty_file' | 'unreadable_xlsx';

export class OrdinanceFileError extends Error {
  constructor(
    readonly code: SourceErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'OrdinanceFileError';
  }
}

export interface ReadOptions {
  encoding?: OrdinanceEncoding;
  separator?: string;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/** Reads an ordinance file as rows of text: XLSX by its bytes (a ZIP), anything else as CSV text. */
export async function readSource(bytes: Uint8Array, options: ReadOptions = {}): Promise<SourceTable> {
  if (bytes.length === 0) throw new OrdinanceFileError('empty_file', 'The file is empty');
  if (startsWith(bytes, ZIP)) return readXlsx(bytes);
  if (startsWith(bytes, OLE)) throw new OrdinanceFileError('legacy_xls', 'An old Excel file (.xls): save it as .xlsx or CSV');
  return readCsv(bytes, options);
}

/** The encoding of a text file: a UTF-8 byte order mark or valid UTF-8, else chardet's guess among the single-byte ones. */
export function detectEncoding(bytes: Uint8Array): OrdinanceEncoding {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return 'utf-8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    // Not UTF-8: Swedish files are then Windows-1252 (ISO-8859-1 is its subset for letters), whatever else chardet says.
    const guess = chardet.detect(bytes);
    return guess && /^utf-8$/i.test(guess) ? 'utf-8' : 'windows-1252';
  }
}

/** Text files have no NUL bytes and few control characters; a PDF, a picture or a Word file has many. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, Math.min(bytes.length, 8192));
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return control > sample.length / 100;
}

function readCsv(bytes: Uint8Array, options: ReadOptions): SourceTable {
  if (looksBinary(bytes)) throw new OrdinanceFileError('not_a_table', 'The file is neither CSV text nor an XLSX workbook');
  const encoding = options.encoding ?? detectEncoding(bytes);
  let text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new OrdinanceFileError('empty_file', 'The file has no text');
  const separator = options.separator ?? detectSeparator(text);
  const rows: SourceRow[] = [];
  // Line numbers: a quoted cell may span lines, so each row's first line is counted from the parser's cursor.
  let line = 1;
  let cursor = 0;
  Papa.parse<string[]>(text, {
    delimiter: separator,
    skipEmptyLines: false,
    step: (result) => {
      const end = result.meta.cursor;
      rows.push({ line, cells: result.data.map((c) => String(c ?? '')) });
      for (let i = cursor; i < end; i++) if (text.charCodeAt(i) === 10) line++;
      cursor = end;
    },
  });
  return { format: 'csv', encoding, separator, sheets: [{ name: '', rows }] };
}

/** papaparse's guess among the separators ordinances use, checked on the first lines only. */
function detectSeparator(text: string): string {
  const sample = text.slice(0, 64 * 1024);
  const guess = Papa.parse<string[]>(sample, { delimitersToGuess: [...SEPARATORS], preview: 50 }).meta.delimiter;
  return (SEPARATORS as readonly string[]).includes(guess) ? guess : ';';
}

async function readXlsx(bytes: Uint8Array): Promise<SourceTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (err) {
    const message = err instanceof Error ? err.message : '';
    // A ZIP without a workbook in it (a Word file, an ODS sheet, a plain archive).
    if (/end of central directory|corrupted zip|invalid signature/i.test(message)) {
      throw new OrdinanceFileError('unreadable_xlsx', 'The XLSX file is damaged and cannot be read');
    }
    throw new OrdinanceFileError('not_xlsx', 'The ZIP file is not an XLSX workbook');
  }
  if (workbook.worksheets.length === 0) throw new OrdinanceFileError('not_xlsx', 'The ZIP file is not an XLSX workbook');
  const sheets = workbook.worksheets.map((ws) => ({ name: ws.name, rows: sheetRows(ws) }));
  return { format: 'xlsx', sheets };
}

function sheetRows(ws: ExcelJS.Worksheet): SourceRow[] {
  const rows: SourceRow[] = [];
  const width = ws.columnCount;
  ws.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = [];
    const inherited: boolean[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      let text = '';
      let fromAbove = false;
      if (cell.isMerged && cell.master !== cell) {
        // A merge across columns repeats nothing (a heading spans the table); one down the rows repeats its value.
        if (cell.master.row !== cell.row) {
          text = cellText(cell.master);
          fromAbove = text !== '';
        }
      } else text = cellText(cell);
      cells.push(text);
      inherited.push(fromAbove);
    }
    while (cells.length && cells[cells.length - 1] === '') {
      cells.pop();
      inherited.pop();
    }
    rows.push({ line: number, cells, inherited });
  });
  return rows;
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v)
      return v.result === undefined || v.result === null ? '' : String(v.result instanceof Date ? v.result.toISOString().slice(0, 10) : v.result);
    if ('text' in v) return typeof v.text === 'string' ? v.text : '';
    if ('error' in v) return '';
  }
  return cell.text ?? '';
}
