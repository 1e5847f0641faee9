import { EXAMPLE_PLAN } from '@tillit/domain';
import request from 'supertest';

type Agent = () => request.Agent | request.SuperTest<request.Test>;

/** Every blocking finding's key of a plan, through the paged analysis. */
export async function blockerKeys(http: Agent, planId: string): Promise<string[]> {
  const keys = new Set<string>();
  let cursor: string | null = null;
  do {
    const res = await http()
      .get(`/api/plans/${planId}/analysis?severity=blocker&limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
      .expect(200);
    const page = res.body.findings as { items: Array<{ key: string }>; nextCursor: string | null };
    for (const f of page.items) keys.add(f.key);
    cursor = page.nextCursor;
  } while (cursor);
  return [...keys];
}

/** The example plan with its definition agreed (by the nämnd, on a date): ready to go to the board once its blockers are justified. */
export async function importSubmittable(http: Agent): Promise<string> {
  const id = (await http().post('/api/plans/import').send(EXAMPLE_PLAN).expect(201)).body.id as string;
  const plan = (await http().get(`/api/plans/${id}`).expect(200)).body as { version: number };
  await http()
    .put(`/api/plans/${id}/definition`)
    .send({ version: plan.version, definition: { ...EXAMPLE_PLAN.definition, agreedBy: 'Socialnämnden', agreedOn: '2026-10-21' } })
    .expect(200);
  return id;
}

/** A body that submits the plan as it is now: its version, a summary, one att-sats, a justification per blocker. */
export async function submission(http: Agent, planId: string): Promise<Record<string, unknown>> {
  const plan = (await http().get(`/api/plans/${planId}`).expect(200)).body as { version: number };
  const blockers = await blockerKeys(http, planId);
  return {
    version: plan.version,
    summary: 'Socialnämnden föreslås godkänna planen för tillitsbaserad styrning i fyra etapper.',
    proposals: ['Socialnämnden godkänner planen.', 'Uppföljning sker efter varje etapp.'],
    diarienummer: 'SN 2026/123',
    justifications: blockers.map((finding) => ({ finding, text: 'Åtgärdas före etappens start; förvaltningen återrapporterar.' })),
  };
}

/** The example plan, submitted by `http`'s user: its revision 1 is before the board. */
export async function submittedPlan(http: Agent): Promise<string> {
  const id = await importSubmittable(http);
  await http()
    .post(`/api/plans/${id}/revisions`)
    .send(await submission(http, id))
    .expect(201);
  return id;
}

/** supertest's parser for a binary answer (a PDF, a revision's exact bytes): the body as one Buffer. */
export function binaryBody(res: request.Response, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}
