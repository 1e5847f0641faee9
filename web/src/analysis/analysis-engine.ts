import { Analysis, Change, Plan } from '@tillit/domain';
import { AnalysisReply, AnalysisRequest, analysisHost } from './analysis-protocol';
import { LiveCheck } from './live-check';

export type AnalysedPlan = { ok: true; token: number; plan: Plan; analysis: Analysis } | { ok: false; message: string };

/** The domain engine as the page uses it: in a Web Worker, answers by promise. */
export interface AnalysisEngine {
  analyse(document: unknown): Promise<AnalysedPlan>;
  /** Null when a newer check, or a newer analysis, made this one pointless. */
  check(token: number, stageId: string, draft: Change[]): Promise<LiveCheck | null>;
  dispose(): void;
}

interface Channel {
  post(request: AnalysisRequest): void;
  close(): void;
}

function workerChannel(receive: (reply: AnalysisReply) => void, fail: (message: string) => void): Channel {
  const worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<AnalysisReply>) => receive(event.data);
  worker.onerror = (event) => fail(event.message || 'analysis worker failed');
  return { post: (request) => worker.postMessage(request), close: () => worker.terminate() };
}

/** Where there are no workers (jsdom in unit tests) the same host runs on the page, a task per request. */
function localChannel(receive: (reply: AnalysisReply) => void): Channel {
  let open = true;
  const host = analysisHost((reply) => open && receive(reply));
  return {
    post: host,
    close: () => {
      open = false;
    },
  };
}

export function createAnalysisEngine(): AnalysisEngine {
  let next = 0;
  const pending = new Map<number, { resolve: (reply: AnalysisReply) => void; reject: (err: Error) => void }>();
  const receive = (reply: AnalysisReply) => {
    pending.get(reply.id)?.resolve(reply);
    pending.delete(reply.id);
  };
  const fail = (message: string) => {
    for (const p of pending.values()) p.reject(new Error(message));
    pending.clear();
  };
  const channel = typeof Worker === 'undefined' ? localChannel(receive) : workerChannel(receive, fail);
  const ask = (request: AnalysisRequest) =>
    new Promise<AnalysisReply>((resolve, reject) => {
      pending.set(request.id, { resolve, reject });
      channel.post(request);
    });
  return {
    async analyse(document) {
      const id = ++next;
      const reply = await ask({ type: 'analyse', id, document });
      switch (reply.type) {
        case 'analysed':
          return { ok: true, token: id, plan: reply.plan, analysis: reply.analysis };
        case 'invalid':
          return { ok: false, message: reply.message };
        case 'failed':
          throw new Error(reply.message);
        case 'checked':
        case 'dropped':
          throw new Error(`unexpected ${reply.type} answer to an analysis`);
      }
    },
    async check(token, stageId, draft) {
      const reply = await ask({ type: 'check', id: ++next, token, stageId, draft });
      switch (reply.type) {
        case 'checked':
          return reply.check;
        case 'dropped':
          return null;
        case 'failed':
          throw new Error(reply.message);
        case 'analysed':
        case 'invalid':
          throw new Error(`unexpected ${reply.type} answer to a check`);
      }
    },
    dispose() {
      channel.close();
      pending.clear();
    },
  };
}
