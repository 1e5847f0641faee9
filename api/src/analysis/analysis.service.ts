import { Injectable } from '@nestjs/common';
import { AnalysisResponse, AnalysisSummary, DiffResponse, FieldError, GapsResponse, SeverityCounts, StateResponse } from '@tillit/contract';
import { CompetenceGap, diffStates, effectiveDeciders, Finding, foldPlan, hierarchyOf, RuleId, Severity, SEVERITY_ORDER } from '@tillit/domain';
import { AppError } from '../common/app-error';
import { TransferService } from '../transfer/transfer.service';
import { pageOf, pagingOf, RULE_IDS, SEVERITIES, SortKey } from './analysis-page';
import { AnalysisQueryDto, GapsQueryDto } from './dto/analysis-query.dto';
import { PlanAnalyses } from './plan-analyses';

const FINDING_KEY: Array<'number' | 'string'> = ['number', 'number', 'string', 'string'];
const GAP_KEY: Array<'number' | 'string'> = ['number', 'string', 'string'];
/** The engine's order of findings (compareFindings) as a key. */
const findingKey = (f: Finding): SortKey => [f.stageIndex ?? -1, SEVERITY_ORDER[f.severity], f.rule, f.key];
const gapKey = (g: CompetenceGap): SortKey => [g.stageIndex, g.actorId, g.competenceId];

const noSeverities = (): SeverityCounts => ({ blocker: 0, warning: 0, info: 0 });

function outOfStages(field: string, last: number): FieldError {
  return { field, code: 'out_of_range', params: { minimum: 0, maximum: last }, reason: `must be between 0 and ${last} (the plan's stages)` };
}

function oneOf(field: string, allowed: readonly string[]): FieldError {
  return { field, code: 'invalid_value', params: { allowed }, reason: `must be one of ${allowed.join(', ')}` };
}

/** The counts of the findings, split by severity, rule and state; `states`: the state indexes to list. */
export function summarise(findings: Finding[], states: number[], gaps: CompetenceGap[], notApplicable: number): AnalysisSummary {
  const bySeverity = noSeverities();
  const rules = new Map<RuleId, number>();
  const byStage = new Map<number | null, { stageIndex: number | null; total: number; bySeverity: SeverityCounts }>();
  for (const index of [null, ...states]) byStage.set(index, { stageIndex: index, total: 0, bySeverity: noSeverities() });
  for (const f of findings) {
    bySeverity[f.severity]++;
    rules.set(f.rule, (rules.get(f.rule) ?? 0) + 1);
    const stage = byStage.get(f.stageIndex);
    if (stage) {
      stage.total++;
      stage.bySeverity[f.severity]++;
    }
  }
  const gapCounts = new Map(states.map((k) => [k, { stageIndex: k, open: 0, closed: 0 }]));
  for (const g of gaps) {
    const counts = gapCounts.get(g.stageIndex);
    if (counts) counts[g.status]++;
  }
  const byRule: Partial<Record<RuleId, number>> = {};
  for (const rule of RULE_IDS) if (rules.has(rule)) byRule[rule] = rules.get(rule);
  return { findings: findings.length, bySeverity, byRule, byStage: [...byStage.values()], gaps: [...gapCounts.values()], notApplicable };
}

/** The domain engine's analysis of stored plans. */
@Injectable()
export class AnalysisService {
  constructor(
    private readonly transfer: TransferService,
    private readonly analyses: PlanAnalyses,
  ) {}

  /**
   * The summary, metrics and a page of findings of the whole plan, or of one state (`stage`: 0 = baseline;
   * plan-wide findings come with every state); `rule`, `severity` and `subject` narrow the page.
   */
  async analyse(organisationId: string, planId: string, query: AnalysisQueryDto): Promise<AnalysisResponse> {
    const served = await this.analyses.of(organisationId, planId);
    const last = served.stages.length;
    const { stage, rule, severity, subject } = query;
    const paging = pagingOf(query, 'findings', FINDING_KEY);
    const errors = [
      ...(stage !== undefined && stage > last ? [outOfStages('stage', last)] : []),
      ...(rule !== undefined && !(RULE_IDS as string[]).includes(rule) ? [oneOf('rule', RULE_IDS)] : []),
      ...(severity !== undefined && !(SEVERITIES as string[]).includes(severity) ? [oneOf('severity', SEVERITIES)] : []),
      ...paging.errors,
    ];
    if (errors.length) throw AppError.validation(errors);
    const inStage = stage === undefined ? served.findings : served.findings.filter((f) => f.stageIndex === stage || f.stageIndex === null);
    const states = stage === undefined ? served.metrics.map((m) => m.stageIndex) : [stage];
    const gaps = stage === undefined ? served.gaps : served.gaps.filter((g) => g.stageIndex === stage);
    const notApplicable = stage === undefined ? served.notApplicable.reduce((n, k) => n + k, 0) : served.notApplicable[stage];
    const matching =
      rule === undefined && severity === undefined && subject === undefined
        ? inStage
        : inStage.filter(
            (f) =>
              (rule === undefined || f.rule === rule) &&
              (severity === undefined || f.severity === (severity as Severity)) &&
              (subject === undefined || f.subjects.some((s) => s.id === subject)),
          );
    return {
      planId,
      stages: served.stages,
      summary: summarise(inStage, states, gaps, notApplicable),
      metrics: stage === undefined ? served.metrics : served.metrics.filter((m) => m.stageIndex === stage),
      findings: pageOf(matching, findingKey, 'findings', paging.after, paging.limit),
    };
  }

  /** A page of the competence gaps of every state, or of one. */
  async gaps(organisationId: string, planId: string, query: GapsQueryDto): Promise<GapsResponse> {
    const served = await this.analyses.of(organisationId, planId);
    const last = served.stages.length;
    const paging = pagingOf(query, 'gaps', GAP_KEY);
    const errors = [...(query.stage !== undefined && query.stage > last ? [outOfStages('stage', last)] : []), ...paging.errors];
    if (errors.length) throw AppError.validation(errors);
    const gaps = query.stage === undefined ? served.gaps : served.gaps.filter((g) => g.stageIndex === query.stage);
    return { planId, gaps: pageOf(gaps, gapKey, 'gaps', paging.after, paging.limit) };
  }

  async state(organisationId: string, planId: string, index: number): Promise<StateResponse> {
    const plan = await this.transfer.loadPlan(organisationId, planId);
    if (index > plan.stages.length) throw AppError.validation([outOfStages('index', plan.stages.length)]);
    const state = foldPlan({ ...plan, stages: plan.stages.slice(0, index) }).states[index];
    const hierarchy = hierarchyOf(state);
    return {
      planId,
      index,
      stageId: state.stageId,
      actors: [...state.actors.values()].map((a) => ({
        id: a.id,
        name: a.name,
        kind: a.kind,
        reportsTo: a.reportsTo ?? null,
        retired: a.retired,
        level: hierarchy.level(a.id),
      })),
      decisionAreas: [...state.areas.values()].map((a) => ({
        id: a.id,
        code: a.code,
        title: a.title,
        section: a.section,
        kind: a.kind,
        retired: a.retired,
      })),
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
    const outOfRange = (field: string): FieldError => ({
      field,
      code: 'out_of_range',
      params: { minimum: 0, maximum: last },
      reason: `must be between 0 and ${last}`,
    });
    const problems = [...(from > last ? [outOfRange('from')] : []), ...(to > last ? [outOfRange('to')] : [])];
    if (problems.length) throw AppError.validation(problems);
    const { states } = foldPlan(plan);
    return { planId, ...diffStates(states[from], states[to]) };
  }
}
