import type { ChangeOutcome, CompetenceGap, Finding, StageMetrics, StateDiff } from '@tillit/domain';

export interface StageSummary {
  index: number;
  id: string;
  name: string;
}

/** GET /api/plans/:id/analysis */
export interface AnalysisResponse {
  planId: string;
  stages: StageSummary[];
  findings: Finding[];
  metrics: StageMetrics[];
  /** gaps[k]: the competence gaps of state k (0 = baseline). */
  gaps: CompetenceGap[][];
  /** Changes that no longer apply to the state they meet (also reported as findings). */
  notApplicable: ChangeOutcome[];
}

/** GET /api/plans/:id/states/:k — the state after stage k as lists. */
export interface StateResponse {
  planId: string;
  index: number;
  stageId: string | null;
  actors: Array<{ id: string; name: string; kind: string; reportsTo: string | null; retired: boolean; level: number }>;
  decisionAreas: Array<{ id: string; code: string; title: string; section: string; kind: string; retired: boolean }>;
  rights: Array<{ decisionAreaId: string; deciderId: string; delegatorId: string | null; level: number; effectiveDeciders: string[] }>;
}

/** GET /api/plans/:id/diff?from=&to= */
export type DiffResponse = StateDiff & { planId: string };
