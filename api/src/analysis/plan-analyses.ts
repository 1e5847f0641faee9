import { Injectable } from '@nestjs/common';
import { StageSummary } from '@tillit/contract';
import { analysePlan, CompetenceGap, Finding, Plan, StageMetrics } from '@tillit/domain';
import { AppError } from '../common/app-error';
import { today } from '../common/today';
import { PlansRepository } from '../plans/plans.repository';
import { TransferService } from '../transfer/transfer.service';

/** What the analysis routes serve of one plan's analysis (the states and diffs are not kept). */
export interface ServedAnalysis {
  stages: StageSummary[];
  /** In the engine's order (compareFindings). */
  findings: Finding[];
  /** Every state's gaps, by state, actor and competence. */
  gaps: CompetenceGap[];
  metrics: StageMetrics[];
  /** notApplicable[k]: changes of stage k that no longer apply (0 for the baseline). */
  notApplicable: number[];
}

/** Plans whose analysis is kept: paging through a large plan's findings must not analyse it again per page. */
const KEPT = 4;

/**
 * The analyses of stored plans, kept per plan and revision. Every write to a plan's content claims the
 * plan row and takes the next entity version (PlanStore), and every write of the plan row itself bumps
 * its version (and its update time), so these name what the plan holds.
 */
@Injectable()
export class PlanAnalyses {
  private readonly kept = new Map<string, { revision: string; analysis: Promise<ServedAnalysis> }>();

  constructor(
    private readonly plans: PlansRepository,
    private readonly transfer: TransferService,
  ) {}

  async of(organisationId: string, planId: string): Promise<ServedAnalysis> {
    // The revision is read before the content, so what is kept under it is never older than it.
    const row = await this.plans.find(organisationId, planId);
    if (!row) throw AppError.notFound('Plan');
    // The analysis depends on the date too (dates after today are plans, not facts): a new day, a new analysis.
    const date = today();
    const revision = `${row.version}.${row.entityVersion}.${row.updatedAt.getTime()}.${date}`;
    const kept = this.kept.get(planId);
    if (kept?.revision === revision) {
      // Most recently used last, so the oldest is the first one out.
      this.kept.delete(planId);
      this.kept.set(planId, kept);
      return kept.analysis;
    }
    const analysis = this.analyse(organisationId, planId, date);
    this.kept.delete(planId);
    this.kept.set(planId, { revision, analysis });
    while (this.kept.size > KEPT) this.kept.delete(this.kept.keys().next().value as string);
    analysis.catch(() => this.kept.get(planId)?.analysis === analysis && this.kept.delete(planId));
    return analysis;
  }

  private async analyse(organisationId: string, planId: string, date: string): Promise<ServedAnalysis> {
    return serveAnalysis(await this.transfer.loadPlan(organisationId, planId), date);
  }
}

/**
 * What is served (and frozen in a revision) of a plan's analysis: summary, findings, gaps and metrics, not
 * the states. `date`: the day the plan's dates are judged against (YYYY-MM-DD), the server's today by default.
 */
export function serveAnalysis(plan: Plan, date: string = today()): ServedAnalysis {
  const analysis = analysePlan(plan, { today: date });
  const byActorAndCompetence = (a: CompetenceGap, b: CompetenceGap) =>
    a.actorId < b.actorId ? -1 : a.actorId > b.actorId ? 1 : a.competenceId < b.competenceId ? -1 : a.competenceId > b.competenceId ? 1 : 0;
  return {
    stages: plan.stages.map((s, i) => ({ index: i + 1, id: s.id, name: s.name })),
    findings: analysis.findings,
    gaps: analysis.gaps.flatMap((state) => [...state].sort(byActorAndCompetence)),
    metrics: analysis.metrics,
    notApplicable: [0, ...analysis.outcomes.map((stage) => stage.filter((o) => !o.applied).length)],
  };
}
