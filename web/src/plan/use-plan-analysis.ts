import { PlanResponse } from '@tillit/contract';
import { Analysis, Change, Plan } from '@tillit/domain';
import { useEffect, useRef, useState } from 'react';
import { AnalysisEngine, createAnalysisEngine } from '../analysis/analysis-engine';
import { LiveCheck } from '../analysis/live-check';
import { planApi } from './plan-api';

/** Which findings a draft of a stage's changes adds and resolves against the loaded plan; null: superseded. */
export type LiveChecker = (stageId: string, draft: Change[]) => Promise<LiveCheck | null>;

export type PlanLoad =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; meta: PlanResponse; plan: Plan; analysis: Analysis; check: LiveChecker };

/**
 * Loads a plan and analyses it in the browser, with the same engine the API uses, in a Web Worker (the
 * API's analysis is paged; the map, matrix and histories need every state, which only the engine has).
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
    Promise.all([planApi.get(planId), planApi.export(planId)])
      .then(async ([meta, document]) => ({ meta, result: await analyser.analyse(document) }))
      .then(
        ({ meta, result }) => {
          if (cancelled) return;
          if (!result.ok) setLoad({ state: 'failed', message: result.message });
          else
            setLoad({
              state: 'ready',
              meta,
              plan: result.plan,
              analysis: result.analysis,
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
