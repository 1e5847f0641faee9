import { PlanResponse } from '@tillit/contract';
import { Change, Plan } from '@tillit/domain';
import { useEffect, useRef, useState } from 'react';
import { AnalysisEngine, createAnalysisEngine } from '../analysis/analysis-engine';
import { AnalysisQuery, AnalysisSummary, QueryAnswers, ShownCheck } from '../analysis/analysis-views';
import { session } from '../auth/session';
import { planApi } from './plan-api';
import { ExportFile, ExportRequest } from '../competence/competence-export';

/** Which findings a draft of a stage's changes adds and resolves against the loaded plan; null: superseded. */
export type LiveChecker = (stageId: string, draft: Change[]) => Promise<ShownCheck | null>;

/** The analysis of the loaded plan, which stays in the worker: its summary, and questions about the rest. */
export interface PlanAnalysis {
  summary: AnalysisSummary;
  /** Null when a newer analysis replaced this one. */
  ask<Q extends AnalysisQuery>(query: Q): Promise<QueryAnswers[Q['kind']] | null>;
  /** A spreadsheet of a competence view (absent where the view offers no download); null: superseded. */
  exportFile?: (request: ExportRequest) => Promise<ExportFile | null>;
}

export type PlanLoad =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; meta: PlanResponse; plan: Plan; analysis: PlanAnalysis; check: LiveChecker };

/** A plan that has loaded, with the way to load it again (after a save, a submission, a decision). */
export type LoadedPlan = Extract<PlanLoad, { state: 'ready' }> & { reload: () => void };

/**
 * Loads a plan and analyses it in the browser, with the same engine the API uses, in a Web Worker that
 * reads the plan itself (the API's analysis is paged; the map, matrix and histories need every state,
 * which only the engine has). The page gets the plan in parts and asks the worker for what it shows.
 */
export function usePlanAnalysis(planId: string): PlanLoad & { reload: () => void } {
  const [load, setLoad] = useState<PlanLoad>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const engine = useRef<AnalysisEngine | null>(null);
  useEffect(() => {
    const created = createAnalysisEngine();
    engine.current = created;
    return () => {
      created.dispose();
      engine.current = null;
    };
  }, []);
  useEffect(() => {
    let cancelled = false;
    const analyser = engine.current;
    if (!analyser) return;
    const token = session.get()?.token;
    const source = { url: new URL(`/api/plans/${planId}/export`, location.href).href, ...(token && { authorization: `Bearer ${token}` }) };
    // The plan's own answer first: it says, in the user's words, when the plan cannot be read.
    planApi
      .get(planId)
      // Should the worker fail to read it, the page reads it: an error then comes in the user's words.
      .then(async (meta) => ({ meta, result: await analyser.open(source).catch(async () => analyser.analyse(await planApi.export(planId))) }))
      .then(
        ({ meta, result }) => {
          if (cancelled) return;
          if (!result.ok) setLoad({ state: 'failed', message: result.message });
          else
            setLoad({
              state: 'ready',
              meta,
              plan: result.plan,
              analysis: {
                summary: result.summary,
                ask: (query) => analyser.ask(result.token, query),
                exportFile: (request) => analyser.exportFile(result.token, request),
              },
              check: (stageId, draft) => analyser.check(result.token, stageId, draft),
            });
        },
        (err: unknown) => !cancelled && setLoad({ state: 'failed', message: (err as Error).message }),
      );
    return () => {
      cancelled = true;
    };
  }, [planId, attempt]);
  return { ...load, reload: () => setAttempt((n) => n + 1) };
}
