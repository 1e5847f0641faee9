// `npm run bench:api`: what one edit costs on a small and on a large plan, through the real API and
// database. Imports the 30-actor example and the 2,000 × 5,000 × 20 × 50,000 synthetic plan into the
// embedded database (and into a PostgreSQL server when BENCH_DATABASE_URL is set), then times single
// edits and counts the SQL statements each issues. Prints figures; asserts nothing.
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import request from 'supertest';
import { EXAMPLE_PLAN, PlanInput } from '@tillit/domain';
import { syntheticPlan } from '@tillit/domain/testing';
import { CountingLogger, loadLine, startBenchApp, withServerDatabase } from './bench-env';

const RUNS = Number(process.env.BENCH_RUNS ?? 25);
const WARMUP = 15;
const LARGE = { actors: 2000, decisionAreas: 5000, stages: 20, changes: 50_000, competences: 50, seed: 42, chaos: 0.01 };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface Measure {
  medianMs: number;
  statements: number;
}

async function measure(label: string, counter: CountingLogger, edit: (i: number) => Promise<void>): Promise<Measure> {
  const times: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const before = counter.count;
    const t0 = performance.now();
    await edit(i);
    const ms = performance.now() - t0;
    if (i >= WARMUP) {
      times.push(ms);
      counts.push(counter.count - before);
    }
  }
  const statements = median(counts);
  const m = { medianMs: median(times), statements };
  console.log(
    `  ${label.padEnd(28)} median ${m.medianMs.toFixed(1).padStart(7)} ms   ${statements} SQL statements (min ${Math.min(...counts)}, max ${Math.max(...counts)})`,
  );
  return m;
}

async function editsOn(
  name: string,
  plan: PlanInput,
  env: Awaited<ReturnType<typeof startBenchApp>>,
): Promise<{ importMs: number; patchActor: Measure; patchRight: Measure; addChange: Measure }> {
  const http = () => request(env.app.app.getHttpServer());
  const t0 = performance.now();
  const imported = await http().post('/api/plans/import').set(env.headers).send(plan);
  const importMs = performance.now() - t0;
  if (imported.status !== 201) throw new Error(`import of ${name} failed: ${imported.status} ${JSON.stringify(imported.body).slice(0, 300)}`);
  const id = imported.body.id as string;
  console.log(
    `${name}: ${plan.actors?.length} actors, ${plan.decisionAreas?.length} decision areas, ${plan.stages?.length} stages, ${plan.stages?.reduce((n, s) => n + (s.changes?.length ?? 0), 0)} changes — import ${importMs.toFixed(0)} ms`,
  );
  const actor = plan.actors?.[1]?.id as string;
  const area = plan.baseline?.[0]?.decisionAreaId as string;
  const stage = plan.stages?.[0]?.id as string;

  let actorVersion = (await http().get(`/api/plans/${id}/actors/${actor}`).set(env.headers).expect(200)).body.version as number;
  const patchActor = await measure('PATCH an actor', env.counter, async (i) => {
    const res = await http()
      .patch(`/api/plans/${id}/actors/${actor}`)
      .set(env.headers)
      .send({ version: actorVersion, headcount: 10 + (i % 7) });
    if (res.status !== 200) throw new Error(`PATCH actor: ${res.status} ${JSON.stringify(res.body)}`);
    actorVersion = res.body.version;
  });
  let right = (await http().get(`/api/plans/${id}/baseline/${area}`).set(env.headers).expect(200)).body as { version: number; level: number };
  const patchRight = await measure('PUT a baseline right', env.counter, async (i) => {
    const res = await http()
      .put(`/api/plans/${id}/baseline/${area}`)
      .set(env.headers)
      .send({ ...right, level: 5 + (i % 3) });
    if (res.status !== 200) throw new Error(`PUT right: ${res.status} ${JSON.stringify(res.body)}`);
    right = res.body;
  });
  const addChange = await measure('POST a change to a stage', env.counter, async (i) => {
    const res = await http()
      .post(`/api/plans/${id}/stages/${stage}/changes`)
      .set(env.headers)
      .send({ id: `bench-${i}`, type: 'set_level', decisionAreaId: area, level: 6 });
    if (res.status !== 201) throw new Error(`POST change: ${res.status} ${JSON.stringify(res.body)}`);
  });
  return { importMs, patchActor, patchRight, addChange };
}

async function run(label: string, databaseUrl: string | undefined): Promise<void> {
  console.log(`\n## ${label}`);
  const env = await startBenchApp(databaseUrl);
  try {
    const small = await editsOn('example plan', EXAMPLE_PLAN, env);
    const large = await editsOn('synthetic plan', syntheticPlan(LARGE) as PlanInput, env);
    console.log('\n  edit                         ratio large/small   statements small → large');
    const summary: Record<string, unknown> = { database: label, importLargeMs: Math.round(large.importMs) };
    for (const key of ['patchActor', 'patchRight', 'addChange'] as const) {
      const ratio = large[key].medianMs / small[key].medianMs;
      console.log(`  ${key.padEnd(28)} ${ratio.toFixed(2).padStart(6)}              ${small[key].statements} → ${large[key].statements}`);
      summary[key] = {
        smallMs: +small[key].medianMs.toFixed(2),
        largeMs: +large[key].medianMs.toFixed(2),
        ratio: +ratio.toFixed(2),
        statements: [small[key].statements, large[key].statements],
      };
    }
    console.log(JSON.stringify(summary));
  } finally {
    await env.close();
  }
}

async function main(): Promise<void> {
  console.log(`Medians of ${RUNS} runs after ${WARMUP} warm-up runs; ${loadLine()}`);
  await run('embedded PGlite', undefined);
  const server = process.env.BENCH_DATABASE_URL;
  if (server) await withServerDatabase(server, (url) => run('PostgreSQL server', url));
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
