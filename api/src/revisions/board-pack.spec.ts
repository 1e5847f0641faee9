import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EXAMPLE_PLAN } from '@tillit/domain';
import { pdfAIdentification, pdfFonts, poppler } from '../testing/pdf';
import { binaryBody, importSubmittable, submission } from '../testing/revisions';
import { useTestApp } from '../testing/test-app';

describe('the board pack', () => {
  const env = useTestApp('change_lead');
  const { http } = env;

  it('is a tagged Swedish PDF of the tjänsteskrivelse and its appendices, with the revision’s hash on every page', async () => {
    const id = await importSubmittable(http);
    const body = await submission(http, id);
    const revision = (await http().post(`/api/plans/${id}/revisions`).send(body).expect(201)).body as { sha256: string };
    const res = await http().get(`/api/plans/${id}/revisions/1/board-pack.pdf`).buffer(true).parse(binaryBody).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('beslutsunderlag-revision-1.pdf');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillit-pack-'));
    const file = path.join(dir, 'pack.pdf');
    fs.writeFileSync(file, res.body as Buffer);

    const info = poppler('pdfinfo', file);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(new RegExp(`^Title:\\s+${EXAMPLE_PLAN.title} – revision 1$`, 'm'));
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(4);

    const text = poppler('pdftotext', '-layout', file, '-');
    for (const words of ['Tjänsteskrivelse, diarienummer SN 2026/123', 'Sammanfattning', 'Förslag till beslut', 'Beslutsunderlag', 'Bedömning']) {
      expect(text).toContain(words);
    }
    for (const proposal of body.proposals as string[]) expect(text).toContain(proposal);
    expect(text).toContain('Bilaga 1. Vem beslutar vad, per etapp');
    expect(text).toContain('Bilaga 3. Brister, åtgärder och motiveringar');
    // The plan format's codes never reach the reader: consequences and consultations in Swedish words.
    expect(text).toContain('Bilaga 4. Konsekvenser och delaktighet');
    expect(text).toContain('Medarbetare');
    expect(text).toContain('Arbetsplatsträff');
    expect(text).not.toMatch(/\b(employees|citizens|workplace_meeting|union_negotiation)\b/);
    expect(text).toContain('Bilaga 5. Kompetensgap per etapp');
    expect(text).toContain(EXAMPLE_PLAN.stages?.[0]?.name ?? '');
    expect(text).toContain('Mål och');
    expect(text).toContain('▸ ');
    // Every page's footer: the revision, its hash and the page number.
    const pageTexts = text.split('\f').filter((p) => p.trim());
    expect(pageTexts).toHaveLength(pages);
    pageTexts.forEach((p, i) => {
      expect(p).toContain(`SHA-256 ${revision.sha256}`);
      expect(p).toContain(`Sida ${i + 1} av ${pages}`);
    });

    // PDF/A-2a: identified in the XMP metadata, PDF 1.7, every font embedded, an output intent.
    expect(pdfAIdentification(file)).toEqual({ part: 2, conformance: 'A' });
    expect(info).toMatch(/^PDF version:\s+1\.7$/m);
    expect(info).toMatch(/^Encrypted:\s+no$/m);
    const fonts = pdfFonts(file);
    expect(fonts.map((f) => f.name)).toEqual(
      expect.arrayContaining([expect.stringMatching(/\+DejaVuSans$/), expect.stringMatching(/\+DejaVuSans-Bold$/)]),
    );
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
    expect((res.body as Buffer).includes('/S /GTS_PDFA1')).toBe(true);

    // Pictures of page 1 and of the first matrix page, kept for a person to look at.
    const artifacts = path.resolve(__dirname, '../../../e2e-artifacts');
    fs.mkdirSync(artifacts, { recursive: true });
    const matrixPage = pageTexts.findIndex((p) => p.includes('Bilaga 1.')) + 1;
    poppler('pdftoppm', '-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', file, path.join(artifacts, 'board-pack-page-1'));
    poppler(
      'pdftoppm',
      '-png',
      '-r',
      '80',
      '-f',
      String(matrixPage),
      '-l',
      String(matrixPage),
      '-singlefile',
      file,
      path.join(artifacts, 'board-pack-matrix'),
    );
    expect(fs.statSync(path.join(artifacts, 'board-pack-page-1.png')).size).toBeGreaterThan(10_000);
  });

  it('is refused for a revision that does not exist', async () => {
    const id = await importSubmittable(http);
    await http().get(`/api/plans/${id}/revisions/1/board-pack.pdf`).expect(404);
  });
});
