import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pdfAIdentification, pdfFonts, poppler } from '../testing/pdf';
import { taggedPdf } from './tagged-pdf';

async function write(title: string, author: string): Promise<string> {
  const pdf = taggedPdf({ title, author, subject: 'Prov' });
  pdf.heading('H1', title);
  pdf.paragraph('Åtgärder enligt 6 kap. 37 § KL.');
  pdf.table(['Beslut', 'Delegat'], [['3.2.1', 'Enhetschef']]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tillit-pdf-')), 'prov.pdf');
  fs.writeFileSync(file, await pdf.finish((page, pages) => [`Sida ${page} av ${pages}`]));
  return file;
}

describe(taggedPdf.name, () => {
  it('claims PDF/A-2a with every font embedded', async () => {
    const file = await write('Prov', 'Kommunen');
    expect(pdfAIdentification(file)).toEqual({ part: 2, conformance: 'A' });
    expect(poppler('pdfinfo', file)).toMatch(/^Tagged:\s+yes$/m);
    const fonts = pdfFonts(file);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
  });

  it('keeps the XMP metadata well-formed, and equal to the document info, when a title has & or <', async () => {
    const title = 'Vård & omsorg <utkast> – plan';
    const file = await write(title, 'Skola & fritid');
    expect(poppler('pdfinfo', file)).toMatch(new RegExp(`^Title:\\s+${title}$`, 'm'));
    const xmp = poppler('pdfinfo', '-meta', file);
    expect(xmp).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
    expect(xmp).toContain('<rdf:li xml:lang="x-default">Vård &amp; omsorg &lt;utkast&gt; – plan</rdf:li>');
    expect(xmp).toContain('<rdf:li>Skola &amp; fritid</rdf:li>');
  });
});
