import { Analysis, analysePlan, Change, Plan, swedishDate, validatePlan } from '@tillit/domain';
import { AnalysisQuery, analysisSummary, AnalysisSummary, answerQuery, QueryAnswer, ShownCheck, shownCheck } from './analysis-views';
import { ExportFile, exportFile, ExportRequest } from '../competence/competence-export';
import { liveCheck } from './live-check';
import { PlanPart, splitPlan } from './plan-parts';

/**
 * The messages between the page and the analysis worker. The worker keeps the plan it analysed last
 * (`token`: the id of that request) and its analysis, which never leaves it whole: the page asks for what
 * it shows (a page of findings, the map of two states, one history…), so that no answer is large enough
 * to block the page while it is read. The plan reaches the page in parts for the same reason.
 */
export type AnalysisRequest =
  | { type: 'analyse'; id: number; document: unknown }
  /** The worker reads the plan from the API itself: the page neither parses nor sends it. */
  | { type: 'open'; id: number; url: string; authorization?: string }
  | { type: 'check'; id: number; token: number; stageId: string; draft: Change[] }
  | { type: 'query'; id: number; token: number; query: AnalysisQuery }
  /** A spreadsheet of a competence view, made in the worker (it holds the rows) and sent as bytes. */
  | { type: 'export'; id: number; token: number; request: ExportRequest };

export type AnalysisReply =
  /** A slice of the analysed plan's long lists; all of them come before `analysed`. */
  | { type: 'plan-part'; id: number; part: PlanPart }
  | { type: 'analysed'; id: number; plan: Plan; summary: AnalysisSummary }
  | { type: 'invalid'; id: number; message: string }
  | { type: 'checked'; id: number; check: ShownCheck }
  | { type: 'answered'; id: number; answer: QueryAnswer }
  | { type: 'exported'; id: number; file: ExportFile }
  /** The request was for a plan the worker no longer holds, or a newer check came: its answer would not be used. */
  | { type: 'dropped'; id: number }
  | { type: 'failed'; id: number; message: string };

/** What the worker remembers between messages. */
export interface AnalysisSession {
  token: number;
  plan: Plan;
  analysis: Analysis;
  /** The date (in Sweden) the analysis judged the plan's dates against: live checks use the same. */
  today: string;
}

type Answered = { session: AnalysisSession | null; replies: AnalysisReply[] };

/** Answers one request with the messages to send, in order; pure but for the time it takes. */
export function handleRequest(session: AnalysisSession | null, request: Exclude<AnalysisRequest, { type: 'open' | 'export' }>): Answered {
  try {
    switch (request.type) {
      case 'analyse': {
        const result = validatePlan(request.document);
        if (!result.ok)
          return { session, replies: [{ type: 'invalid', id: request.id, message: result.errors.map((e) => `${e.path}: ${e.message}`).join('; ') }] };
        // Dates after today are plans, not facts: judged as the API judges them, by the date in Sweden.
        const today = swedishDate(new Date());
        const analysis = analysePlan(result.plan, { today });
        const { skeleton, parts } = splitPlan(result.plan);
        return {
          session: { token: request.id, plan: result.plan, analysis, today },
          replies: [
            ...parts.map((part): AnalysisReply => ({ type: 'plan-part', id: request.id, part })),
            { type: 'analysed', id: request.id, plan: skeleton, summary: analysisSummary(analysis) },
          ],
        };
      }
      case 'check': {
        if (!session || session.token !== request.token) return { session, replies: [{ type: 'dropped', id: request.id }] };
        const check = liveCheck(session.plan, session.analysis.findings, request.stageId, request.draft, session.today);
        return { session, replies: [{ type: 'checked', id: request.id, check: shownCheck(check) }] };
      }
      case 'query':
        if (!session || session.token !== request.token) return { session, replies: [{ type: 'dropped', id: request.id }] };
        return { session, replies: [{ type: 'answered', id: request.id, answer: answerQuery(session.plan, session.analysis, request.query) }] };
    }
  } catch (err) {
    return { session, replies: [{ type: 'failed', id: request.id, message: (err as Error).message }] };
  }
}

/**
 * The next request to answer from what is waiting, and the ones a newer request makes pointless: only
 * the newest live check counts (each takes a full analysis); analyses and questions are all answered in order.
 */
export function nextRequest(queue: AnalysisRequest[]): { next: AnalysisRequest | undefined; dropped: AnalysisRequest[]; rest: AnalysisRequest[] } {
  const lastCheck = queue.findLastIndex((r) => r.type === 'check');
  const dropped = queue.filter((r, i) => r.type === 'check' && i !== lastCheck);
  const [next, ...rest] = queue.filter((r, i) => r.type !== 'check' || i === lastCheck);
  return { next, dropped, rest };
}

/** The plan document from the API, read in the worker; an answer other than 2xx fails the request. */
async function readDocument(request: Extract<AnalysisRequest, { type: 'open' }>): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (request.authorization) headers.authorization = request.authorization;
  const res = await fetch(request.url, { headers });
  if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
  return res.json();
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
  const answer = async (next: AnalysisRequest): Promise<AnalysisReply[]> => {
    if (next.type === 'export') {
      if (!session || session.token !== next.token) return [{ type: 'dropped', id: next.id }];
      try {
        return [{ type: 'exported', id: next.id, file: await exportFile(session.plan, session.analysis, next.request) }];
      } catch (err) {
        return [{ type: 'failed', id: next.id, message: (err as Error).message }];
      }
    }
    if (next.type !== 'open') {
      const answered = handleRequest(session, next);
      session = answered.session;
      return answered.replies;
    }
    try {
      const document = await readDocument(next);
      return answer({ type: 'analyse', id: next.id, document });
    } catch (err) {
      return [{ type: 'failed', id: next.id, message: (err as Error).message }];
    }
  };
  const work = async () => {
    const { next, dropped, rest } = nextRequest(queue);
    queue = rest;
    for (const r of dropped) send({ type: 'dropped', id: r.id });
    if (next) for (const reply of await answer(next)) send(reply);
    scheduled = false;
    schedule();
  };
  const schedule = () => {
    if (scheduled || queue.length === 0) return;
    scheduled = true;
    setTimeout(() => void work(), 0);
  };
  return (request) => {
    queue.push(request);
    schedule();
  };
}
