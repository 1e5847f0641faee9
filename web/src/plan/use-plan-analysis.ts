import { PlanResponse } from '@tillit/contract';
import { Analysis, analysePlan, Plan, validatePlan } from '@tillit/domain';
import { useEffect, useState } from 'react';
import { planApi } from './plan-api';

export type PlanLoad =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; meta: PlanResponse; plan: Plan; analysis: Analysis };

/** Loads a plan and analyses it here, in the browser, with the same engine the API uses. */
export function usePlanAnalysis(planId: string): PlanLoad & { reload: () => void } {
  const [load, setLoad] = useState<PlanLoad>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let cancelled = false;
    Promise.all([planApi.get(planId), planApi.export(planId)]).then(
      ([meta, document]) => {
        if (cancelled) return;
        const result = validatePlan(document);
        if (!result.ok) setLoad({ state: 'failed', message: result.errors.map((e) => `${e.path}: ${e.message}`).join('; ') });
        else setLoad({ state: 'ready', meta, plan: result.plan, analysis: analysePlan(result.plan) });
      },
      (err: unknown) => !cancelled && setLoad({ state: 'failed', message: (err as Error).message }),
    );
    return () => {
      cancelled = true;
    };
  }, [planId, attempt]);
  return { ...load, reload: () => setAttempt((n) => n + 1) };
}
