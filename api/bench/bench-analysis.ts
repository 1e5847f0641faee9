// `npm run bench:analysis`: imports the large synthetic plan into an embedded database and times
// GET /analysis (its first page and summary) and GET /analysis/gaps. Prints figures; asserts nothing.
// The last line is JSON for machines.
import { performance } from 'node:perf_hooks';
import request from 'supertest';
import { analysePlan } from '@tillit/domain';
import { syntheticPlan } from '@tillit/domain/testing';
import { createTestApp, signIn } from '../src/testing/test-app';

const SIZE = { actors: 2000, decisionAreas: 5000, stages: 20, changes: 50_000, competences: 50, seed: 42, chaos: 0.01 };

async function main(): Promise<void> {
  const plan = syntheticPlan(SIZE);
  const whole = analysePlan(plan);
  const wholeBytes = Buffer.byteLength(JSON.stringify({ findings: whole.findings, metrics: whole.metrics, gaps: whole.gaps }));
  console.log(
    `Plan: ${plan.actors.length} actors, ${plan.decisionAreas.length} decision areas, ${plan.stages.length} stages; ${whole.findings.length} findings`,
  );
  console.log(`The whole analysis in one answer (findings, metrics, gaps) would be ${wholeBytes} bytes`);

  const app = await createTestApp();
  try {
    const user = await signIn(app, 'change_lead');
    const http = () => request.agent(app.app.getHttpServer()).set(user.headers);
    const timed = async (path: string, query: Record<string, string | number> = {}) => {
      const start = performance.now();
      const res = await http().get(path).query(query);
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${res.text.slice(0, 300)}`);
      return { ms: Math.round(performance.now() - start), bytes: Buffer.byteLength(res.text), body: res.body };
    };

    let start = performance.now();
    const imported = await http().post('/api/plans/import').send(plan);
    if (imported.status !== 201) throw new Error(`import: ${imported.status} ${imported.text.slice(0, 300)}`);
    const importMs = Math.round(performance.now() - start);
    console.log(`Import: ${importMs} ms`);
    const base = `/api/plans/${imported.body.id}/analysis`;

    const cold = await timed(base);
    console.log(
      `First page, first request (loads and analyses the plan): ${cold.bytes} bytes, ${cold.ms} ms, ${cold.body.findings.items.length} of ${cold.body.findings.matched} findings`,
    );
    const warm = await timed(base);
    console.log(`First page again (analysis kept for the plan's revision): ${warm.bytes} bytes, ${warm.ms} ms`);
    const summaryBytes = Buffer.byteLength(JSON.stringify(warm.body.summary));
    const summaryOnly = await timed(base, { limit: 1 });
    console.log(`Summary: ${summaryBytes} bytes (with the metrics and one finding: ${summaryOnly.bytes} bytes, ${summaryOnly.ms} ms)`);
    const largest = await timed(base, { limit: 1000 });
    console.log(`Largest page (limit=1000): ${largest.bytes} bytes, ${largest.ms} ms, ${largest.body.findings.items.length} findings`);
    const oneStage = await timed(base, { stage: 10, severity: 'blocker' });
    console.log(`Stage 10's blockers: ${oneStage.bytes} bytes, ${oneStage.ms} ms, ${oneStage.body.findings.matched} findings`);
    const gaps = await timed(`${base}/gaps`);
    console.log(`Gaps, first page: ${gaps.bytes} bytes, ${gaps.ms} ms, ${gaps.body.gaps.items.length} of ${gaps.body.gaps.matched}`);

    start = performance.now();
    let pages = 0;
    let bytes = 0;
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof timed>> = await timed(base, { limit: 1000, ...(cursor && { cursor }) });
      pages++;
      bytes += page.bytes;
      cursor = page.body.findings.nextCursor;
    } while (cursor);
    const walkMs = Math.round(performance.now() - start);
    console.log(`Every finding, page by page (limit=1000): ${pages} pages, ${bytes} bytes, ${walkMs} ms`);

    console.log(
      JSON.stringify({
        findings: whole.findings.length,
        wholeBytes,
        importMs,
        firstPageBytes: cold.bytes,
        firstPageColdMs: cold.ms,
        firstPageWarmMs: warm.ms,
        summaryBytes,
        summaryResponseBytes: summaryOnly.bytes,
        summaryResponseMs: summaryOnly.ms,
        largestPageBytes: largest.bytes,
        gapsFirstPageBytes: gaps.bytes,
        walkPages: pages,
        walkMs,
      }),
    );
  } finally {
    await app.dispose();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
