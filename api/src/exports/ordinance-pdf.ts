import { CHANGED_COLUMN, ExportTable } from '@tillit/domain/ordinance';
import { taggedPdf } from '../revisions/tagged-pdf';

/** Widths of the standard layout's columns (landscape A4), by header; any other column shares what is left. */
const WIDTHS: Record<string, number> = {
  Nr: 30,
  Ärende: 165,
  Delegat: 95,
  Ersättare: 66,
  Vidaredelegering: 58,
  Lagrum: 68,
  Begränsning: 58,
  Anmäls: 40,
  Anmärkning: 72,
  [CHANGED_COLUMN]: 70,
};

/** Where a long header may break in a narrow column (soft hyphens: a reader still gets the whole word). */
const BREAKS: Record<string, string> = {
  Vidaredelegering: 'Vidare\u00addelegering',
  Begränsning: 'Begräns\u00adning',
  Anmärkning: 'Anmärk\u00adning',
};

/** What a changed row says in its own column, in words and not only by a mark: "Ändrad: ny delegat". */
const changedText = (marks: string) => (marks ? `${CHANGED_COLUMN}: ${marks}` : '');

/**
 * The revised delegation ordinance as a tagged, accessible PDF: the title rows, each section as a heading
 * (H2, nested sections H3) with its matters as a table whose header repeats on every page, changed rows
 * saying so in words, and page numbers. The same table the XLSX and CSV exports write.
 */
export function ordinancePdf(table: ExportTable, author: string): Promise<Buffer> {
  const [title, ...subtitles] = table.title;
  const pdf = taggedPdf({ title: `${title}. ${subtitles.join(' ')}`.trim(), author, subject: 'Delegationsordning', layout: 'landscape' });
  pdf.heading('H1', title);
  if (subtitles.length) pdf.paragraph(subtitles.join('\n'));
  const changed = table.header.indexOf(CHANGED_COLUMN);
  const widths = table.header.map((h) => WIDTHS[h] ?? ('*' as const));
  const header = table.header.map((h) => BREAKS[h] ?? h);
  const changedRows = table.rows.filter((r) => 'cells' in r && r.marked).length;
  if (changed >= 0)
    pdf.paragraph(
      changedRows
        ? `${changedRows} ärenden är ändrade jämfört med nuläget (kolumnen ${CHANGED_COLUMN}).`
        : 'Inga ärenden är ändrade jämfört med nuläget.',
    );

  let rows: string[][] = [];
  const flush = () => {
    if (rows.length) pdf.table(header, rows, widths);
    rows = [];
  };
  for (const row of table.rows) {
    if ('heading' in row) {
      flush();
      pdf.heading(row.level <= 1 ? 'H2' : 'H3', row.heading, row.level <= 1);
      continue;
    }
    rows.push(row.cells.map((cell, i) => (i === changed ? changedText(cell) : cell)));
  }
  flush();
  if (!table.rows.length) pdf.paragraph('Delegationsordningen har inga ärenden.');
  return pdf.finish((page, pages) => [`${title} – sida ${page} av ${pages}`]);
}
