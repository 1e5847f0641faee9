import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { OPENAPI_DOCUMENT_PATH } from '../common/openapi-document';
import { EXAMPLE_KEYS } from '../testing/example-keys';
import { importSubmittable, submission } from '../testing/revisions';
import { useTestApp } from '../testing/test-app';

interface OpenApiDocument {
  paths: Record<string, Partial<Record<string, unknown>>>;
}

const WRITE_METHODS = ['post', 'put', 'patch', 'delete'] as const;
const committed = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../..', OPENAPI_DOCUMENT_PATH), 'utf8')) as OpenApiDocument;
/**
 * Every route that writes to one plan: a path under /api/plans/{id}; but the board's own steps on a
 * revision (advice, recording its decision, justering), which change no content and are what a frozen
 * plan is for, and reopening an approved plan as a new draft, the one way out of approved (decisions.spec.ts
 * and board.spec.ts test them).
 */
const BOARD_STEPS = /\/(decisions|advice|reopen)(\/|$)/;
const PLAN_WRITES = Object.entries(committed.paths).flatMap(([route, ops]) =>
  route.startsWith('/api/plans/{id}') && !BOARD_STEPS.test(route) ? WRITE_METHODS.filter((m) => ops[m]).map((m) => [m, route] as const) : [],
);

/** Keys in the example plan for the path parameters of those routes. */
const PARAMS: Record<string, string> = { area: 'a-1-1', actor: 'fc', competence: 'c-arb', stage: 'etapp-1', n: '1' };
const KEYS = EXAMPLE_KEYS;

describe('a plan before the board or decided', () => {
  const env = useTestApp('admin');
  const { http } = env;

  /** Everything a write could touch: the plan row, each table's rows of the plan (count and hash), the export. */
  async function snapshot(planId: string): Promise<Record<string, unknown>> {
    const db = env.app.app.get(DataSource);
    const [plan] = await db.query(`SELECT title, purpose, status, version, entity_version, updated_at FROM plan WHERE id = $1`, [planId]);
    const tables: Record<string, unknown> = {};
    // Every table with a plan_id: the content, the revisions, the decisions.
    const planTables = db.entityMetadatas.filter((m) => m.findColumnWithPropertyName('planId')).map((m) => m.tableName);
    expect(planTables).toEqual(expect.arrayContaining(['actor', 'decision_right', 'plan_change', 'holding', 'plan_revision', 'board_decision']));
    for (const table of planTables) {
      const rows: Array<{ row: string }> = await db.query(`SELECT row_to_json(t)::text AS row FROM ${table} t WHERE plan_id = $1 ORDER BY 1`, [
        planId,
      ]);
      tables[table] = {
        count: rows.length,
        sha256: createHash('sha256')
          .update(rows.map((r) => r.row).join('\n'))
          .digest('hex'),
      };
    }
    const exported = (await http().get(`/api/plans/${planId}/export`).expect(200)).text;
    return { plan, tables, export: createHash('sha256').update(exported).digest('hex') };
  }

  /** A body the route would take from a draft plan (the entity as read, with the plan's version). */
  async function bodyFor(planId: string, url: string, route: string): Promise<object> {
    const { version } = (await http().get(`/api/plans/${planId}`).expect(200)).body as { version: number };
    if (route === '/api/plans/{id}') return { version, title: 'Ändrad titel' };
    if (route.endsWith('/revisions')) return { ...(await submission(http, planId)), version };
    if (route.endsWith('/content')) return { version, plan: (await http().get(`/api/plans/${planId}/export`).expect(200)).body };
    const own = await http().get(url);
    if (own.status === 200 && !Array.isArray(own.body)) {
      const { id: _id, ...fields } = own.body as Record<string, unknown>;
      return { version, ...fields };
    }
    return { version, id: 'ny-i-fryst-plan', name: 'Ny', title: 'Ny' };
  }

  for (const status of ['submitted', 'approved'] as const) {
    it(`answers 409 plan_frozen on each of the ${PLAN_WRITES.length} write routes of a ${status} plan, and nothing changes`, async () => {
      const planId = await importSubmittable(http);
      await http()
        .post(`/api/plans/${planId}/revisions`)
        .send(await submission(http, planId))
        .expect(201);
      // The decision itself is recorded by the board's secretary (a later step); here it is set directly.
      if (status === 'approved') await env.app.app.get(DataSource).query(`UPDATE plan SET status = 'approved' WHERE id = $1`, [planId]);
      const before = await snapshot(planId);
      const answers: string[] = [];
      for (const [method, route] of PLAN_WRITES) {
        const segments = route.split('/');
        const url = route.replace(/\{(\w+)\}/g, (_m, name: string) =>
          name === 'id' ? planId : name === 'key' ? KEYS[segments[segments.indexOf('{key}') - 1]] : (PARAMS[name] ?? name),
        );
        const agent = request.agent(env.app.app.getHttpServer()).set(env.user.headers);
        const res =
          method === 'delete'
            ? await agent.delete(`${url}?version=${before.plan && (before.plan as { version: number }).version}`)
            : await agent[method](url).send(await bodyFor(planId, url, route));
        answers.push(`${method.toUpperCase()} ${route}: ${res.status} ${res.body?.code ?? ''}`);
      }
      expect(answers.filter((a) => !a.endsWith(': 409 plan_frozen'))).toEqual([]);
      expect(await snapshot(planId)).toEqual(before);
    });
  }
});
