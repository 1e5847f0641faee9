import { Injectable } from '@nestjs/common';
import { FieldError, AnalysisResponse, DiffResponse, StateResponse } from '@tillit/contract';
import { analysePlan, diffStates, effectiveDeciders, foldPlan, hierarchyOf } from '@tillit/domain';
import { AppError } from '../common/app-error';
import { TransferService } from '../transfer/transfer.service';

/** The domain engine's analysis of stored plans. */
@Injectable()
export class AnalysisService {
  constructor(private readonly transfer: TransferService) {}

  /** The whole plan's analysis, or one state's (`stage`: 0 = baseline; plan-wide findings come with every state). */
  async analyse(organisationId: string, planId: string, stage?: number): Promise<AnalysisResponse> {
    const plan = await this.transfer.loadPlan(organisationId, planId);
    if (stage !== undefined && stage > plan.stages.length) {
      throw AppError.validation([{ field: 'stage', code: 'out_of_range', params: { minimum: 0, maximum: plan.stages.length }, reason: `must be between 0 and ${plan.stages.length} (the plan's stages)` }]);
    }
    const analysis = analysePlan(plan);
    const only = <T>(items: T[], index: (item: T) => number | null) => (stage === undefined ? items : items.filter((i) => index(i) === stage || index(i) === null));
    return {
      planId,
      stages: plan.stages.map((s, i) => ({ index: i + 1, id: s.id, name: s.name })),
      findings: only(analysis.findings, (f) => f.stageIndex),
      metrics: only(analysis.metrics, (m) => m.stageIndex),
      gaps: stage === undefined ? analysis.gaps : analysis.gaps.map((g, k) => (k === stage ? g : [])),
      notApplicable: only(analysis.outcomes.flat().filter((o) => !o.applied), (o) => o.stageIndex),
    };
  }

  async state(organisationId: string, planId: string, index: number): Promise<StateResponse> {
    const plan = await this.transfer.loadPlan(organisationId, planId);
    if (index > plan.stages.length) {
      throw AppError.validation([{ field: 'index', code: 'out_of_range', params: { minimum: 0, maximum: plan.stages.length }, reason: `must be between 0 and ${plan.stages.length} (the plan's stages)` }]);
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
    const outOfRange = (field: string): FieldError => ({ field, code: 'out_of_range', params: { minimum: 0, maximum: last }, reason: `must be between 0 and ${last}` });
    const problems = [...(from > last ? [outOfRange('from')] : []), ...(to > last ? [outOfRange('to')] : [])];
    if (problems.length) throw AppError.validation(problems);
    const { states } = foldPlan(plan);
    return { planId, ...diffStates(states[from], states[to]) };
  }
}
