// `npm run bench:plan-import`: how long importing the 2,000 × 5,000 × 20 × 50,000 synthetic plan takes,
// through the real HTTP API (POST /api/plans/import, the body sent as prepared JSON bytes) into the
// embedded database and, with BENCH_DATABASE_URL, a PostgreSQL server. The first import in a process is
// the cold one (JIT not yet warm); the target (≤ 2 s on PostgreSQL) is read on the median of the warm ones.
// Also prints the domain's validation of the same document alone, and the longest another user's request
// (GET /api/auth/me, one session lookup) waited while an import ran. Prints figures; asserts nothing.
// BENCH_EMBEDDED=false leaves the embedded database out (to read the server's figure alone).
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import request from 'supertest';
import { PlanInput, validatePlan } from '@tillit/domain';
import { syntheticPlan } from '@tillit/domain/testing';
import { loadLine, startBenchApp, withServerDatabase } from './bench-env';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const LARGE = { actors: 2000, decisionAreas: 5000, stages: 20, changes: 50_000, competences: 50, seed: 42, chaos: 0.01 };
const TARGET_MS = 2000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');

async function run(label: string, databaseUrl: string | undefined, body: string): Promise<number> {
  const env = await startBenchApp(databaseUrl);
  const server = env.app.app.getHttpServer();
  const importPlan = () =>
    request(server)
      .post('/api/plans/import')
      .set(env.headers)
      .set('content-type', 'application/json')
      .send(body)
      .then((res) => {
        if (res.status !== 201) throw new Error(`import failed: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
      });
  try {
    // The import alone: nothing else runs in the process meanwhile.
    const times: number[] = [];
    for (let i = 0; i <= RUNS; i++) {
      const t0 = performance.now();
      await importPlan();
      times.push(performance.now() - t0);
    }
    const [cold, ...warm] = times;
    const m = median(warm);
    console.log(`${label}: cold ${cold.toFixed(0)} ms; warm ${fmt(warm)} ms → median ${m.toFixed(0)} ms (${loadLine()})`);
    // Then one more import with another user's requests meanwhile, one after the other (they share the
    // process, so they are kept out of the figures above): how long did the longest wait?
    let importing = true;
    const t0 = performance.now();
    const done = importPlan().finally(() => (importing = false));
    let longest = 0;
    while (importing) {
      const t1 = performance.now();
      const me = await request(server).get('/api/auth/me').set(env.headers);
      if (me.status !== 200) throw new Error(`GET /api/auth/me answered ${me.status}`);
      longest = Math.max(longest, performance.now() - t1);
    }
    await done;
    console.log(
      `${label}: an import with another user's requests beside it took ${(performance.now() - t0).toFixed(0)} ms; the longest GET /api/auth/me waited ${longest.toFixed(0)} ms`,
    );
    return m;
  } finally {
    await env.close();
  }
}

async function main(): Promise<void> {
  console.log(`Import of the synthetic plan, ${RUNS} warm runs after a cold one; ${loadLine()}`);
  const plan = syntheticPlan(LARGE) as PlanInput;
  const body = JSON.stringify(plan);
  console.log(
    `plan: ${plan.actors?.length} actors, ${plan.decisionAreas?.length} decision areas, ${plan.stages?.length} stages, ` +
      `${plan.stages?.reduce((n, s) => n + (s.changes?.length ?? 0), 0)} changes; ${(body.length / 1e6).toFixed(1)} MB of JSON`,
  );
  const validation: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const document = JSON.parse(body) as unknown;
    const t0 = performance.now();
    if (!validatePlan(document).ok) throw new Error('the synthetic plan does not validate');
    validation.push(performance.now() - t0);
  }
  console.log(
    `validation alone (libs/domain validatePlan): cold ${validation[0].toFixed(0)} ms; warm median ${median(validation.slice(1)).toFixed(0)} ms`,
  );
  if (process.env.BENCH_EMBEDDED !== 'false') await run('embedded PGlite', undefined, body);
  const server = process.env.BENCH_DATABASE_URL;
  if (server) {
    await withServerDatabase(server, async (url) => {
      const m = await run('PostgreSQL server', url, body);
      console.log(`PostgreSQL import, warm median ${m.toFixed(0)} ms; target ≤ ${TARGET_MS} ms ${m <= TARGET_MS ? 'met' : 'NOT met'}`);
    });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
