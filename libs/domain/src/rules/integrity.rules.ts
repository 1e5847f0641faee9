import { Hierarchy } from '../engine/hierarchy';
import { forEachArea } from '../engine/indexed-map';
import { BaselineIssue, NotApplicableReason } from '../engine/state';
import { Change, DecisionRight } from '../model/types';
import { AreaCause } from './causes';
import { actorNameAnywhere, areaLabelAnywhere, describeChange } from './describe-change';
import { StageContext, actorName, areaLabel, areaList, listOf, stageName, stageRef } from './context';
import { finding, Finding, Text } from './finding';
import { counted, plural } from './text';

const REASONS: Record<NotApplicableReason, (subject: string) => Text> = {
  area_missing: (s) => ({ sv: `beslutsområdet ${s} finns inte (ännu) här`, en: `decision area ${s} does not exist (yet) at this point` }),
  area_retired: (s) => ({ sv: `beslutsområdet ${s} har redan avvecklats`, en: `decision area ${s} was already retired` }),
  actor_missing: (s) => ({ sv: `aktören ${s} finns inte (ännu) här`, en: `actor ${s} does not exist (yet) at this point` }),
  actor_retired: (s) => ({ sv: `aktören ${s} har redan avvecklats`, en: `actor ${s} was already retired` }),
  no_decider: (s) => ({ sv: `${s} har ingen beslutsfattare att ändra`, en: `${s} has no decider to change` }),
  duplicate_id: (s) => ({ sv: `${s} finns redan`, en: `${s} already exists` }),
  hierarchy_cycle: (s) => ({ sv: `flytten skulle göra ${s} till sin egen chef`, en: `the move would make ${s} report to itself` }),
};

/** Reasons about a decision area; the others are about an actor. */
const AREA_REASONS: ReadonlySet<NotApplicableReason> = new Set(['area_missing', 'area_retired', 'no_decider']);

/** Whether a right is delegated from above (a delegator that is not an ancestor of its decider is not). */
export function goesDown(hierarchy: Hierarchy, right: DecisionRight): boolean {
  return !!right.delegatorId && hierarchy.isAbove(right.delegatorId, right.deciderId);
}

/** Strongly connected groups of the delegator → decider graph that form a cycle. */
function delegationCycles(edges: Array<{ from: string; to: string }>): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    const list = next.get(e.from);
    if (list) list.push(e.to);
    else next.set(e.from, [e.to]);
  }
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
      }
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || (next.get(v) ?? []).includes(v)) cycles.push(group.sort());
    }
  };
  for (const v of [...next.keys()].sort()) if (!index.has(v)) visit(v);
  return cycles;
}

/** What a retired actor still is to a decision area. */
const ROLES = {
  decides: { sv: 'beslutar om', en: 'decides' },
  delegates: { sv: 'delegerar', en: 'delegates' },
  substitute: { sv: 'är ersättare för', en: 'stands in for' },
} satisfies Record<string, Text>;

/** Rule 7, per decision area: no decider, a retired actor deciding, a decision delegated upwards or to oneself. */
export function integrityAreaCauses(ctx: StageContext, areaId: string): AreaCause[] {
  const right = ctx.state.rights.get(areaId);
  const name = (id: string) => actorName(ctx, id);
  if (!right) {
    return [
      {
        rule: 'integrity.no_decider',
        severity: 'blocker',
        areaId,
        subjects: [],
        variant: '',
        render: (areas) => ({
          message: {
            sv: `${areas.list('sv')} har ingen beslutsfattare.`,
            en: `${areas.list('en')} ${plural('en', areas.count, { one: 'has', other: 'have' })} no decider.`,
          },
          fix: {
            sv: `Tilldela ${plural('sv', areas.count, { one: 'beslutsområdet', other: 'beslutsområdena' })} en beslutsfattare eller avveckla ${plural('sv', areas.count, { one: 'det', other: 'dem' })}.`,
            en: `Assign ${plural('en', areas.count, { one: 'the decision area a decider or retire it', other: 'the decision areas a decider or retire them' })}.`,
          },
        }),
      },
    ];
  }
  const causes: AreaCause[] = [];
  // One finding per retired actor, whatever it still is to each area: it decides some, delegates or stands in for others.
  const retiredCheck = (actorId: string | null | undefined, part: keyof typeof ROLES) => {
    if (!actorId || !ctx.state.actors.get(actorId)?.retired) return;
    causes.push({
      rule: 'integrity.retired_decider',
      severity: 'blocker',
      areaId,
      subjects: [{ type: 'actor', id: actorId }],
      variant: '',
      part,
      render: (_areas, parts) => ({
        message: {
          sv: `${name(actorId)} är avvecklad men ${listOf(
            parts.map((p) => `${ROLES[p.part as keyof typeof ROLES].sv} ${p.areas.list('sv')}`),
            'sv',
          )}.`,
          en: `${name(actorId)} is retired but still ${listOf(
            parts.map((p) => `${ROLES[p.part as keyof typeof ROLES].en} ${p.areas.list('en')}`),
            'en',
          )}.`,
        },
        fix: {
          sv: 'Flytta beslutsrätten till en aktör som finns kvar, i samma etapp som avvecklingen.',
          en: 'Move the decision right to an actor that remains, in the stage that retires it.',
        },
      }),
    });
  };
  retiredCheck(right.deciderId, 'decides');
  if (right.delegatorId !== right.deciderId) retiredCheck(right.delegatorId, 'delegates');
  if (right.substituteId !== right.deciderId && right.substituteId !== right.delegatorId) retiredCheck(right.substituteId, 'substitute');
  const delegator = right.delegatorId;
  if (delegator && delegator === right.deciderId) {
    causes.push({
      rule: 'integrity.self_delegation',
      severity: 'warning',
      areaId,
      subjects: [{ type: 'actor', id: delegator }],
      variant: '',
      render: (areas) => ({
        message: {
          sv: `${name(delegator)} delegerar ${areas.list('sv')} till sig själv.`,
          en: `${name(delegator)} delegates ${areas.list('en')} to itself.`,
        },
        fix: {
          sv: 'Ange vem som delegerat beslutet (oftast nämnden), eller ta bort delegeringen om aktören har beslutet från början.',
          en: 'Name who delegated the decision (usually the committee), or remove the delegator if the actor holds the decision from the start.',
        },
      }),
    });
  }
  if (delegator && delegator !== right.deciderId && ctx.hierarchy.isAbove(right.deciderId, delegator)) {
    causes.push({
      rule: 'integrity.upward_delegation',
      severity: 'blocker',
      areaId,
      subjects: [
        { type: 'actor', id: delegator },
        { type: 'actor', id: right.deciderId },
      ],
      variant: '',
      render: (areas) => ({
        message: {
          sv: `${areas.list('sv')} delegeras uppåt: ${name(delegator)} delegerar till sin överordnade ${name(right.deciderId)}.`,
          en: `${areas.list('en')} ${plural('en', areas.count, { one: 'is', other: 'are' })} delegated upwards: ${name(delegator)} delegates to ${name(right.deciderId)} above it.`,
        },
        fix: {
          sv: 'Låt den som delegerar vara den överordnade, eller återta beslutet till den högre nivån utan delegering.',
          en: 'Let the one above be the delegator, or return the decision to the higher level without delegation.',
        },
      }),
    });
  }
  return causes;
}

/**
 * Rule 7, for the state as a whole: two deciders, cycles of delegators or of reporting lines, changes that no
 * longer apply. `baselineIssues`: the baseline's areas with two rights that no change has resolved yet.
 */
export function integrityStateFindings(ctx: StageContext, baselineIssues: BaselineIssue[], grouped = true): Finding[] {
  const at = stageName(ctx);
  const ref = stageRef(ctx);
  const findings: Finding[] = [];

  for (const issue of baselineIssues) {
    const later = ctx.state.index > 0;
    findings.push(
      finding(
        'integrity.two_deciders',
        'blocker',
        ref,
        [{ type: 'decisionArea', id: issue.decisionAreaId }, ...issue.deciderIds.map((id) => ({ type: 'actor' as const, id }))],
        {
          sv: `${areaLabel(ctx, issue.decisionAreaId)} har ${issue.deciderIds.length} beslutsfattare i nuläget (${listOf(
            issue.deciderIds.map((id) => actorName(ctx, id)),
            'sv',
          )})${later ? ', och ingen förändring har ännu avgjort vem som beslutar' : ''}.`,
          en: `${areaLabel(ctx, issue.decisionAreaId)} has ${issue.deciderIds.length} deciders in the baseline (${listOf(
            issue.deciderIds.map((id) => actorName(ctx, id)),
            'en',
          )})${later ? ', and no change has settled who decides yet' : ''}.`,
        },
        {
          sv: 'Behåll en beslutsfattare i nuläget, eller flytta beslutet till en beslutsfattare i en etapp; dela upp ärendet i två beslutsområden om båda behövs.',
          en: 'Keep one decider in the baseline, or move the decision to one decider in a stage; split the matter into two decision areas if both are needed.',
        },
      ),
    );
  }

  // Downward edges alone cannot close a cycle: every cycle has an edge that does not go down, and the
  // rest of it runs through ancestors of such an edge's delegator. So only those actors are searched.
  const candidates = new Set<string>();
  for (const right of ctx.notDownward.values()) {
    if (!right.delegatorId) continue;
    candidates.add(right.delegatorId);
    candidates.add(right.deciderId);
    for (const id of ctx.hierarchy.ancestors(right.delegatorId)) candidates.add(id);
  }
  const edges: Array<{ from: string; to: string; areaId: string }> = [];
  if (candidates.size > 0) {
    forEachArea(ctx.state.areas, ctx.state.rights, (areaId, _area, right) => {
      const from = right?.delegatorId;
      if (!right || !from || from === right.deciderId || !candidates.has(from) || !candidates.has(right.deciderId)) return;
      // An upward delegation is its own finding; through it every chain below would read as a circle.
      if (ctx.hierarchy.isAbove(right.deciderId, from)) return;
      edges.push({ from, to: right.deciderId, areaId });
    });
  }
  const cycles = candidates.size > 0 ? delegationCycles(edges) : [];
  const cycleOf = new Map<string, number>();
  cycles.forEach((cycle, i) => cycle.forEach((id) => cycleOf.set(id, i)));
  const cycleAreas: string[][] = cycles.map(() => []);
  for (const e of edges) {
    const i = cycleOf.get(e.from);
    if (i !== undefined && cycleOf.get(e.to) === i) cycleAreas[i].push(e.areaId);
  }
  cycles.forEach((cycle, i) => {
    const areaIds = cycleAreas[i].sort();
    findings.push(
      finding(
        'integrity.delegation_cycle',
        'blocker',
        ref,
        [...cycle.map((id) => ({ type: 'actor' as const, id })), ...areaIds.map((id) => ({ type: 'decisionArea' as const, id }))],
        {
          sv: `Delegeringen går i cirkel mellan ${listOf(
            cycle.map((id) => actorName(ctx, id)),
            'sv',
          )} (${areaList(ctx, areaIds, 3)('sv')}).`,
          en: `Delegation runs in a circle between ${listOf(
            cycle.map((id) => actorName(ctx, id)),
            'en',
          )} (${areaList(ctx, areaIds, 3)('en')}).`,
        },
        {
          sv: 'Rätta delegeringskedjan så att den utgår från den ursprungliga beslutsfattaren.',
          en: 'Fix the chain so that it starts at the original holder of the decision.',
        },
      ),
    );
  });

  for (const actorId of [...ctx.hierarchy.cyclic].sort()) {
    findings.push(
      finding(
        'integrity.hierarchy_cycle',
        'blocker',
        ref,
        [{ type: 'actor', id: actorId }],
        {
          sv: `${actorName(ctx, actorId)} rapporterar i en cirkel till sig själv i organisationen.`,
          en: `${actorName(ctx, actorId)} reports to itself through a circle in the hierarchy.`,
        },
        { sv: 'Rätta vem aktören rapporterar till.', en: 'Fix whom the actor reports to.' },
      ),
    );
  }

  // Changes that no longer apply for one reason about one actor or area (say, a retired area) are one
  // finding, listing the changes in the stage's order; `grouped` false keeps one per change.
  const notApplicable = new Map<string, { reason: NotApplicableReason; subject: string; isArea: boolean; changes: Change[] }>();
  for (const outcome of ctx.outcomes) {
    if (outcome.applied || !outcome.reason) continue;
    const subject = outcome.subjectId ?? '';
    const change = outcome.change;
    // A duplicate id names what the change adds: an actor or a decision area.
    const isArea = AREA_REASONS.has(outcome.reason) || (outcome.reason === 'duplicate_id' && change.type === 'add_decision_area');
    const key = `${outcome.reason}|${isArea ? 'decisionArea' : 'actor'}:${subject}${grouped ? '' : `|${change.id}`}`;
    const entry = notApplicable.get(key);
    if (entry) entry.changes.push(change);
    else notApplicable.set(key, { reason: outcome.reason, subject, isArea, changes: [change] });
  }
  for (const [key, { reason: why, subject, isArea, changes }] of notApplicable) {
    const label = isArea ? areaLabelAnywhere(ctx, subject) : actorNameAnywhere(ctx, subject);
    const reason = REASONS[why](label);
    const n = changes.length;
    const cause = subject ? [{ type: isArea ? ('decisionArea' as const) : ('actor' as const), id: subject }] : [];
    const named = (lang: 'sv' | 'en') => {
      const [open, close] = lang === 'sv' ? ['”', '”'] : ['“', '”'];
      return listOf(
        changes.slice(0, 5).map((c) => `${open}${describeChange(ctx, c)[lang]}${close}`),
        lang,
        5,
        n,
      );
    };
    findings.push(
      finding(
        'integrity.change_not_applicable',
        'blocker',
        ref,
        grouped ? [...cause, ...changes.map((c) => ({ type: 'change' as const, id: c.id }))] : [{ type: 'change', id: changes[0].id }, ...cause],
        n === 1
          ? {
              sv: `Förändringen ${named('sv')} i ${at.sv} går inte att genomföra: ${reason.sv}.`,
              en: `The change ${named('en')} in ${at.en} no longer applies: ${reason.en}.`,
            }
          : {
              sv: `${counted('sv', n, { one: 'förändring', other: 'förändringar' })} i ${at.sv} går inte att genomföra: ${reason.sv} (${named('sv')}).`,
              en: `${counted('en', n, { one: 'change', other: 'changes' })} in ${at.en} no longer apply: ${reason.en} (${named('en')}).`,
            },
        n === 1
          ? {
              sv: 'Ändra eller ta bort förändringen, eller flytta den till en etapp där den går att genomföra.',
              en: 'Edit or remove the change, or move it to a stage where it applies.',
            }
          : {
              sv: 'Ändra eller ta bort förändringarna, eller flytta dem till en etapp där de går att genomföra.',
              en: 'Edit or remove the changes, or move them to a stage where they apply.',
            },
        // The stage's own changes: the same cause in another stage is another finding.
        grouped ? `integrity.change_not_applicable|stage:${ctx.state.stageId}|${key}` : undefined,
      ),
    );
  }
  return findings;
}
