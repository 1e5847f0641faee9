import { compareText } from '../engine/compare';
import { areaLabel, listOf, StageContext, stageRef } from './context';
import { finding, Finding, RuleId, Severity, Subject, Text } from './finding';
import { compareCodes, Lang } from './text';

/** The decision areas of one finding, named and counted, as a message needs them. */
export interface Areas {
  list(lang: Lang): string;
  count: number;
}

/**
 * One cause found in one decision area: its rule, what makes it one cause (the actors and a variant), and
 * how to put it in words for any number of areas. Causes that agree on all but the area are one finding.
 */
export interface AreaCause {
  rule: RuleId;
  severity: Severity;
  areaId: string;
  /** Subjects besides the decision areas, e.g. the actor that decides. */
  subjects: Subject[];
  /** What else the words depend on (a legal basis, which of a rule's messages), so that it is part of the cause. */
  variant: string;
  /**
   * Within one cause, what the area is to it (a retired actor decides one area, is the substitute for
   * another): one finding still, its areas listed per part. Absent: one part.
   */
  part?: string;
  /** `parts`: the areas of each part, in the order of the parts' first areas (`areas`: all of them). */
  render(areas: Areas, parts: ReadonlyArray<{ part: string; areas: Areas }>): { message: Text; fix: Text };
}

const subjectKey = (subjects: Subject[]) => subjects.map((s) => `${s.type}:${s.id}`).join(',');

function areasOf(ctx: StageContext, ids: string[]): Areas {
  const labels = ids.slice(0, 5).map((id) => areaLabel(ctx, id));
  return { list: (lang) => listOf(labels, lang, 5, ids.length), count: ids.length };
}

/** The areas of each part of one cause, in the order of the (ordered) areas. */
function partsOf(ctx: StageContext, list: AreaCause[], ordered: string[], all: Areas): Array<{ part: string; areas: Areas }> {
  if (list.every((c) => c.part === list[0].part)) return [{ part: list[0].part ?? '', areas: all }];
  const partOf = new Map<string, string[]>();
  for (const c of list) {
    const ids = partOf.get(c.part ?? '');
    if (ids) ids.push(c.areaId);
    else partOf.set(c.part ?? '', [c.areaId]);
  }
  const rank = new Map(ordered.map((id, i) => [id, i]));
  return [...partOf]
    .map(([part, ids]) => ({ part, ids: ids.sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0)) }))
    .sort((a, b) => (rank.get(a.ids[0]) ?? 0) - (rank.get(b.ids[0]) ?? 0))
    .map(({ part, ids }) => ({ part, areas: areasOf(ctx, ids) }));
}

function codeOf(ctx: StageContext, id: string): string {
  return (ctx.state.areas.get(id) ?? ctx.previous?.areas.get(id))?.code ?? id;
}

/**
 * One finding per cause (issue 10 item 9): causes of one rule with the same subjects and variant become
 * one finding that lists its decision areas, in ordinance order. `grouped` false keeps one per area (the
 * property test compares the two).
 */
export function findingsOfCauses(ctx: StageContext, causes: AreaCause[], grouped = true): Finding[] {
  const groups = new Map<string, AreaCause[]>();
  for (const c of causes) {
    const key = `${c.rule}|${subjectKey(c.subjects)}|${c.variant}${grouped ? '' : `|${c.areaId}`}`;
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  }
  const ref = stageRef(ctx);
  const findings: Finding[] = [];
  for (const [key, list] of groups) {
    const areaIds = list.map((c) => c.areaId);
    if (areaIds.length > 1) areaIds.sort((a, b) => compareCodes(codeOf(ctx, a), codeOf(ctx, b)) || compareText(a, b));
    const first = list[0];
    const all = areasOf(ctx, areaIds);
    const { message, fix } = first.render(all, partsOf(ctx, list, areaIds, all));
    const subjects: Subject[] = [...first.subjects, ...areaIds.map((id) => ({ type: 'decisionArea' as const, id }))];
    findings.push(finding(first.rule, first.severity, ref, subjects, message, fix, grouped ? key : undefined));
  }
  return findings;
}
