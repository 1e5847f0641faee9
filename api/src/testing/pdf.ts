import { execFileSync } from 'node:child_process';

/** poppler-utils reads PDFs back (installed by .ci/run; `apt-get install poppler-utils` elsewhere). */
export const poppler = (tool: string, ...args: string[]): string => execFileSync(tool, args, { encoding: 'utf8' });

export interface PdfFont {
  name: string;
  embedded: boolean;
}

/** Every font the pages use, as `pdffonts` lists them. */
export function pdfFonts(file: string): PdfFont[] {
  const lines = poppler('pdffonts', file).split('\n');
  const rows = lines.slice(lines.findIndex((l) => l.startsWith('----')) + 1).filter((l) => l.trim());
  return rows.map((row) => {
    const columns = /^(\S+).*\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(row);
    if (!columns) throw new Error(`pdffonts printed a row this test cannot read: ${row}`);
    return { name: columns[1], embedded: columns[2] === 'yes' };
  });
}

/** The PDF/A identification in the XMP metadata (`pdfinfo -meta`), or undefined without one. */
export function pdfAIdentification(file: string): { part: number; conformance: string } | undefined {
  const xmp = poppler('pdfinfo', '-meta', file);
  const part = /<pdfaid:part>(\d+)<\/pdfaid:part>/.exec(xmp)?.[1];
  const conformance = /<pdfaid:conformance>([A-Z])<\/pdfaid:conformance>/.exec(xmp)?.[1];
  return part && conformance ? { part: Number(part), conformance } : undefined;
}
