import * as path from 'node:path';
import PDFDocument from 'pdfkit';

// Embedded fonts (a PDF/A and accessibility requirement: the built-in Helvetica is not embedded).
const FONT_DIR = path.dirname(require.resolve('dejavu-fonts-ttf/package.json'));
const FONTS = { regular: path.join(FONT_DIR, 'ttf', 'DejaVuSans.ttf'), bold: path.join(FONT_DIR, 'ttf', 'DejaVuSans-Bold.ttf') };

export type Cell = string | { text: string; font: { src: string } };

/** A tagged, accessible A4 document in Swedish: headings, paragraphs, lists and tables in reading order. */
export interface TaggedPdf {
  doc: PDFKit.PDFDocument;
  heading(level: 'H1' | 'H2' | 'H3', text: string, bookmark?: boolean): void;
  paragraph(text: string): void;
  list(items: string[]): void;
  /** A table whose header row is drawn again at the top of every page it continues on. */
  table(header: string[], rows: Cell[][], widths?: Array<number | '*'>): void;
  /** Writes every page's footer (outside the reading order) and ends the document. */
  finish(footer: (page: number, pages: number) => string[]): Promise<Buffer>;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * pdfkit writes the document info into the XMP metadata as it is, so a title such as "A & B" would make
 * the XMP ill-formed XML and the file no PDF/A. Once the info dictionary is written (it keeps the plain
 * text) and before the XMP is, the values are escaped for XML: both then say the same.
 */
function escapeInfoForXmp(doc: PDFKit.PDFDocument): void {
  const endMetadata = doc.endMetadata.bind(doc);
  doc.endMetadata = () => {
    for (const key of ['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer'] as const) {
      doc.info[key] = doc.info[key]?.replace(/[&<>]/g, (c) => XML_ESCAPES[c]);
    }
    endMetadata();
  };
}

const HEADER_FILL = '#e8eef4';
const TABLE_FONT_SIZE = 8.5;
const MIN_STAR_WIDTH = 48;

export function taggedPdf(info: {
  title: string;
  author: string;
  subject: string;
  keywords?: string;
  /** Landscape for wide tables (an ordinance's ten columns); default portrait. */
  layout?: 'portrait' | 'landscape';
}): TaggedPdf {
  const doc = new PDFDocument({
    size: 'A4',
    layout: info.layout ?? 'portrait',
    margins: { top: 56, bottom: 64, left: 60, right: 60 },
    tagged: true,
    lang: 'sv-SE',
    displayTitle: true,
    // PDF/A-2 level A (level A: tagged, Unicode text, a language) needs PDF 1.7 at most and every font
    // embedded; pdfkit adds the XMP identification and an sRGB output intent. The first font is DejaVu
    // too, so no standard font is ever loaded.
    subset: 'PDF/A-2a',
    pdfVersion: '1.7',
    font: FONTS.regular,
    bufferPages: true,
    info: { Title: info.title, Author: info.author, Subject: info.subject, ...(info.keywords && { Keywords: info.keywords }) },
  });
  escapeInfoForXmp(doc);
  doc.registerFont('Sans', FONTS.regular);
  doc.registerFont('Sans-Bold', FONTS.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  return {
    doc,
    heading(level, text, bookmark = true) {
      if (level !== 'H3' && doc.y > doc.page.height - 160) doc.addPage();
      const size = level === 'H1' ? 18 : level === 'H2' ? 14 : 11.5;
      root.add(doc.struct(level, {}, () => doc.font('Sans-Bold').fontSize(size).text(text, { paragraphGap: 6 })));
      if (bookmark) doc.outline.addItem(text);
      doc.font('Sans').fontSize(10.5);
    },
    paragraph(text) {
      root.add(doc.struct('P', {}, () => doc.font('Sans').fontSize(10.5).text(text, { paragraphGap: 6 })));
    },
    list(items) {
      const l = doc.struct('L');
      root.add(l);
      for (const item of items) l.add(doc.struct('LI', {}, () => doc.font('Sans').fontSize(10.5).text(`• ${item}`, { indent: 10, paragraphGap: 3 })));
      l.end();
      doc.moveDown(0.4);
    },
    table(header, rows, widths) {
      doc.font('Sans').fontSize(TABLE_FONT_SIZE);
      const left = doc.x;
      const columns = columnWidths(doc.page.width - doc.page.margins.right - left, header.length, widths);
      // As pdfkit's table pads a cell: a quarter of the font size on each side.
      const padding = TABLE_FONT_SIZE * 0.25;
      doc.font('Sans-Bold');
      const headerHeight = Math.max(...header.map((h, i) => doc.heightOfString(h, { width: columns[i] - 2 * padding }))) + 2 * padding;
      doc.font('Sans');
      // pdfkit's table starts a continued row at the page's top margin, read before it adds the page: with
      // the margin lowered by the header's height, the row starts under a copy of the header. The copy is
      // an artifact, so a screen reader meets the header once, in the table's structure (TH).
      const top = doc.page.margins.top;
      const continueOnNewPage = doc.continueOnNewPage.bind(doc);
      doc.page.margins.top = top + headerHeight;
      doc.continueOnNewPage = (options?: PDFKit.PDFDocumentOptions) => {
        continueOnNewPage(options);
        drawHeaderArtifact(doc, header, columns, left, top, headerHeight, padding);
        doc.page.margins.top = top + headerHeight;
        return doc;
      };
      try {
        doc.table({
          structParent: root,
          columnStyles: columns,
          rowStyles: (i: number) => (i === 0 ? { backgroundColor: HEADER_FILL } : {}),
          data: [header.map((h) => ({ text: h, type: 'TH' as const, font: { src: 'Sans-Bold' } })), ...rows],
        } as PDFKit.Mixins.TableOptionsWithData);
      } finally {
        doc.continueOnNewPage = continueOnNewPage;
        doc.page.margins.top = top;
      }
      doc.moveDown(0.6);
    },
    finish(footer) {
      root.end();
      const range = doc.bufferedPageRange();
      for (let i = range.start; i < range.start + range.count; i++) {
        doc.switchToPage(i);
        const bottom = doc.page.margins.bottom;
        doc.page.margins.bottom = 0;
        doc.markContent('Artifact', { type: 'Pagination' });
        const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
        doc.font('Sans').fontSize(7.5).fillColor('#444444');
        footer(i + 1, range.count).forEach((line, k) =>
          doc.text(line, doc.page.margins.left, doc.page.height - 46 + k * 11, { width, align: 'center', lineBreak: false }),
        );
        doc.endMarkedContent();
        doc.fillColor('black');
        doc.page.margins.bottom = bottom;
      }
      doc.end();
      return done;
    },
  };
}

/** Each column's width in points: numbers as given, the rest (`*`) sharing what is left equally, as pdfkit does. */
function columnWidths(available: number, count: number, widths: Array<number | '*'> | undefined): number[] {
  const given = Array.from({ length: count }, (_, i) => widths?.[i] ?? '*');
  const stars = given.filter((w) => w === '*').length;
  const fixed = given.reduce<number>((sum, w) => sum + (w === '*' ? 0 : w), 0);
  // The given widths shrink, in proportion, so that each `*` column keeps at least a narrow column's width.
  const scale = fixed > 0 ? Math.min(1, (available - stars * MIN_STAR_WIDTH) / fixed) : 1;
  const star = stars ? (available - fixed * scale) / stars : 0;
  return given.map((w) => (w === '*' ? star : w * scale));
}

/** The header row again, at the top of a page a table continues on, outside the structure tree. */
function drawHeaderArtifact(
  doc: PDFKit.PDFDocument,
  header: string[],
  columns: number[],
  left: number,
  top: number,
  height: number,
  padding: number,
): void {
  const width = columns.reduce((a, b) => a + b, 0);
  doc.markContent('Artifact', { type: 'Pagination' });
  doc.save().rect(left, top, width, height).fill(HEADER_FILL).restore();
  doc.font('Sans-Bold').fontSize(TABLE_FONT_SIZE).fillColor('black');
  let x = left;
  header.forEach((h, i) => {
    doc.save().lineWidth(1).rect(x, top, columns[i], height).stroke('black').restore();
    doc.text(h, x + padding, top + padding, { width: columns[i] - 2 * padding, lineBreak: true });
    x += columns[i];
  });
  doc.endMarkedContent();
  doc.font('Sans').fontSize(TABLE_FONT_SIZE);
}
