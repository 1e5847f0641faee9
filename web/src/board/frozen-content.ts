import { CompetenceGap, Finding, PlanInput, StageMetrics } from '@tillit/domain';

/**
 * A revision's frozen content (GET …/revisions/:n/content): what was submitted, the plan in the plan
 * format, and the analysis the API served for it then. The board reads the revision from this alone.
 */
export interface FrozenContent {
  revision: {
    number: number;
    planVersion: number;
    summary: string;
    proposals: string[];
    diarienummer: string | null;
    justifications: Array<{ finding: string; text: string }>;
    submittedAt: string;
  };
  plan: PlanInput;
  analysis: {
    findings: Finding[];
    gaps: CompetenceGap[];
    metrics: StageMetrics[];
  };
}
