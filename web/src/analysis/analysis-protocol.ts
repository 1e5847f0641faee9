import { Analysis, analysePlan, Change, Plan, PlanState, validatePlan } from '@tillit/domain';
import { liveCheck, LiveCheck } from './live-check';

/**
 * The messages between the page and the analysis worker. The worker keeps the plan it analysed last
 * (`token`: the id of that request), so a live check sends only the draft, not the whole plan again.
 */
export type AnalysisRequest =
  { type: 'analyse'; id: number; document: unknown } | { type: 'check'; id: number; token: number; stageId: string; draft: Change[] };

export type AnalysisReply =
  | { type: 'analysed'; id: number; plan: Plan; analysis: Analysis }
  | { type: 'invalid'; id: number; message: string }
  | { type: 'checked'; id: number; check: LiveCheck }
  /** The check was for a plan the worker no longer holds, or a newer check came: its answer would not be used. */
  | { type: 'dropped'; id: number }
  | { type: 'failed'; id: number; message: string };

/** What the worker remembers between messages. */
export interface AnalysisSession {
  token: number;
  plan: Plan;
  analysis: Analysis;
}

/**
 * The states with plain Maps: a structured clone (postMessage) keeps a Map, not the engine's IndexedMap
 * class, and keeps objects that several states share shared.
 */
export function plainAnalysis(analysis: Analysis): Analysis {
  const plain = (s: PlanState): PlanState => ({
    index: s.index,
    stageId: s.stageId,
    actors: new Map(s.actors),
    areas: new Map(s.areas),
    rights: new Map(s.rights),
  });
  return { ...analysis, states: analysis.states.map(plain) };
}

/** Answers one request; pure but for the time it takes. */
export function handleRequest(session: AnalysisSession | null, request: AnalysisRequest): { session: AnalysisSession | null; reply: AnalysisReply } {
  try {
    switch (request.type) {
      case 'analyse': {
        const result = validatePlan(request.document);
        if (!result.ok)
          return { session, reply: { type: 'invalid', id: request.id, message: result.errors.map((e) => `${e.path}: ${e.message}`).join('; ') } };
        const analysis = plainAnalysis(analysePlan(result.plan));
        return {
          session: { token: request.id, plan: result.plan, analysis },
          reply: { type: 'analysed', id: request.id, plan: result.plan, analysis },
        };
      }
      case 'check':
        if (!session || session.token !== request.token) return { session, reply: { type: 'dropped', id: request.id } };
        return {
          session,
          reply: { type: 'checked', id: request.id, check: liveCheck(session.plan, session.analysis.findings, request.stageId, request.draft) },
        };
    }
  } catch (err) {
    return { session, reply: { type: 'failed', id: request.id, message: (err as Error).message } };
  }
}

/**
 * The next request to answer from what is waiting, and the ones a newer request makes pointless: only
 * the newest live check counts (each takes a full analysis), analyses are all answered in order.
 */
export function nextRequest(queue: AnalysisRequest[]): { next: AnalysisRequest | undefined; dropped: AnalysisRequest[]; rest: AnalysisRequest[] } {
  const lastCheck = queue.findLastIndex((r) => r.type === 'check');
  const dropped = queue.filter((r, i) => r.type === 'check' && i !== lastCheck);
  const [next, ...rest] = queue.filter((r, i) => r.type !== 'check' || i === lastCheck);
  return { next, dropped, rest };
}

/**
 * Receives requests and answers them one at a time, each in a task of its own so that requests sent
 * meanwhile are seen (and older checks dropped) before the next one is picked. The worker runs one; the
 * page runs one itself only where there are no workers (jsdom).
 */
export function analysisHost(send: (reply: AnalysisReply) => void): (request: AnalysisRequest) => void {
  let session: AnalysisSession | null = null;
  let queue: AnalysisRequest[] = [];
  let scheduled = false;
  const work = () => {
    scheduled = false;
    const { next, dropped, rest } = nextRequest(queue);
    queue = rest;
    for (const r of dropped) send({ type: 'dropped', id: r.id });
    if (next) {
      const answered = handleRequest(session, next);
      session = answered.session;
      send(answered.reply);
    }
    schedule();
  };
  const schedule = () => {
    if (scheduled || queue.length === 0) return;
    scheduled = true;
    setTimeout(work, 0);
  };
  return (request) => {
    queue.push(request);
    schedule();
  };
}
