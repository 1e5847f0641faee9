import { Injectable } from '@nestjs/common';
import { AnalysisResponse, DiffResponse, StateResponse } from '@tillit/contract';
import { analysePlan, diffStates, effectiveDeciders, foldPlan, hierarchyOf } from '@tillit/domain';
import { AppError } from '../common/app-error';
import { TransferService } from '../transfer/transfer.service';

/** The domain engine's analysis of stored plans. */
@Injectable()
export class AnalysisService {
  constructor(private readonly transfer: TransferService) {}

  async analyse(organisationId: string, planId: string): Promise<AnalysisResponse> {
    const plan = await this.transfer.loadPlan(organisationId, planId);
    const analysis = analysePlan(plan);
    return {
      planId,
      stages: plan.stages.map((s, i) => ({ index: i + 1, id: s.id, name: s.name })),
      findings: analysis.findings,
      metrics: analysis.metrics,
      gaps: analysis.gaps,
      notApplicable: analysis.outcomes.flat().filter((o) => !o.applied),
    };
  }

  async state(organisationId: string, planId: string, index: number): Promise<StateResponse> {
    const plan = await this.transfer.loadPlan(organisationId, planId);
    if (index > plan.stages.length) {
      throw AppError.validation([{ field: 'index', reason: `must be between 0 and ${plan.stages.length} (the plan's stages)` }]);
    }
    const state = foldPlan({ ...plan, stages: plan.stages.slice(0, index) }).states[index];
    const hierarchy = hierarchyOf(state);
    return {
      planId,
      index,
      stageId: state.stageId,
      actors: [...state.actors.values()].map((a) => ({ id: a.id, name: a.name, kind: a.kind, reportsTo: a.reportsTo ?? null, retired: a.retired, level: hierarchy.level(a.id) })),
      decisionAreas: [...state.areas.values()].map((a) => ({ id: a.id, code: a.code, title: a.title, section: a.section, kind: a.kind, retired: a.retired })),
      rights: [...state.rights.values()].map((r) => ({
        decisionAreaId: r.decisionAreaId,
        deciderId: r.deciderId,
        delegatorId: r.delegatorId ?? null,
        level: r.level,
        effectiveDeciders: effectiveDeciders(r),
      })),
    };
  }

  async diff(organisationId: string, planId: string, from: number, to: number): Promise<DiffResponse> {
    const plan = await this.transfer.loadPlan(organisationId, planId);
    const last = plan.stages.length;
    const problems = [
      ...(from > last ? [{ field: 'from', reason: `must be between 0 and ${last}` }] : []),
      ...(to > last ? [{ field: 'to', reason: `must be between 0 and ${last}` }] : []),
    ];
    if (problems.length) throw AppError.validation(problems);
    const { states } = foldPlan(plan);
    return { planId, ...diffStates(states[from], states[to]) };
  }
}
