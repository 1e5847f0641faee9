import { effectiveDeciders } from '../engine/effective-deciders';
import { CATEGORY_TEXT, delegateCategory, isBodyItself, isHeadOfAdministration } from '../engine/legal-roles';
import { StageContext, actorName, areaLabel, listOf, stageRef } from './context';
import { finding, Finding } from './finding';

const norm = (q: string) => q.trim().toLocaleLowerCase('sv');

/** Rule 9, per decision area: its right breaks the Local Government Act (Kommunallagen) or a special law. */
export function legalityAreaFindings(ctx: StageContext, areaId: string): Finding[] {
  const right = ctx.state.rights.get(areaId);
  const area = ctx.state.areas.get(areaId);
  if (!right || !area) return [];
  const actor = (id: string | null | undefined) => (id ? ctx.state.actors.get(id) : undefined);
  const lookup = (id: string) => ctx.state.actors.get(id);
  const findings: Finding[] = [];
  const ref = stageRef(ctx);
  // Most areas break no rule: the label is made only for a finding.
  const label = () => areaLabel(ctx, areaId);

  if (area.nonDelegable) {
    const below = effectiveDeciders(right).filter((id) => !isBodyItself(actor(id)));
    if (below.length > 0) {
      const who = actor(below[0]);
      const as = who ? CATEGORY_TEXT[delegateCategory(who)] : CATEGORY_TEXT.employee;
      findings.push(
        finding(
          'legality.non_delegable',
          'blocker',
          ref,
          [{ type: 'decisionArea', id: areaId }, ...below.map((id) => ({ type: 'actor' as const, id }))],
          {
            sv: `${label()} får inte delegeras (KL 6 kap. 38 §) men beslutas av ${actorName(ctx, below[0])}, ${as.sv}; bara nämnden själv får besluta.`,
            en: `${label()} may not be delegated (KL 6:38) but is decided by ${actorName(ctx, below[0])}, ${as.en}; only the committee itself may decide it.`,
          },
          {
            sv: 'Låt nämnden själv besluta, inte ett utskott, en ledamot eller en anställd; ge verksamheten i stället inflytande genom beredning och samråd.',
            en: 'Let the committee itself decide, not a working committee, a member or an employee; give the front line influence through preparation and consultation instead.',
          },
        ),
      );
    }
  }

  // Who may decide, by law: a narrower set of delegates (e.g. only an utskott) and a required qualification.
  const deciders = right.substituteId && right.substituteId !== right.deciderId ? [right.deciderId, right.substituteId] : [right.deciderId];
  const restriction = area.delegationRestriction;
  if (restriction && !area.nonDelegable) {
    const allowed = restriction.to;
    const restrictionBasis = restriction.legalBasis ? ` (${restriction.legalBasis})` : '';
    for (const id of deciders) {
      const a = actor(id);
      if (!a) continue;
      const category = delegateCategory(a);
      // A group of employees is legality.group_delegate's finding, one per cause.
      if (category === 'body' || category === 'group' || (allowed as readonly string[]).includes(category)) continue;
      const substitute = id !== right.deciderId;
      const only = listOf(
        allowed.map((c) => CATEGORY_TEXT[c].sv),
        'sv',
      );
      const onlyEn = listOf(
        allowed.map((c) => CATEGORY_TEXT[c].en),
        'en',
      );
      findings.push(
        finding(
          'legality.delegate_not_allowed',
          'blocker',
          ref,
          [
            { type: 'decisionArea', id: areaId },
            { type: 'actor', id },
          ],
          {
            sv: `${label()} får enligt lag${restrictionBasis} bara delegeras till ${allowed.length ? only : 'nämnden själv'}, men ${actorName(ctx, id)} (${CATEGORY_TEXT[category].sv}) ${substitute ? 'är ersättare' : 'beslutar'}.`,
            en: `By law${restrictionBasis}, ${label()} may only be delegated to ${allowed.length ? onlyEn : 'the committee itself'}, but ${actorName(ctx, id)} (${CATEGORY_TEXT[category].en}) ${substitute ? 'is the substitute' : 'decides it'}.`,
          },
          {
            sv: `Låt ${allowed.length ? only : 'nämnden'} besluta; den anställde kan bereda ärendet.`,
            en: `Let ${allowed.length ? onlyEn : 'the committee'} decide; the employee can prepare the matter.`,
          },
        ),
      );
    }
  }

  const requirement = area.qualificationRequirement;
  if (requirement) {
    const requirementBasis = requirement.legalBasis ? ` (${requirement.legalBasis})` : '';
    for (const id of deciders) {
      const a = actor(id);
      if (!a || delegateCategory(a) !== 'employee') continue;
      const held = new Set((a.qualifications ?? []).map(norm));
      const missing = requirement.qualifications.filter((q) => !held.has(norm(q)));
      if (missing.length === 0) continue;
      const substitute = id !== right.deciderId;
      findings.push(
        finding(
          'legality.qualification_missing',
          'blocker',
          ref,
          [
            { type: 'decisionArea', id: areaId },
            { type: 'actor', id },
          ],
          {
            sv: `${label()} kräver ${listOf(missing, 'sv')}${requirementBasis}, men ${actorName(ctx, id)}${substitute ? ' (ersättare)' : ''} har inte den behörigheten.`,
            en: `${label()} requires ${listOf(missing, 'en')}${requirementBasis}, but ${actorName(ctx, id)}${substitute ? ' (the substitute)' : ''} does not hold it.`,
          },
          {
            sv: `Delegera till en befattning som har ${listOf(missing, 'sv')}, eller ange behörigheten för ${actorName(ctx, id)} om alla som har befattningen har den.`,
            en: `Delegate to a role that holds ${listOf(missing, 'en')}, or record the qualification for ${actorName(ctx, id)} if everyone in the role holds it.`,
          },
        ),
      );
    }
  }

  if (area.kind !== 'formal') return findings;
  const decider = actor(right.deciderId);
  const deciderCategory = decider ? delegateCategory(decider) : undefined;

  if (deciderCategory === 'group') {
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

  const delegator = right.delegatorId && right.delegatorId !== right.deciderId ? right.delegatorId : null;
  // Onward delegation: the delegator is not a body but someone who was delegated to (KL 7:6).
  const onward = !!delegator && !isBodyItself(actor(delegator));
  const byHead = onward && isHeadOfAdministration(delegator as string, lookup);

  if (delegator && deciderCategory !== 'body') {
    const to = right.reporting ? actor(right.reporting.toId) : undefined;
    // To the nämnd (KL 6:40), or for vidaredelegated decisions to the förvaltningschef (KL 7:8).
    const lawfulReceiver = !!right.reporting && (isBodyItself(to) || (onward && isHeadOfAdministration(right.reporting.toId, lookup)));
    const exemption = area.reportingExemption;
    const exempt = !!exemption && isBodyItself(actor(exemption.decidedBy));
    if (!lawfulReceiver && !exempt) {
      findings.push(
        finding(
          'legality.no_report_back',
          'warning',
          ref,
          [
            { type: 'decisionArea', id: areaId },
            { type: 'actor', id: right.deciderId },
          ],
          exemption
            ? {
                sv: `Delegationsbeslut i ${label()} anmäls inte, och undantaget från anmälan är beslutat av ${actorName(ctx, exemption.decidedBy)}; bara nämnden själv kan besluta det (KL 6 kap. 40 §).`,
                en: `Delegated decisions in ${label()} are not reported back, and the exemption was decided by ${actorName(ctx, exemption.decidedBy)}; only the committee itself can decide it (KL 6:40).`,
              }
            : onward
              ? {
                  sv: `Vidaredelegerade beslut i ${label()} anmäls varken till nämnden eller till förvaltningschefen (KL 6 kap. 40 §, 7 kap. 8 §).`,
                  en: `Onward-delegated decisions in ${label()} are reported neither to the committee nor to the head of administration (KL 6:40, 7:8).`,
                }
              : {
                  sv: `Delegationsbeslut i ${label()} anmäls inte till nämnden (KL 6 kap. 40 §).`,
                  en: `Delegated decisions in ${label()} are not reported back to the committee (KL 6:40).`,
                },
          {
            sv: 'Ange anmälan till nämnden (t.ex. en månatlig delegationslista), eller låt nämnden besluta att den här sortens beslut inte behöver anmälas (KL 6 kap. 40 §).',
            en: 'Add reporting back (anmälan) to the committee, e.g. a monthly list, or have the committee decide that such decisions need not be reported (KL 6:40).',
          },
        ),
      );
    }
  }

  if (onward && delegator) {
    if (!byHead) {
      findings.push(
        finding(
          'legality.onward_delegation_not_head',
          'blocker',
          ref,
          [
            { type: 'decisionArea', id: areaId },
            { type: 'actor', id: delegator },
            { type: 'actor', id: right.deciderId },
          ],
          {
            sv: `${actorName(ctx, delegator)} vidaredelegerar ${label()} till ${actorName(ctx, right.deciderId)}, men bara förvaltningschefen får vidaredelegera (KL 7 kap. 6 §).`,
            en: `${actorName(ctx, delegator)} delegates ${label()} onward to ${actorName(ctx, right.deciderId)}, but only the head of administration may delegate further (KL 7:6).`,
          },
          {
            sv: `Låt nämnden delegera ${label()} direkt till ${actorName(ctx, right.deciderId)}, eller låt förvaltningschefen vidaredelegera det.`,
            en: `Have the committee delegate ${label()} directly to ${actorName(ctx, right.deciderId)}, or let the head of administration delegate it onward.`,
          },
        ),
      );
    } else if (!(ctx.onwardGrants.get(areaId)?.has(delegator) ?? false)) {
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
            sv: `${actorName(ctx, delegator)} vidaredelegerar ${label()} till ${actorName(ctx, right.deciderId)} utan att nämnden har gett rätt att vidaredelegera (KL 7 kap. 6 §).`,
            en: `${actorName(ctx, delegator)} delegates ${label()} onward to ${actorName(ctx, right.deciderId)} without the committee having given the right to delegate further (KL 7:6).`,
          },
          {
            sv: `Låt nämnden i delegationsordningen ge ${actorName(ctx, delegator)} rätt att vidaredelegera ${label()}, eller låt nämnden delegera direkt.`,
            en: `Have the committee give ${actorName(ctx, delegator)} the right to delegate ${label()} further in the delegation ordinance, or let the committee delegate directly.`,
          },
        ),
      );
    }
  }
  return findings;
}
