import * as fs from 'node:fs';
import * as path from 'node:path';
import request from 'supertest';
import { EXAMPLE_PLAN } from '@tillit/domain';
import { readSource } from '@tillit/domain/ordinance';
import { aPlanRequest } from '../testing/builders';
import { signIn, useTestApp } from '../testing/test-app';
import { ExportsController } from './exports.controller';

const STAGES = EXAMPLE_PLAN.stages ?? [];
const FIXTURES = path.resolve(__dirname, '../../../libs/domain/src/ordinance/fixtures');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));

/** A response body as bytes, whatever its type. */
const bytes = (req: request.Test) =>
  req.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });

interface Exported {
  actors: Array<{ id: string; name: string }>;
  decisionAreas: Array<{
    id: string;
    code: string;
    title: string;
    section: string;
    legalBasis?: string;
    limit?: string;
    kind: string;
    nonDelegable: boolean;
  }>;
  baseline: Array<{ decisionAreaId: string; deciderId: string; delegatorId?: string; level: number; substituteId?: string; reporting: unknown }>;
}

describe(ExportsController.name, () => {
  const env = useTestApp('change_lead');
  const { http } = env;

  const newPlan = async () => (await http().post('/api/plans').send(aPlanRequest()).expect(201)).body as { id: string; version: number };
  const importInto = async (file: Buffer, name: string) => {
    const plan = await newPlan();
    await http().post(`/api/plans/${plan.id}/ordinance/import`).attach('file', file, name).field('version', String(plan.version)).expect(201);
    return plan.id;
  };
  /** The ordinance of a plan by names: what a round trip must keep. */
  const ordinanceOf = async (id: string) => {
    const plan = (await http().get(`/api/plans/${id}/export`).expect(200)).body as Exported;
    const name = (actorId?: string) => plan.actors.find((a) => a.id === actorId)?.name;
    return plan.decisionAreas.map((a) => {
      const r = plan.baseline.find((b) => b.decisionAreaId === a.id);
      return {
        code: a.code,
        title: a.title,
        section: a.section,
        legalBasis: a.legalBasis,
        limit: a.limit,
        kind: a.kind,
        nonDelegable: a.nonDelegable,
        decider: name(r?.deciderId),
        delegator: name(r?.delegatorId),
        level: r?.level,
        substitute: name(r?.substituteId),
        reported: r?.reporting !== null,
      };
    });
  };

  it.each(['csv', 'xlsx'] as const)(
    'gives the same decision areas, rights and sections when an exported ordinance (%s) is imported',
    async (format) => {
      const source = await importInto(fixture('kommunstyrelse-windows1252.csv'), 'ks.csv');
      const res = await bytes(http().get(`/api/plans/${source}/exports/ordinance.${format}`)).expect(200);
      const again = await importInto(res.body as Buffer, `export.${format}`);
      expect(await ordinanceOf(again)).toEqual(await ordinanceOf(source));
    },
  );

  it('sends the ordinance as CSV for Swedish Excel, under a file name, in the importer’s columns', async () => {
    const source = await importInto(fixture('socialnamnd-utf8-bom.csv'), 'sn.csv');
    const res = await bytes(http().get(`/api/plans/${source}/exports/ordinance.csv`)).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="delegationsordning-[a-z0-9-]+-nulage\.csv"$/);
    const body = res.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = body.toString('utf8');
    // The file's own columns first, under its names; the change marks last.
    expect(text).toMatch(/\r\nNr;Ärende;Lagrum;Delegat;Anmäls;Anmärkning(;[^;\r\n]+)*;Ändrad\r\n/);
    expect(text).toContain('\r\n2. SOCIALTJÄNSTLAGEN (SoL)\r\nBistånd\r\n');
  });

  it('writes an imported ordinance in the file’s own column order and header names, and reads it back the same', async () => {
    const source = await importInto(fixture('kommunstyrelse-windows1252.csv'), 'ks.csv');
    const csv = (await bytes(http().get(`/api/plans/${source}/exports/ordinance.csv`)).expect(200)).body as Buffer;
    const header = csv
      .toString('utf8')
      .split('\r\n')
      .find((l) => l.startsWith('Punkt;'));
    // The file's eight columns in its order; Anmäls (which the file did not have) after them, as every right has a value; the marks last.
    expect(header).toBe('Punkt;Beslutsärende;Beslutsfattare;Ersättare;Lag;Beloppsgräns;Villkor;Får vidaredelegeras;Anmäls;Ändrad');
    const xlsx = (await bytes(http().get(`/api/plans/${source}/exports/ordinance.xlsx`)).expect(200)).body as Buffer;
    const rows = (await readSource(xlsx)).sheets[0].rows.map((r) => r.cells.join(';'));
    expect(rows).toContain(header);
    // Imported again, the export keeps the layout and the ordinance.
    const again = await importInto(csv, 'export.csv');
    expect(await ordinanceOf(again)).toEqual(await ordinanceOf(source));
    const twice = (await bytes(http().get(`/api/plans/${again}/exports/ordinance.csv`)).expect(200)).body as Buffer;
    expect(twice.toString('utf8').split('\r\n')).toContain(header);
  });

  it('writes a plan whose ordinance did not come in by import in the standard layout', async () => {
    const id = (await http().post('/api/plans/import').send(EXAMPLE_PLAN).expect(201)).body.id as string;
    const csv = (await bytes(http().get(`/api/plans/${id}/exports/ordinance.csv`)).expect(200)).body.toString('utf8') as string;
    expect(csv).toContain('\r\nNr;Ärende;Delegat;Ersättare;Vidaredelegering;Lagrum;Begränsning;Anmäls;Anmärkning;Ändrad\r\n');
  });

  it('writes the ordinance after a chosen stage, marks what changed, and refuses a stage the plan does not have', async () => {
    const id = (await http().post('/api/plans/import').send(EXAMPLE_PLAN).expect(201)).body.id as string;
    const first = STAGES[0];
    const res = await bytes(http().get(`/api/plans/${id}/exports/ordinance.xlsx?stage=${first.id}`)).expect(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(/-efter-etapp-1\.xlsx"$/);
    const table = await readSource(res.body as Buffer);
    const rows = table.sheets[0].rows.map((r) => r.cells);
    expect(rows[1][0]).toContain(`Efter etapp 1: ${first.name}`);
    const marked = rows.filter((r) => r.length >= 10 && r[9] !== '' && r[9] !== 'Ändrad');
    expect(marked.length).toBeGreaterThan(0);
    const baseline = await bytes(http().get(`/api/plans/${id}/exports/ordinance.csv?stage=baseline`)).expect(200);
    expect(baseline.headers['content-disposition']).toMatch(/-nulage\.csv"$/);
    const wrong = await http().get(`/api/plans/${id}/exports/ordinance.csv?stage=finns-inte`).expect(400);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ field: 'stage', code: 'unknown_reference' })]);
  });

  it('sends the rollout matrix, the findings and the gaps as XLSX and CSV', async () => {
    const id = (await http().post('/api/plans/import').send(EXAMPLE_PLAN).expect(201)).body.id as string;
    const matrix = (await bytes(http().get(`/api/plans/${id}/exports/matrix.csv`)).expect(200)).body.toString('utf8') as string;
    expect(matrix).toContain(`Nr;Beslutsområde;Avsnitt;Nuläge;Etapp 1: ${STAGES[0].name}`);
    const findings = (await bytes(http().get(`/api/plans/${id}/exports/findings.csv`)).expect(200)).body.toString('utf8') as string;
    expect(findings).toContain('Läge;Allvar;Regel;Varning;Åtgärd;Beslutsområden');
    const english = (await bytes(http().get(`/api/plans/${id}/exports/findings.csv?lang=en`)).expect(200)).body.toString('utf8') as string;
    expect(english).toContain('State;Severity;Rule;Finding;Fix;Decision areas');
    const gaps = (await bytes(http().get(`/api/plans/${id}/exports/gaps.csv`)).expect(200)).body.toString('utf8') as string;
    expect(gaps).toContain('Läge;Aktör;Kompetens;Krävd nivå');
    for (const name of ['matrix', 'findings', 'gaps']) {
      const res = await bytes(http().get(`/api/plans/${id}/exports/${name}.xlsx`)).expect(200);
      expect((res.body as Buffer).subarray(0, 2).toString('latin1')).toBe('PK');
      expect(res.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="[a-z]+-[a-z0-9-]+\\.xlsx"$`));
    }
    const bad = await http().get(`/api/plans/${id}/exports/findings.csv?lang=de`).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'lang' })]);
  });

  it('lets every role export, and answers 404 for another organisation’s plan', async () => {
    const id = (await http().post('/api/plans/import').send(EXAMPLE_PLAN).expect(201)).body.id as string;
    const viewer = await signIn(env.app, 'viewer', env.user.organisationId);
    await request(env.app.app.getHttpServer()).get(`/api/plans/${id}/exports/ordinance.csv`).set(viewer.headers).expect(200);
    const stranger = await signIn(env.app, 'admin');
    await request(env.app.app.getHttpServer()).get(`/api/plans/${id}/exports/matrix.xlsx`).set(stranger.headers).expect(404);
  });
});
