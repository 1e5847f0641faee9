import * as fs from 'node:fs';
import * as path from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { EXAMPLE_PLAN } from '@tillit/domain';
import { aPlanRequest } from '../testing/builders';
import { signIn, useTestApp } from '../testing/test-app';
import { OrdinanceController } from './ordinance.controller';

const FIXTURES = path.resolve(__dirname, '../../../libs/domain/src/ordinance/fixtures');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));

describe(OrdinanceController.name, () => {
  const env = useTestApp('change_lead');
  const { http } = env;

  const newPlan = async () => (await http().post('/api/plans').send(aPlanRequest()).expect(201)).body as { id: string; version: number };
  const exported = async (id: string) =>
    (await http().get(`/api/plans/${id}/export`).expect(200)).body as {
      actors: Array<{ id: string; name: string; kind: string }>;
      decisionAreas: Array<{ id: string; code: string; section: string; limitValue?: unknown }>;
      baseline: Array<{ decisionAreaId: string; deciderId: string }>;
      stages: Array<{ id: string; name: string; changes: Array<{ type: string }> }>;
    };
  const preview = (id: string, file: Buffer, name: string, mapping?: object | string) => {
    const req = http().post(`/api/plans/${id}/ordinance/preview`).attach('file', file, name);
    return mapping === undefined ? req : req.field('mapping', typeof mapping === 'string' ? mapping : JSON.stringify(mapping));
  };
  const importFile = (id: string, file: Buffer, name: string, version: number, mapping?: object) => {
    const req = http().post(`/api/plans/${id}/ordinance/import`).attach('file', file, name).field('version', String(version));
    return mapping ? req.field('mapping', JSON.stringify(mapping)) : req;
  };

  it('imports a row with two titles in its delegate cell as one of them, or split into one matter per title', async () => {
    const csv = Buffer.from(
      [
        'Delegationsordning för socialnämnden',
        'Nr;Ärende;Lagrum;Delegat',
        '1 Bistånd',
        '1.1;Bistånd i form av särskilt boende;4 kap. 1 § SoL;Enhetschef/1:e socialsekreterare',
        '1.2;Bistånd i form av ledsagning;4 kap. 1 § SoL;Enhetschef/Biståndshandläggare',
        '',
      ].join('\r\n'),
    );
    const plan = await newPlan();
    const flagged = (await preview(plan.id, csv, 'sn.csv').expect(200)).body.preview as {
      problems: Array<{ line: number; code: string; params: unknown }>;
    };
    expect(flagged.problems.map((p) => [p.line, p.code])).toEqual([
      [4, 'two_delegates'],
      [5, 'two_delegates'],
    ]);
    expect(flagged.problems[0].params).toEqual({ options: ['Enhetschef', '1:e socialsekreterare'] });
    await importFile(plan.id, csv, 'sn.csv', plan.version).expect(400);

    const mapping = {
      rows: [
        { line: 4, values: { delegate: 'Enhetschef' } },
        { line: 5, values: {}, split: true },
      ],
    };
    const checked = (await preview(plan.id, csv, 'sn.csv', mapping).expect(200)).body.preview as {
      problems: unknown[];
      items: Array<{ code: string; part?: unknown }>;
    };
    expect(checked.problems).toEqual([]);
    expect(checked.items.map((i) => [i.code, i.part])).toEqual([
      ['1.1', undefined],
      ['1.2a', { index: 1, of: 2 }],
      ['1.2b', { index: 2, of: 2 }],
    ]);
    await importFile(plan.id, csv, 'sn.csv', plan.version, mapping).expect(201);
    const saved = await exported(plan.id);
    const deciderOf = (code: string) => {
      const area = saved.decisionAreas.find((a) => a.code === code);
      const right = saved.baseline.find((r) => r.decisionAreaId === area?.id);
      return saved.actors.find((a) => a.id === right?.deciderId)?.name;
    };
    expect(saved.decisionAreas.map((a) => a.code)).toEqual(['1.1', '1.2a', '1.2b']);
    expect([deciderOf('1.1'), deciderOf('1.2a'), deciderOf('1.2b')]).toEqual(['Enhetschef', 'Enhetschef', 'Biståndshandläggare']);
  });

  it('values limits in prisbasbelopp at the prisbasbelopp sent with the mapping, and refuses a bad one', async () => {
    const plan = await newPlan();
    const bad = await preview(plan.id, fixture('socialnamnd-utf8-bom.csv'), 'sn.csv', { priceBaseAmount: { year: 1066, sek: 59200 } }).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'mapping.priceBaseAmount.year' })]);
    const mapping = { priceBaseAmount: { year: 2025, sek: 58800 } };
    await importFile(plan.id, fixture('socialnamnd-utf8-bom.csv'), 'sn.csv', plan.version, mapping).expect(201);
    const area = (await exported(plan.id)).decisionAreas.find((a) => a.code === '4.3');
    expect(area?.limitValue).toEqual({ amount: 0.3, unit: 'prisbasbelopp', year: 2025, priceBaseAmountSek: 58800 });
  });

  describe('stored previews', () => {
    const importById = (id: string, previewId: string, version: number, mapping?: object) => {
      const req = http().post(`/api/plans/${id}/ordinance/import`).field('previewId', previewId).field('version', String(version));
      return mapping ? req.field('mapping', JSON.stringify(mapping)) : req;
    };
    const storedPreview = async (id: string) => {
      const res = await preview(id, fixture('socialnamnd-utf8-bom.csv'), 'sn.csv').expect(200);
      expect(res.body.previewId).toMatch(/^[0-9a-f-]{36}$/);
      expect(Date.parse(res.body.expiresAt)).toBeGreaterThan(Date.now());
      return res.body.previewId as string;
    };

    it('imports the stored preview’s file by its id, with the mapping sent, without the file again', async () => {
      const plan = await newPlan();
      const previewId = await storedPreview(plan.id);
      const res = await importById(plan.id, previewId, plan.version, { stageName: 'Ny' }).expect(201);
      expect(res.body).toMatchObject({ target: 'baseline', decisionAreas: 17 });
      const byFile = await newPlan();
      await importFile(byFile.id, fixture('socialnamnd-utf8-bom.csv'), 'sn.csv', byFile.version).expect(201);
      expect((await exported(plan.id)).decisionAreas.map((a) => a.code)).toEqual((await exported(byFile.id)).decisionAreas.map((a) => a.code));
    });

    it('answers 404 for an unknown id, or one of another plan or organisation, and 400 for a malformed one or with a file too', async () => {
      const plan = await newPlan();
      const previewId = await storedPreview(plan.id);
      const unknown = await importById(plan.id, '00000000-0000-4000-8000-000000000000', plan.version).expect(404);
      expect(unknown.body.code).toBe('not_found');
      const other = await newPlan();
      await importById(other.id, previewId, other.version).expect(404);
      const stranger = await signIn(env.app, 'admin');
      const strangerHttp = () => request(env.app.app.getHttpServer());
      const theirs = (await strangerHttp().post('/api/plans').set(stranger.headers).send(aPlanRequest()).expect(201)).body as {
        id: string;
        version: number;
      };
      await strangerHttp()
        .post(`/api/plans/${theirs.id}/ordinance/import`)
        .set(stranger.headers)
        .field('previewId', previewId)
        .field('version', String(theirs.version))
        .expect(404);
      const bad = await importById(plan.id, 'inte-ett-id', plan.version).expect(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'previewId', code: 'invalid_format' })]);
      const both = await http()
        .post(`/api/plans/${plan.id}/ordinance/import`)
        .attach('file', fixture('socialnamnd-utf8-bom.csv'), 'sn.csv')
        .field('previewId', previewId)
        .field('version', String(plan.version))
        .expect(400);
      expect(both.body.errors).toEqual([expect.objectContaining({ field: 'previewId', code: 'invalid' })]);
      // Nothing was written by any of them.
      expect((await exported(plan.id)).decisionAreas).toEqual([]);
      expect((await exported(other.id)).decisionAreas).toEqual([]);
    });

    it('answers 410 once the preview has expired, and writes nothing', async () => {
      const plan = await newPlan();
      const previewId = await storedPreview(plan.id);
      await env.app.app.get(DataSource).query(`UPDATE ordinance_preview SET expires_at = now() - interval '1 minute' WHERE id = $1`, [previewId]);
      const gone = await importById(plan.id, previewId, plan.version).expect(410);
      expect(gone.body.code).toBe('gone');
      expect((await exported(plan.id)).decisionAreas).toEqual([]);
      // The next preview clears expired ones away: the id is then unknown.
      await storedPreview(plan.id);
      await importById(plan.id, previewId, plan.version).expect(404);
    });
  });

  it('previews a CSV ordinance for an empty plan and writes nothing', async () => {
    const plan = await newPlan();
    const res = await preview(plan.id, fixture('socialnamnd-utf8-bom.csv'), 'socialnamnd.csv').expect(200);
    expect(res.body).toMatchObject({ planVersion: plan.version, target: 'baseline', preview: { format: 'csv', encoding: 'utf-8', separator: ';' } });
    expect(res.body.preview.counts).toMatchObject({ items: 17, errors: 0, warnings: 1 });
    expect((await http().get(`/api/plans/${plan.id}`).expect(200)).body.version).toBe(plan.version);
    expect((await exported(plan.id)).decisionAreas).toEqual([]);
  });

  it('previews an XLSX sheet chosen in the mapping and names the sheet in problems', async () => {
    const plan = await newPlan();
    const res = await preview(plan.id, fixture('kommunstyrelse.xlsx'), 'ks.xlsx', { sheet: 'Delegationsordning' }).expect(200);
    expect(res.body.preview).toMatchObject({ format: 'xlsx', sheets: ['Delegationsordning'], governingBody: 'Kommunstyrelsen' });
    expect(res.body.preview.problems).toEqual([expect.objectContaining({ code: 'relative_delegate', sheet: 'Delegationsordning', line: 12 })]);
  });

  it.each([
    ['not JSON', '{sheet:', 'mapping', 'invalid_json'],
    ['an unknown key', { sheets: 'x' }, 'mapping.sheets', 'unknown_field'],
    ['a wrong type', { headerRow: 'fyra' }, 'mapping.headerRow', 'invalid_type'],
    ['a sheet the file does not have', { sheet: 'Blad9' }, 'mapping.sheet', 'unknown_reference'],
    [
      'an actor the plan does not have',
      { actors: { Kommundirektör: { actorId: 'finns-inte' } } },
      'mapping.actors.Kommundirektör.actorId',
      'unknown_reference',
    ],
  ])('answers 400 for a mapping that is %s', async (_what, mapping, field, code) => {
    const plan = await newPlan();
    const res = await preview(plan.id, fixture('kommunstyrelse.xlsx'), 'ks.xlsx', mapping).expect(400);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, code })]));
  });

  it('answers 400 when the file is missing, empty or has no ordinance header', async () => {
    const plan = await newPlan();
    const none = await http().post(`/api/plans/${plan.id}/ordinance/preview`).field('mapping', '{}').expect(400);
    expect(none.body.errors).toEqual([expect.objectContaining({ field: 'file', code: 'required' })]);
    const empty = await preview(plan.id, Buffer.alloc(0), 'tom.csv').expect(400);
    expect(empty.body.errors).toEqual([expect.objectContaining({ field: 'file', code: 'empty_file' })]);
    const headless = await preview(plan.id, Buffer.from('a;b\n1;2\n'), 'x.csv').expect(400);
    expect(headless.body.errors).toEqual([expect.objectContaining({ field: 'file', code: 'no_header' })]);
  });

  it('answers 415 for a body that is not multipart and for a file that is neither CSV nor XLSX', async () => {
    const plan = await newPlan();
    const json = await http().post(`/api/plans/${plan.id}/ordinance/preview`).send({ file: 'x' }).expect(415);
    expect(json.body.code).toBe('unsupported_media_type');
    const pdf = await preview(plan.id, Buffer.from('%PDF-1.7\n\u0000\u0001binary'), 'ordning.pdf').expect(415);
    expect(pdf.body.message).toMatch(/CSV or XLSX/);
    await preview(plan.id, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'gammal.xls').expect(415);
  });

  it('answers 413 with a clear message for a file over 20 MB', async () => {
    const plan = await newPlan();
    const res = await preview(plan.id, Buffer.alloc(20 * 1024 * 1024 + 1, 0x41), 'stor.csv').expect(413);
    expect(res.body).toMatchObject({ code: 'payload_too_large', message: expect.stringMatching(/20 MB/) });
  });

  it('answers 400 naming an upload field it does not know', async () => {
    const plan = await newPlan();
    const res = await http().post(`/api/plans/${plan.id}/ordinance/preview`).attach('bilaga', Buffer.from('x'), 'x.csv').expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'bilaga', code: 'unknown_field' })]);
  });

  it('imports into the baseline of an empty plan in one write', async () => {
    const plan = await newPlan();
    const res = await importFile(plan.id, fixture('socialnamnd.xlsx'), 'sn.xlsx', plan.version).expect(201);
    expect(res.body).toMatchObject({ version: plan.version + 1, target: 'baseline', decisionAreas: 17, stageId: null });
    const content = await exported(plan.id);
    expect(content.decisionAreas.map((a) => a.code)).toContain('4.3');
    expect(content.baseline).toHaveLength(17);
    expect(content.actors.find((a) => a.name === 'Socialnämndens arbetsutskott')).toMatchObject({ kind: 'governing_body' });
    const analysis = await http().get(`/api/plans/${plan.id}/analysis`).expect(200);
    expect(analysis.body.summary.findings).toBeGreaterThanOrEqual(0);
  });

  it('refuses a stale version with 409 and writes nothing', async () => {
    const plan = await newPlan();
    const res = await importFile(plan.id, fixture('socialnamnd-utf8-bom.csv'), 'sn.csv', plan.version + 5).expect(409);
    expect(res.body).toMatchObject({ code: 'version_conflict', currentVersion: plan.version });
    expect((await exported(plan.id)).decisionAreas).toEqual([]);
  });

  it('refuses a file with row errors with 400 and writes nothing', async () => {
    const plan = await newPlan();
    const res = await importFile(plan.id, fixture('planted-errors.tsv'), 'fel.tsv', plan.version).expect(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ field: 'file', code: 'ordinance_errors', params: { count: 6, lines: [4, 5, 8, 9, 10, 13] } }),
    ]);
    expect((await exported(plan.id)).decisionAreas).toEqual([]);
    expect((await http().get(`/api/plans/${plan.id}`).expect(200)).body.version).toBe(plan.version);
  });

  it('imports a file once its rows are fixed in the mapping', async () => {
    const plan = await newPlan();
    const rows = [
      { line: 4, values: { delegate: 'Enhetschef' } },
      { line: 5, values: { delegate: 'Avdelningschef' } },
      { line: 8, values: { delegate: 'Enhetschef' } },
      { line: 9, values: { code: '2.1b' } },
      { line: 10, values: { delegate: 'Nämnden' } },
      { line: 13, values: { delegate: 'AU' } },
    ];
    await importFile(plan.id, fixture('planted-errors.tsv'), 'fel.tsv', plan.version, { rows }).expect(201);
    expect((await exported(plan.id)).decisionAreas.map((a) => a.code)).toEqual([
      '1.1',
      '1.2',
      '1.3',
      '2.1',
      '2.1b',
      '2.2',
      '2.3',
      '2.4',
      '2.5',
      '2.6',
    ]);
  });

  it('imports an updated ordinance into a plan that has one as a new stage of changes', async () => {
    const plan = await newPlan();
    await importFile(plan.id, fixture('kommunstyrelse-windows1252.csv'), 'ks.csv', plan.version).expect(201);
    const updated = fixture('kommunstyrelse.xlsx');
    const previewed = await preview(plan.id, updated, 'ks.xlsx').expect(200);
    expect(previewed.body.target).toBe('stage');
    expect(previewed.body.preview.actors.find((a: { name: string }) => a.name === 'Kommundirektör')).toMatchObject({
      match: 'abbreviation',
      confirmed: true,
    });
    const res = await importFile(plan.id, updated, 'ks.xlsx', plan.version + 1, { stageName: 'Ny delegationsordning 2027' }).expect(201);
    expect(res.body).toMatchObject({ target: 'stage', stageId: 'delegationsordning', version: plan.version + 2 });
    const content = await exported(plan.id);
    expect(content.stages.map((s) => s.name)).toEqual(['Ny delegationsordning 2027']);
    expect(content.stages[0].changes).toHaveLength(res.body.changes);
  });

  it('imports an ordinance into a plan with stages as a stage after them', async () => {
    const plan = (await http().post('/api/plans/import').send(EXAMPLE_PLAN).expect(201)).body as { id: string; version: number };
    const res = await importFile(plan.id, fixture('socialnamnd-utf8-bom.csv'), 'sn.csv', plan.version).expect(201);
    const content = await exported(plan.id);
    expect(content.stages.at(-1)).toMatchObject({ id: res.body.stageId, name: 'Reviderad delegationsordning' });
    expect(content.stages.at(-1)?.changes.map((c) => c.type)).toContain('retire_decision_area');
  });

  it('turns a changed limit into a set_limit change of the new stage, the wording kept', async () => {
    const plan = await newPlan();
    const first = fixture('socialnamnd-utf8-bom.csv');
    await importFile(plan.id, first, 'sn.csv', plan.version).expect(201);
    const updated = Buffer.from(first.toString('utf8').replace('upp till 5 000 kr', 'upp till 8 000 kr'), 'utf8');
    const res = await importFile(plan.id, updated, 'sn.csv', plan.version + 1).expect(201);
    expect(res.body).toMatchObject({ changes: 1, unchanged: [{ code: '2.5', fields: ['title'] }] });
    const stage = (await exported(plan.id)).stages.at(-1);
    expect(stage?.changes).toEqual([
      expect.objectContaining({
        type: 'set_limit',
        limit: expect.objectContaining({ amount: 8000, unit: 'kr' }),
        limitText: expect.stringContaining('8 000 kr'),
      }),
    ]);
  });

  it('is for roles that may import: a viewer gets 403', async () => {
    const plan = await newPlan();
    const viewer = await signIn(env.app, 'viewer', env.user.organisationId);
    await request(env.app.app.getHttpServer())
      .post(`/api/plans/${plan.id}/ordinance/preview`)
      .set(viewer.headers)
      .attach('file', fixture('socialnamnd-utf8-bom.csv'), 'sn.csv')
      .expect(403);
  });
});
