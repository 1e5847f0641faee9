import { ActorState, Analysis, AreaState, CompetenceHeatMap, Finding, Plan, Severity, StageMetrics, Subject } from '@tillit/domain';
import { ActorHistoryRow, actorHistory, AreaHistoryRow, areaHistory } from '../map/history';
import { delegationMap, DelegationMap, MapFilter } from '../map/map-model';
import { RolloutMatrix, rolloutMatrix } from '../matrix/rollout-matrix';
import { LiveCheck } from './live-check';
import {
  ActionEdits,
  developmentPlanPage,
  DevelopmentPlanPage,
  GapFilter,
  GapPage,
  gapPage,
  heatMap,
  ShownWhatIf,
  shownWhatIf,
} from '../competence/competence-answers';

// What the page shows of an analysis, computed where the analysis is (the worker): each answer is small
// enough to reach the page without blocking it, however large the plan.

const SEVERITIES: Severity[] = ['blocker', 'warning', 'info'];
const collator = new Intl.Collator('sv');
const numericCollator = new Intl.Collator('sv', { numeric: true });

export interface AnalysisSummary {
  /** One per state: 0 is the baseline, k the state after stage k. */
  metrics: StageMetrics[];
  /** Per stage (index k − 1): how many decisions it moves. */
  moved: number[];
  severities: Record<Severity, number>;
  /** Findings of the plan as a whole (null) and of each state, by severity. */
  groups: Array<{ stageIndex: number | null; total: number; severities: Record<Severity, number> }>;
  /** Every actor the plan ever has, by name: the last state keeps retired ones. */
  actors: Array<readonly [string, string]>;
}

/** A finding with the names of what it concerns (null: named by the page, or unknown). */
export interface ShownFinding {
  finding: Finding;
  names: Array<string | null>;
}

export interface FindingsPage {
  stageIndex: number | null;
  total: number;
  offset: number;
  items: ShownFinding[];
}

export interface StageOptions {
  /** Actors and decision areas in force when the stage starts, by name and by code. */
  actors: Array<readonly [string, string]>;
  areas: Array<readonly [string, string]>;
  /** Names of every actor and labels of every area the plan ever has (actors as the stage starts, where in force then). */
  actorNames: Record<string, string>;
  areaLabels: Record<string, string>;
}

export type HistoryView =
  | { type: 'actor'; name: string; actor: ActorState | null; parentName: string | null; rows: ActorHistoryRow[] }
  | { type: 'area'; name: string; area: AreaState | null; rows: AreaHistoryRow[] };

/** A live check as the page shows it: the first findings of each list, and how many there are. */
export interface ShownCheck {
  added: Finding[];
  resolved: Finding[];
  addedCount: number;
  resolvedCount: number;
}

const noSeverities = (): Record<Severity, number> => ({ blocker: 0, warning: 0, info: 0 });

export function analysisSummary(analysis: Analysis): AnalysisSummary {
  const severities = noSeverities();
  const groups = [null, ...analysis.states.map((s) => s.index)].map((stageIndex) => ({ stageIndex, total: 0, severities: noSeverities() }));
  for (const f of analysis.findings) {
    severities[f.severity]++;
    const group = groups[f.stageIndex === null ? 0 : f.stageIndex + 1];
    if (!group) continue;
    group.total++;
    group.severities[f.severity]++;
  }
  const last = analysis.states[analysis.states.length - 1];
  return {
    metrics: analysis.metrics,
    moved: analysis.diffs.map((d) => d.rights.filter((r) => r.kinds.includes('moved')).length),
    severities,
    groups,
    actors: last ? [...last.actors.values()].map((a) => [a.id, a.name] as const).sort((a, b) => collator.compare(a[1], b[1])) : [],
  };
}

/** The name of a subject as the finding's stage knows it (or the plan's end); null where the page names it. */
export function subjectName(plan: Plan, analysis: Analysis, finding: Finding, subject: Subject): string | null {
  const last = analysis.states[analysis.states.length - 1];
  const state = analysis.states[finding.stageIndex ?? analysis.states.length - 1] ?? last;
  switch (subject.type) {
    case 'actor':
      return (state.actors.get(subject.id) ?? last.actors.get(subject.id))?.name ?? null;
    case 'decisionArea': {
      const area = state.areas.get(subject.id) ?? last.areas.get(subject.id);
      return area ? `${area.code} ${area.title}` : null;
    }
    case 'competence':
      return plan.competences.find((c) => c.id === subject.id)?.name ?? null;
    case 'stage':
      return plan.stages.find((s) => s.id === subject.id)?.name ?? null;
    case 'change':
    case 'consequence':
    case 'plan':
      return null;
  }
}

/** Subjects named per finding beyond this are only counted by the page (it names eight). */
const NAMED_SUBJECTS = 8;

/** The findings of one state (or of the plan as a whole), most severe first, a page at a time. */
export function findingsPage(plan: Plan, analysis: Analysis, stageIndex: number | null, offset: number, limit: number): FindingsPage {
  const all = analysis.findings.filter((f) => f.stageIndex === stageIndex);
  const sorted = SEVERITIES.flatMap((s) => all.filter((f) => f.severity === s));
  const items = sorted.slice(offset, offset + limit).map((finding) => ({
    finding,
    names: finding.subjects.slice(0, NAMED_SUBJECTS).map((s) => subjectName(plan, analysis, finding, s)),
  }));
  return { stageIndex, total: sorted.length, offset, items };
}

/**
 * The plan's open blockers, one per key (the API asks a justification per key: it covers the problem at
 * every stage), each where it first holds, in the engine's order.
 */
export function openBlockers(plan: Plan, analysis: Analysis): ShownFinding[] {
  const seen = new Set<string>();
  const out: ShownFinding[] = [];
  for (const finding of analysis.findings) {
    if (finding.severity !== 'blocker' || seen.has(finding.key)) continue;
    seen.add(finding.key);
    out.push({ finding, names: finding.subjects.slice(0, NAMED_SUBJECTS).map((s) => subjectName(plan, analysis, finding, s)) });
  }
  return out;
}

export function stageOptions(analysis: Analysis, stageIndex: number): StageOptions {
  const before = analysis.states[Math.max(0, Math.min(stageIndex - 1, analysis.states.length - 1))];
  const actors = [...before.actors.values()].filter((a) => !a.retired).sort((a, b) => collator.compare(a.name, b.name));
  const areas = [...before.areas.values()].filter((a) => !a.retired).sort((a, b) => numericCollator.compare(a.code, b.code));
  const actorNames: Record<string, string> = {};
  const areaLabels: Record<string, string> = {};
  // The latest of each; an actor the stage can name goes by its name when the stage starts.
  for (const s of analysis.states) for (const a of s.areas.values()) areaLabels[a.id] = `${a.code} ${a.title}`;
  for (const s of [...analysis.states, before]) for (const a of s.actors.values()) actorNames[a.id] = a.name;
  return {
    actors: actors.map((a) => [a.id, a.name] as const),
    areas: areas.map((a) => [a.id, `${a.code} ${a.title}`] as const),
    actorNames,
    areaLabels,
  };
}

export function historyView(analysis: Analysis, subject: { type: 'actor' | 'area'; id: string }): HistoryView {
  const last = analysis.states[analysis.states.length - 1];
  const first = analysis.states[0];
  if (subject.type === 'actor') {
    const actor = last.actors.get(subject.id) ?? first.actors.get(subject.id) ?? null;
    const parentName = actor?.reportsTo ? (last.actors.get(actor.reportsTo)?.name ?? actor.reportsTo) : null;
    return { type: 'actor', name: actor?.name ?? subject.id, actor, parentName, rows: actorHistory(analysis, subject.id) };
  }
  const area = last.areas.get(subject.id) ?? first.areas.get(subject.id) ?? null;
  return { type: 'area', name: area ? `${area.code} ${area.title}` : subject.id, area, rows: areaHistory(analysis, subject.id) };
}

/** Findings a live check lists beyond this are only counted. */
export const CHECK_SHOWN = 50;

export function shownCheck(check: LiveCheck): ShownCheck {
  return {
    added: check.added.slice(0, CHECK_SHOWN),
    resolved: check.resolved.slice(0, CHECK_SHOWN),
    addedCount: check.added.length,
    resolvedCount: check.resolved.length,
  };
}

/** What the page may ask of the analysis the worker holds, and what each question answers. */
export type AnalysisQuery =
  | { kind: 'findings'; stageIndex: number | null; offset: number; limit: number }
  | { kind: 'map'; from: number; to: number; filter: MapFilter }
  | { kind: 'history'; subject: { type: 'actor' | 'area'; id: string } }
  | { kind: 'matrix' }
  | { kind: 'stageOptions'; stageIndex: number }
  | { kind: 'blockers' }
  | { kind: 'heatMap'; stageIndex: number; compareIndex: number | null }
  | { kind: 'gaps'; stageIndex: number; filter: GapFilter; offset: number; limit: number }
  | { kind: 'developmentPlan'; onlyLate: boolean; offset: number; limit: number }
  | { kind: 'whatIf'; stageIndex: number; edits: ActionEdits };

export interface QueryAnswers {
  findings: FindingsPage;
  map: DelegationMap;
  history: HistoryView;
  matrix: RolloutMatrix;
  stageOptions: StageOptions;
  blockers: ShownFinding[];
  heatMap: CompetenceHeatMap;
  gaps: GapPage;
  developmentPlan: DevelopmentPlanPage;
  whatIf: ShownWhatIf;
}

export type QueryAnswer = QueryAnswers[AnalysisQuery['kind']];

export function answerQuery(plan: Plan, analysis: Analysis, query: AnalysisQuery): QueryAnswer {
  switch (query.kind) {
    case 'findings':
      return findingsPage(plan, analysis, query.stageIndex, query.offset, query.limit);
    case 'map':
      return delegationMap(analysis, query.from, query.to, query.filter);
    case 'history':
      return historyView(analysis, query.subject);
    case 'matrix':
      return rolloutMatrix(plan, analysis);
    case 'stageOptions':
      return stageOptions(analysis, query.stageIndex);
    case 'blockers':
      return openBlockers(plan, analysis);
    case 'heatMap':
      return heatMap(plan, analysis, query.stageIndex, query.compareIndex);
    case 'gaps':
      return gapPage(plan, analysis, query.stageIndex, query.filter, query.offset, query.limit);
    case 'developmentPlan':
      return developmentPlanPage(plan, analysis, query.onlyLate, query.offset, query.limit);
    case 'whatIf':
      return shownWhatIf(plan, analysis, query.edits, query.stageIndex);
  }
}
