import type { CompetenceGap, Finding, RuleId, Severity, StageMetrics, StateDiff } from '@tillit/domain';

export interface StageSummary {
  index: number;
  id: string;
  name: string;
}

/** Findings a page holds when `limit` is not given, the most it may ask for, and the bytes a page stops at. */
export const ANALYSIS_PAGE_LIMIT = { default: 200, maximum: 1000, bytes: 1_000_000 } as const;

export type SeverityCounts = Record<Severity, number>;

/** Findings of one state (`stageIndex` k; 0 = baseline), or of the plan as a whole (`stageIndex` null). */
export interface StageFindingCounts {
  stageIndex: number | null;
  total: number;
  bySeverity: SeverityCounts;
}

/** The counts of an analysis: they add up to `findings` whichever way they are split. */
export interface AnalysisSummary {
  findings: number;
  bySeverity: SeverityCounts;
  /** Rules that occur, in the engine's rule order. */
  byRule: Partial<Record<RuleId, number>>;
  /** The plan-wide findings first (`stageIndex` null), then every state in order. */
  byStage: StageFindingCounts[];
  /** Competence gaps of every state; the gaps themselves are at GET /analysis/gaps. */
  gaps: Array<{ stageIndex: number; open: number; closed: number }>;
  /** Changes that no longer apply to the state they meet (each is also a finding). */
  notApplicable: number;
}

/** One page of a list in a stable order; `nextCursor` asks for the next page and is null after the last. */
export interface Page<T> {
  items: T[];
  /** How many items match the filters, on all pages. */
  matched: number;
  nextCursor: string | null;
}

/**
 * GET /api/plans/:id/analysis?stage=&rule=&severity=&subject=&cursor=&limit= — `stage` narrows the
 * summary, metrics and findings to one state (plan-wide findings come with every state); the other
 * filters narrow the findings page only.
 */
export interface AnalysisResponse {
  planId: string;
  stages: StageSummary[];
  summary: AnalysisSummary;
  metrics: StageMetrics[];
  findings: Page<Finding>;
}

/** GET /api/plans/:id/analysis/gaps?stage=&cursor=&limit= — competence gaps by state, actor and competence. */
export interface GapsResponse {
  planId: string;
  gaps: Page<CompetenceGap>;
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
