import { BaselineIssue, NotApplicableReason } from '../engine/state';
import { StageContext, actorName, areaLabel, listOf, stageName, stageRef } from './context';
import { finding, Finding, Text } from './finding';

const REASONS: Record<NotApplicableReason, (subject: string) => Text> = {
  area_missing: (s) => ({ sv: `beslutsområdet ${s} finns inte (ännu) här`, en: `decision area ${s} does not exist (yet) at this point` }),
  area_retired: (s) => ({ sv: `beslutsområdet ${s} har redan avvecklats`, en: `decision area ${s} was already retired` }),
  actor_missing: (s) => ({ sv: `aktören ${s} finns inte (ännu) här`, en: `actor ${s} does not exist (yet) at this point` }),
  actor_retired: (s) => ({ sv: `aktören ${s} har redan avvecklats`, en: `actor ${s} was already retired` }),
  no_decider: (s) => ({ sv: `${s} har ingen beslutsfattare att ändra`, en: `${s} has no decider to change` }),
  duplicate_id: (s) => ({ sv: `${s} finns redan`, en: `${s} already exists` }),
  hierarchy_cycle: (s) => ({ sv: `flytten skulle göra ${s} till sin egen chef`, en: `the move would make ${s} report to itself` }),
};

/** Strongly connected groups of the delegator → decider graph that form a cycle. */
function delegationCycles(edges: Array<{ from: string; to: string }>): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
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

/** Rule 7: the state is not a well-formed delegation map, or a change no longer fits it. */
export function integrityFindings(ctx: StageContext, baselineIssues: BaselineIssue[]): Finding[] {
  const at = stageName(ctx);
  const ref = stageRef(ctx);
  const findings: Finding[] = [];

  if (ctx.state.index === 0) {
    for (const issue of baselineIssues) {
      findings.push(
        finding(
          'integrity.two_deciders',
          'blocker',
          ref,
          [{ type: 'decisionArea', id: issue.decisionAreaId }, ...issue.deciderIds.map((id) => ({ type: 'actor' as const, id }))],
          {
            sv: `${areaLabel(ctx, issue.decisionAreaId)} har ${issue.deciderIds.length} beslutsfattare i nuläget (${listOf(issue.deciderIds.map((id) => actorName(ctx, id)), 'sv')}).`,
            en: `${areaLabel(ctx, issue.decisionAreaId)} has ${issue.deciderIds.length} deciders in the baseline (${listOf(issue.deciderIds.map((id) => actorName(ctx, id)), 'en')}).`,
          },
          { sv: 'Behåll en beslutsfattare; dela upp ärendet i två beslutsområden om båda behövs.', en: 'Keep one decider; split the matter into two decision areas if both are needed.' },
        ),
      );
    }
  }

  for (const [areaId, area] of ctx.state.areas) {
    if (area.retired || ctx.state.rights.has(areaId)) continue;
    findings.push(
      finding(
        'integrity.no_decider',
        'blocker',
        ref,
        [{ type: 'decisionArea', id: areaId }],
        { sv: `${areaLabel(ctx, areaId)} har ingen beslutsfattare i ${at.sv}.`, en: `${areaLabel(ctx, areaId)} has no decider in ${at.en}.` },
        { sv: 'Tilldela beslutsområdet en beslutsfattare eller avveckla det.', en: 'Assign the decision area a decider or retire it.' },
      ),
    );
  }

  const edges: Array<{ from: string; to: string; areaId: string }> = [];
  for (const [areaId, right] of ctx.state.rights) {
    for (const actorId of [right.deciderId, right.delegatorId]) {
      if (!actorId || !ctx.state.actors.get(actorId)?.retired) continue;
      const role = actorId === right.deciderId ? { sv: 'beslutar om', en: 'decides' } : { sv: 'delegerar', en: 'delegates' };
      findings.push(
        finding(
          'integrity.retired_decider',
          'blocker',
          ref,
          [{ type: 'actor', id: actorId }, { type: 'decisionArea', id: areaId }],
          {
            sv: `${actorName(ctx, actorId)} är avvecklad men ${role.sv} ${areaLabel(ctx, areaId)} i ${at.sv}.`,
            en: `${actorName(ctx, actorId)} is retired but still ${role.en} ${areaLabel(ctx, areaId)} in ${at.en}.`,
          },
          { sv: 'Flytta beslutsrätten till en aktör som finns kvar i samma etapp.', en: 'Move the decision right to an actor that remains, in the same stage.' },
        ),
      );
    }
    if (right.delegatorId) {
      edges.push({ from: right.delegatorId, to: right.deciderId, areaId });
      if (right.delegatorId !== right.deciderId && ctx.hierarchy.isAbove(right.deciderId, right.delegatorId)) {
        findings.push(
          finding(
            'integrity.upward_delegation',
            'blocker',
            ref,
            [{ type: 'decisionArea', id: areaId }, { type: 'actor', id: right.delegatorId }, { type: 'actor', id: right.deciderId }],
            {
              sv: `${areaLabel(ctx, areaId)} delegeras uppåt: ${actorName(ctx, right.delegatorId)} delegerar till sin överordnade ${actorName(ctx, right.deciderId)}.`,
              en: `${areaLabel(ctx, areaId)} is delegated upwards: ${actorName(ctx, right.delegatorId)} delegates to ${actorName(ctx, right.deciderId)} above it.`,
            },
            {
              sv: 'Låt den som delegerar vara den överordnade, eller återta beslutet till den högre nivån utan delegering.',
              en: 'Let the one above be the delegator, or return the decision to the higher level without delegation.',
            },
          ),
        );
      }
    }
  }

  for (const cycle of delegationCycles(edges)) {
    const members = new Set(cycle);
    const areaIds = edges.filter((e) => members.has(e.from) && members.has(e.to)).map((e) => e.areaId).sort();
    findings.push(
      finding(
        'integrity.delegation_cycle',
        'blocker',
        ref,
        [...cycle.map((id) => ({ type: 'actor' as const, id })), ...areaIds.map((id) => ({ type: 'decisionArea' as const, id }))],
        {
          sv: `Delegeringen går i cirkel mellan ${listOf(cycle.map((id) => actorName(ctx, id)), 'sv')} (${listOf(areaIds.map((id) => areaLabel(ctx, id)), 'sv', 3)}).`,
          en: `Delegation runs in a circle between ${listOf(cycle.map((id) => actorName(ctx, id)), 'en')} (${listOf(areaIds.map((id) => areaLabel(ctx, id)), 'en', 3)}).`,
        },
        { sv: 'Rätta delegeringskedjan så att den utgår från den ursprungliga beslutsfattaren.', en: 'Fix the chain so that it starts at the original holder of the decision.' },
      ),
    );
  }

  for (const actorId of [...ctx.hierarchy.cyclic].sort()) {
    findings.push(
      finding(
        'integrity.hierarchy_cycle',
        'blocker',
        ref,
        [{ type: 'actor', id: actorId }],
        { sv: `${actorName(ctx, actorId)} rapporterar i en cirkel till sig själv i organisationen.`, en: `${actorName(ctx, actorId)} reports to itself through a circle in the hierarchy.` },
        { sv: 'Rätta vem aktören rapporterar till.', en: 'Fix whom the actor reports to.' },
      ),
    );
  }

  for (const outcome of ctx.outcomes) {
    if (outcome.applied || !outcome.reason) continue;
    const subject = outcome.subjectId ?? '';
    const label = ctx.state.areas.has(subject) ? areaLabel(ctx, subject) : actorName(ctx, subject);
    const reason = REASONS[outcome.reason](label);
    findings.push(
      finding(
        'integrity.change_not_applicable',
        'blocker',
        ref,
        [{ type: 'change', id: outcome.change.id }, ...(subject ? [{ type: ctx.state.areas.has(subject) ? ('decisionArea' as const) : ('actor' as const), id: subject }] : [])],
        {
          sv: `Förändringen ${outcome.change.id} i ${at.sv} går inte att genomföra: ${reason.sv}.`,
          en: `Change ${outcome.change.id} in ${at.en} no longer applies: ${reason.en}.`,
        },
        {
          sv: 'Ändra eller ta bort förändringen, eller flytta den till en etapp där den går att genomföra.',
          en: 'Edit or remove the change, or move it to a stage where it applies.',
        },
      ),
    );
  }
  return findings;
}
