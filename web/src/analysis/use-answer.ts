import { useEffect, useState } from 'react';
import { PlanAnalysis } from '../plan/use-plan-analysis';
import { AnalysisQuery, QueryAnswers } from './analysis-views';

/**
 * The worker's answer to a question about the analysis, asked again when the question or the analysis
 * changes. Until the new answer comes the last one stays (`current` false), so that a view does not blink.
 */
export function useAnswer<Q extends AnalysisQuery>(
  analysis: PlanAnalysis,
  query: Q | null,
): { answer: QueryAnswers[Q['kind']] | null; current: boolean; failed: string | null } {
  const key = query ? JSON.stringify(query) : null;
  const [state, setState] = useState<{ key: string | null; analysis: PlanAnalysis; answer: QueryAnswers[Q['kind']] | null; failed: string | null }>({
    key: null,
    analysis,
    answer: null,
    failed: null,
  });
  useEffect(() => {
    if (!query || key === null) return;
    let cancelled = false;
    analysis.ask(query).then(
      // Null: a newer analysis came, and the view asks it again.
      (answer) => !cancelled && answer !== null && setState({ key, analysis, answer, failed: null }),
      (err: unknown) => !cancelled && setState((s) => ({ ...s, key, analysis, failed: (err as Error).message })),
    );
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key stands for the query
  }, [analysis, key]);
  return { answer: state.answer, current: state.key === key && state.analysis === analysis, failed: state.failed };
}
