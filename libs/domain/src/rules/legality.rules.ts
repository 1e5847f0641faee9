import { GROUP_ACTOR_KINDS } from '../model/plan.schema';
import { effectiveDeciders } from '../engine/effective-deciders';
import { StageContext, actorName, areaLabel, stageRef } from './context';
import { finding, Finding } from './finding';

/** Rule 9, per decision area: its right breaks the Local Government Act (Kommunallagen) or its practice. */
export function legalityAreaFindings(ctx: StageContext, areaId: string): Finding[] {
  const right = ctx.state.rights.get(areaId);
  const area = ctx.state.areas.get(areaId);
  if (!right || !area) return [];
  const kindOf = (id: string | null | undefined) => (id ? ctx.state.actors.get(id)?.kind : undefined);
  const findings: Finding[] = [];
  const ref = stageRef(ctx);
  // Most areas break no rule: the label is made only for a finding.
  const label = () => areaLabel(ctx, areaId);

  if (area.nonDelegable) {
    const below = effectiveDeciders(right).filter((id) => kindOf(id) !== 'governing_body');
    if (below.length > 0) {
      findings.push(
        finding(
          'legality.non_delegable',
          'blocker',
          ref,
          [{ type: 'decisionArea', id: areaId }, ...below.map((id) => ({ type: 'actor' as const, id }))],
          {
            sv: `${label()} får inte delegeras (KL 6 kap. 38 §) men beslutas av ${actorName(ctx, below[0])}.`,
            en: `${label()} may not be delegated (KL 6 ch. 38 §) but is decided by ${actorName(ctx, below[0])}.`,
          },
          {
            sv: 'Låt nämnden besluta; ge verksamheten i stället inflytande genom beredning och samråd.',
            en: 'Let the committee decide; give the front line influence through preparation and consultation instead.',
          },
        ),
      );
    }
  }

  if (area.kind !== 'formal') return findings;
  const deciderKind = kindOf(right.deciderId);

  if (deciderKind && GROUP_ACTOR_KINDS.includes(deciderKind)) {
    findings.push(
      finding(
        'legality.group_delegate',
        'blocker',
        ref,
        [
          { type: 'decisionArea', id: areaId },
          { type: 'actor', id: right.deciderId },
        ],
        {
          sv: `${label()} är delegerat till en grupp anställda (${actorName(ctx, right.deciderId)}); delegering får ske till ett utskott, en ledamot eller en anställd, inte till en grupp anställda (KL 6 kap. 37 §, 7 kap. 5 §).`,
          en: `${label()} is delegated to a group of employees (${actorName(ctx, right.deciderId)}); the law allows delegation to a working committee, a member or an employee, not to a group of employees (KL 6:37, 7:5).`,
        },
        {
          sv: 'Delegera till en namngiven befattning i gruppen, eller gör ärendet till verkställighet om det inte är ett beslut i kommunallagens mening.',
          en: 'Delegate to a named role within the group, or model the matter as execution if it is not a decision in the legal sense.',
        },
      ),
    );
  }

  const delegated = right.delegatorId && right.delegatorId !== right.deciderId && deciderKind !== 'governing_body';
  if (delegated && (!right.reporting || kindOf(right.reporting.toId) !== 'governing_body')) {
    findings.push(
      finding(
        'legality.no_report_back',
        'warning',
        ref,
        [
          { type: 'decisionArea', id: areaId },
          { type: 'actor', id: right.deciderId },
        ],
        {
          sv: `Delegationsbeslut i ${label()} anmäls inte tillbaka till nämnden (KL 6 kap. 40 §).`,
          en: `Delegated decisions in ${label()} are not reported back to the committee (KL 6:40).`,
        },
        {
          sv: 'Ange återrapportering (anmälan) till den delegerande nämnden, t.ex. månadsvis delegationslista.',
          en: 'Add reporting back (anmälan) to the delegating committee, e.g. a monthly list of delegated decisions.',
        },
      ),
    );
  }

  const delegator = right.delegatorId;
  if (delegator && delegator !== right.deciderId && kindOf(delegator) !== 'governing_body') {
    const granted = ctx.onwardGrants.get(areaId)?.has(delegator) ?? false;
    if (!granted) {
      findings.push(
        finding(
          'legality.onward_delegation',
          'blocker',
          ref,
          [
            { type: 'decisionArea', id: areaId },
            { type: 'actor', id: delegator },
            { type: 'actor', id: right.deciderId },
          ],
          {
            sv: `${actorName(ctx, delegator)} vidaredelegerar ${label()} till ${actorName(ctx, right.deciderId)} utan att ha fått rätt att vidaredelegera (KL 7 kap. 6 §).`,
            en: `${actorName(ctx, delegator)} delegates ${label()} onward to ${actorName(ctx, right.deciderId)} without having been given the right to delegate further (KL 7:6).`,
          },
          {
            sv: `Låt nämnden ge ${actorName(ctx, delegator)} rätt att vidaredelegera (i ett tidigare läge), eller låt nämnden delegera direkt.`,
            en: `Have the committee give ${actorName(ctx, delegator)} the right to delegate further (at an earlier point), or let the committee delegate directly.`,
          },
        ),
      );
    }
  }
  return findings;
}
