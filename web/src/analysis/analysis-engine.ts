import { Change, Plan } from '@tillit/domain';
import { AnalysisReply, AnalysisRequest, analysisHost } from './analysis-protocol';
import { AnalysisQuery, AnalysisSummary, QueryAnswers, ShownCheck } from './analysis-views';
import { joinPlan, PlanPart } from './plan-parts';
import { ExportFile, ExportRequest } from '../competence/competence-export';

export type AnalysedPlan = { ok: true; token: number; plan: Plan; summary: AnalysisSummary } | { ok: false; message: string };

/** Where the worker reads a plan: the API's export, with the page's credentials. */
export interface PlanSource {
  url: string;
  authorization?: string;
}

/** The domain engine as the page uses it: in a Web Worker, answers by promise. */
export interface AnalysisEngine {
  /** A document the page has, or one the worker reads from the API. */
  analyse(document: unknown): Promise<AnalysedPlan>;
  open(source: PlanSource): Promise<AnalysedPlan>;
  /** Null when a newer check, or a newer analysis, made this one pointless. */
  check(token: number, stageId: string, draft: Change[]): Promise<ShownCheck | null>;
  /** Null when a newer analysis replaced the one asked about. */
  ask<Q extends AnalysisQuery>(token: number, query: Q): Promise<QueryAnswers[Q['kind']] | null>;
  /** A spreadsheet of a competence view; null when a newer analysis replaced the one asked about. */
  exportFile(token: number, request: ExportRequest): Promise<ExportFile | null>;
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

type Final = Exclude<AnalysisReply, { type: 'plan-part' }>;

export function createAnalysisEngine(): AnalysisEngine {
  let next = 0;
  const pending = new Map<number, { resolve: (reply: Final) => void; reject: (err: Error) => void }>();
  const parts = new Map<number, PlanPart[]>();
  const receive = (reply: AnalysisReply) => {
    if (reply.type === 'plan-part') {
      parts.set(reply.id, [...(parts.get(reply.id) ?? []), reply.part]);
      return;
    }
    pending.get(reply.id)?.resolve(reply);
    pending.delete(reply.id);
  };
  const fail = (message: string) => {
    for (const p of pending.values()) p.reject(new Error(message));
    pending.clear();
  };
  const channel = typeof Worker === 'undefined' ? localChannel(receive) : workerChannel(receive, fail);
  const ask = (request: AnalysisRequest) =>
    new Promise<Final>((resolve, reject) => {
      pending.set(request.id, { resolve, reject });
      channel.post(request);
    });
  const analysed = async (request: Extract<AnalysisRequest, { type: 'analyse' | 'open' }>): Promise<AnalysedPlan> => {
    const reply = await ask(request);
    const received = parts.get(request.id) ?? [];
    parts.delete(request.id);
    switch (reply.type) {
      case 'analysed':
        return { ok: true, token: request.id, plan: joinPlan(reply.plan, received), summary: reply.summary };
      case 'invalid':
        return { ok: false, message: reply.message };
      case 'failed':
        throw new Error(reply.message);
      case 'checked':
      case 'answered':
      case 'exported':
      case 'dropped':
        throw new Error(`unexpected ${reply.type} answer to an analysis`);
    }
  };
  return {
    analyse: (document) => analysed({ type: 'analyse', id: ++next, document }),
    open: (source) => analysed({ type: 'open', id: ++next, ...source }),
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
        case 'answered':
        case 'exported':
        case 'invalid':
          throw new Error(`unexpected ${reply.type} answer to a check`);
      }
    },
    async ask<Q extends AnalysisQuery>(token: number, query: Q) {
      const reply = await ask({ type: 'query', id: ++next, token, query });
      switch (reply.type) {
        case 'answered':
          return reply.answer as QueryAnswers[Q['kind']];
        case 'dropped':
          return null;
        case 'failed':
          throw new Error(reply.message);
        case 'analysed':
        case 'checked':
        case 'exported':
        case 'invalid':
          throw new Error(`unexpected ${reply.type} answer to a question`);
      }
    },
    async exportFile(token, request) {
      const reply = await ask({ type: 'export', id: ++next, token, request });
      switch (reply.type) {
        case 'exported':
          return reply.file;
        case 'dropped':
          return null;
        case 'failed':
          throw new Error(reply.message);
        case 'analysed':
        case 'checked':
        case 'answered':
        case 'invalid':
          throw new Error(`unexpected ${reply.type} answer to an export`);
      }
    },
    dispose() {
      channel.close();
      pending.clear();
      parts.clear();
    },
  };
}
