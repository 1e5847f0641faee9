import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EXAMPLE_PLAN } from '@tillit/domain';
import { aPlanRequest } from '../testing/builders';
import { pdfFonts, poppler } from '../testing/pdf';
import { binaryBody } from '../testing/revisions';
import { useTestApp } from '../testing/test-app';
import { ordinancePdf } from './ordinance-pdf';

const STAGES = EXAMPLE_PLAN.stages ?? [];

/** A socialnämnd's ordinance of `sections` × `perSection` matters, long enough to run over several pages. */
function longOrdinance(sections: number, perSection: number): string {
  const lines = ['Delegationsordning för socialnämnden', '', 'Nr;Ärende;Lagrum;Delegat;Anmäls;Anmärkning'];
  for (let s = 1; s <= sections; s++) {
    lines.push(`${s}. AVSNITT ${s} ENLIGT SOL`);
    for (let m = 1; m <= perSection; m++) {
      lines.push(
        `${s}.${m};Beslut om bistånd i form av hemtjänst i ärende ${s}.${m} med en beskrivning som bryts på två rader;4 kap. 1 § SoL;Enhetschef;Ja;Samråd med avdelningschef`,
      );
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

const pdfFile = (bytes: Buffer) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tillit-ordinance-')), 'ordinance.pdf');
  fs.writeFileSync(file, bytes);
  return file;
};
const pagesOf = (file: string) => Number(/^Pages:\s+(\d+)$/m.exec(poppler('pdfinfo', file))?.[1]);
const pageText = (file: string, page: number) => poppler('pdftotext', '-f', String(page), '-l', String(page), '-layout', file, '-');

describe(ordinancePdf.name, () => {
  const env = useTestApp('change_lead');
  const { http } = env;

  const get = (url: string) => http().get(url).buffer(true).parse(binaryBody);

  it('is a tagged Swedish PDF of the ordinance after a stage, with its title, sections as headings and changed rows in words', async () => {
    const id = (await http().post('/api/plans/import').send(EXAMPLE_PLAN).expect(201)).body.id as string;
    const first = STAGES[0];
    const res = await get(`/api/plans/${id}/exports/ordinance.pdf?stage=${first.id}`).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="delegationsordning-[a-z0-9-]+-efter-etapp-1\.pdf"$/);
    const bytes = res.body as Buffer;
    const file = pdfFile(bytes);

    const info = poppler('pdfinfo', file);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(new RegExp(`^Title:\\s+Delegationsordning för .+\\. ${EXAMPLE_PLAN.title}\\. Efter etapp 1: ${first.name}\\.$`, 'm'));
    // The catalog's language (pdfkit writes the catalog uncompressed).
    expect(bytes.toString('latin1')).toContain('/Lang (sv-SE)');
    expect(pdfFonts(file).filter((f) => !f.embedded)).toEqual([]);

    const text = poppler('pdftotext', '-layout', file, '-');
    expect(text).toContain(`Efter etapp 1: ${first.name}`);
    // The same rows the CSV marks, each marked in words.
    const csv = (await get(`/api/plans/${id}/exports/ordinance.csv?stage=${first.id}`).expect(200)).body.toString('utf8') as string;
    const marked = csv.split('\r\n').filter((l) => l.split(';').length === 10 && !l.endsWith(';Ändrad') && !l.endsWith(';'));
    expect(marked.length).toBeGreaterThan(0);
    expect(text.match(/Ändrad:/g)?.length).toBe(marked.length);
    expect(text).toContain(`${marked.length} ärenden är ändrade jämfört med nuläget`);
    expect(EXAMPLE_PLAN.decisionAreas?.length).toBeGreaterThan(3);
    for (const area of (EXAMPLE_PLAN.decisionAreas ?? []).slice(0, 3)) expect(text.replace(/\s+/g, ' ')).toContain(area.code);
    const pages = pagesOf(file);
    expect(text).toContain(`sida ${pages} av ${pages}`);

    const baseline = await get(`/api/plans/${id}/exports/ordinance.pdf?stage=baseline`).expect(200);
    const baselineText = poppler('pdftotext', pdfFile(baseline.body as Buffer), '-');
    expect(baselineText).toContain('Inga ärenden är ändrade jämfört med nuläget.');
    expect(baselineText).not.toContain('Ändrad:');
  });

  it('repeats the table header and numbers every page of a long ordinance, and loses no matter', async () => {
    const plan = (await http().post('/api/plans').send(aPlanRequest()).expect(201)).body as { id: string; version: number };
    await http()
      .post(`/api/plans/${plan.id}/ordinance/import`)
      .attach('file', Buffer.from(longOrdinance(3, 40), 'utf8'), 'sn.csv')
      .field('version', String(plan.version))
      .expect(201);
    const file = pdfFile((await get(`/api/plans/${plan.id}/exports/ordinance.pdf`).expect(200)).body as Buffer);
    const pages = pagesOf(file);
    expect(pages).toBeGreaterThanOrEqual(4);
    for (let page = 1; page <= pages; page++) {
      const text = pageText(file, page);
      // In the file’s own layout (Nr; Ärende; Lagrum; Delegat; …).
      expect(text).toMatch(/Nr\s+Ärende\s+Lagrum\s+Delegat\s+Anmäls/);
      expect(text).toContain(`sida ${page} av ${pages}`);
    }
    const all = poppler('pdftotext', '-layout', file, '-');
    for (let s = 1; s <= 3; s++) {
      expect(all).toContain(`${s}. AVSNITT ${s} ENLIGT SOL`);
      for (let m = 1; m <= 40; m++) expect(all).toContain(`ärende ${s}.${m} `);
    }
  });

  it('answers 400 for a stage the plan does not have, and 404 for a plan it does not have', async () => {
    const id = (await http().post('/api/plans/import').send(EXAMPLE_PLAN).expect(201)).body.id as string;
    const wrong = await http().get(`/api/plans/${id}/exports/ordinance.pdf?stage=finns-inte`).expect(400);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ field: 'stage', code: 'unknown_reference' })]);
    await http().get(`/api/plans/00000000-0000-4000-8000-000000000000/exports/ordinance.pdf`).expect(404);
  });
});
