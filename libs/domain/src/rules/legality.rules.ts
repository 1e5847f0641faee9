import { effectiveDeciders } from '../engine/effective-deciders';
import { CATEGORY_TEXT, delegateCategory, isBodyItself, isHeadOfAdministration } from '../engine/legal-roles';
import { AreaCause } from './causes';
import { StageContext, actorName, listOf } from './context';
import { plural } from './text';

const norm = (q: string) => q.trim().toLocaleLowerCase('sv');

/** Rule 9, per decision area: its right breaks the Local Government Act (Kommunallagen) or a special law. */
export function legalityAreaCauses(ctx: StageContext, areaId: string): AreaCause[] {
  const right = ctx.state.rights.get(areaId);
  const area = ctx.state.areas.get(areaId);
  if (!right || !area) return [];
  const actor = (id: string | null | undefined) => (id ? ctx.state.actors.get(id) : undefined);
  const lookup = (id: string) => ctx.state.actors.get(id);
  const name = (id: string) => actorName(ctx, id);
  const causes: AreaCause[] = [];

  if (area.nonDelegable) {
    const below = effectiveDeciders(right).filter((id) => !isBodyItself(actor(id)));
    if (below.length > 0) {
      const who = actor(below[0]);
      const as = who ? CATEGORY_TEXT[delegateCategory(who)] : CATEGORY_TEXT.employee;
      causes.push({
        rule: 'legality.non_delegable',
        severity: 'blocker',
        areaId,
        subjects: below.map((id) => ({ type: 'actor' as const, id })),
        variant: '',
        render: (areas) => ({
          message: {
            sv: `${areas.list('sv')} får inte delegeras (KL 6 kap. 38 §) men beslutas av ${name(below[0])}, ${as.sv}; bara nämnden själv får besluta.`,
            en: `${areas.list('en')} may not be delegated (KL 6:38) but ${plural('en', areas.count, { one: 'is', other: 'are' })} decided by ${name(below[0])}, ${as.en}; only the committee itself may decide.`,
          },
          fix: {
            sv: 'Låt nämnden själv besluta, inte ett utskott, en ledamot eller en anställd; ge verksamheten i stället inflytande genom beredning och samråd.',
            en: 'Let the committee itself decide, not a working committee, a member or an employee; give the front line influence through preparation and consultation instead.',
          },
        }),
      });
    }
  }

  // Who may decide, by law: a narrower set of delegates (e.g. only an utskott) and a required qualification.
  const deciders = right.substituteId && right.substituteId !== right.deciderId ? [right.deciderId, right.substituteId] : [right.deciderId];
  const restriction = area.delegationRestriction;
  if (restriction && !area.nonDelegable) {
    const allowed = restriction.to;
    const basis = restriction.legalBasis ? ` (${restriction.legalBasis})` : '';
    const only = {
      sv: allowed.length
        ? listOf(
            allowed.map((c) => CATEGORY_TEXT[c].sv),
            'sv',
          )
        : 'nämnden själv',
      en: allowed.length
        ? listOf(
            allowed.map((c) => CATEGORY_TEXT[c].en),
            'en',
          )
        : 'the committee itself',
    };
    for (const id of deciders) {
      const a = actor(id);
      if (!a) continue;
      const category = delegateCategory(a);
      // A group of employees is legality.group_delegate's finding, one per cause.
      if (category === 'body' || category === 'group' || (allowed as readonly string[]).includes(category)) continue;
      const substitute = id !== right.deciderId;
      causes.push({
        rule: 'legality.delegate_not_allowed',
        severity: 'blocker',
        areaId,
        subjects: [{ type: 'actor', id }],
        variant: `${allowed.join(',')}|${basis}|${substitute}`,
        render: (areas) => ({
          message: {
            sv: `${areas.list('sv')} får enligt lag${basis} bara delegeras till ${only.sv}, men ${name(id)} (${CATEGORY_TEXT[category].sv}) ${substitute ? 'är ersättare' : 'beslutar'}.`,
            en: `By law${basis}, ${areas.list('en')} may only be delegated to ${only.en}, but ${name(id)} (${CATEGORY_TEXT[category].en}) ${substitute ? 'is the substitute' : 'decides'}.`,
          },
          fix: {
            sv: `Låt ${allowed.length ? only.sv : 'nämnden'} besluta; den anställde kan bereda ärendet.`,
            en: `Let ${allowed.length ? only.en : 'the committee'} decide; the employee can prepare the matter.`,
          },
        }),
      });
    }
  }

  const requirement = area.qualificationRequirement;
  if (requirement) {
    const basis = requirement.legalBasis ? ` (${requirement.legalBasis})` : '';
    for (const id of deciders) {
      const a = actor(id);
      if (!a || delegateCategory(a) !== 'employee') continue;
      const held = new Set((a.qualifications ?? []).map(norm));
      const missing = requirement.qualifications.filter((q) => !held.has(norm(q)));
      if (missing.length === 0) continue;
      const substitute = id !== right.deciderId;
      const them = {
        sv: plural('sv', missing.length, { one: 'den behörigheten', other: 'de behörigheterna' }),
        en: plural('en', missing.length, { one: 'it', other: 'them' }),
      };
      causes.push({
        rule: 'legality.qualification_missing',
        severity: 'blocker',
        areaId,
        subjects: [{ type: 'actor', id }],
        variant: `${missing.join(',')}|${basis}|${substitute}`,
        render: (areas) => ({
          message: {
            sv: `${areas.list('sv')} kräver ${listOf(missing, 'sv')}${basis}, men ${name(id)}${substitute ? ' (ersättare)' : ''} har inte ${them.sv}.`,
            en: `${areas.list('en')} ${plural('en', areas.count, { one: 'requires', other: 'require' })} ${listOf(missing, 'en')}${basis}, but ${name(id)}${substitute ? ' (the substitute)' : ''} does not hold ${them.en}.`,
          },
          fix: {
            sv: `Delegera till en befattning som har ${listOf(missing, 'sv')}, eller ange behörigheten för ${name(id)} om alla som har befattningen har den.`,
            en: `Delegate to a role that holds ${listOf(missing, 'en')}, or record the qualification for ${name(id)} if everyone in the role holds it.`,
          },
        }),
      });
    }
  }

  if (area.kind !== 'formal') return causes;
  const decider = actor(right.deciderId);
  const deciderCategory = decider ? delegateCategory(decider) : undefined;

  if (deciderCategory === 'group') {
    causes.push({
      rule: 'legality.group_delegate',
      severity: 'blocker',
      areaId,
      subjects: [{ type: 'actor', id: right.deciderId }],
      variant: '',
      render: (areas) => ({
        message: {
          sv: `${areas.list('sv')} är ${plural('sv', areas.count, { one: 'delegerat', other: 'delegerade' })} till en grupp anställda (${name(right.deciderId)}); delegering får ske till ett utskott, en ledamot eller en anställd, inte till en grupp anställda (KL 6 kap. 37 §, 7 kap. 5 §).`,
          en: `${areas.list('en')} ${plural('en', areas.count, { one: 'is', other: 'are' })} delegated to a group of employees (${name(right.deciderId)}); the law allows delegation to a working committee, a member or an employee, not to a group of employees (KL 6:37, 7:5).`,
        },
        fix: {
          sv: 'Delegera till en namngiven befattning i gruppen, eller gör ärendet till verkställighet om det inte är ett beslut i kommunallagens mening.',
          en: 'Delegate to a named role within the group, or model the matter as execution if it is not a decision in the legal sense.',
        },
      }),
    });
  }

  const delegator = right.delegatorId && right.delegatorId !== right.deciderId ? right.delegatorId : null;
  // Onward delegation: the delegator is not a body but someone who was delegated to (KL 7:6).
  const onward = !!delegator && !isBodyItself(actor(delegator));

  if (delegator && deciderCategory !== 'body') {
    const to = right.reporting ? actor(right.reporting.toId) : undefined;
    // To the nämnd (KL 6:40), or for vidaredelegated decisions to the förvaltningschef (KL 7:8).
    const lawfulReceiver = !!right.reporting && (isBodyItself(to) || (onward && isHeadOfAdministration(right.reporting.toId, lookup)));
    const exemption = area.reportingExemption;
    const exempt = !!exemption && isBodyItself(actor(exemption.decidedBy));
    if (!lawfulReceiver && !exempt) {
      causes.push({
        rule: 'legality.no_report_back',
        severity: 'warning',
        areaId,
        subjects: [{ type: 'actor', id: right.deciderId }],
        variant: exemption ? `exempted-by:${exemption.decidedBy}` : onward ? 'onward' : '',
        render: (areas) => ({
          message: exemption
            ? {
                sv: `Delegationsbeslut i ${areas.list('sv')} anmäls inte, och undantaget från anmälan är beslutat av ${name(exemption.decidedBy)}; bara nämnden själv kan besluta det (KL 6 kap. 40 §).`,
                en: `Delegated decisions in ${areas.list('en')} are not reported back, and the exemption was decided by ${name(exemption.decidedBy)}; only the committee itself can decide it (KL 6:40).`,
              }
            : onward
              ? {
                  sv: `Vidaredelegerade beslut i ${areas.list('sv')} anmäls varken till nämnden eller till förvaltningschefen (KL 6 kap. 40 §, 7 kap. 8 §).`,
                  en: `Onward-delegated decisions in ${areas.list('en')} are reported neither to the committee nor to the head of administration (KL 6:40, 7:8).`,
                }
              : {
                  sv: `Delegationsbeslut i ${areas.list('sv')} anmäls inte till nämnden (KL 6 kap. 40 §).`,
                  en: `Delegated decisions in ${areas.list('en')} are not reported back to the committee (KL 6:40).`,
                },
          fix: {
            sv: 'Ange anmälan till nämnden (t.ex. en månatlig delegationslista), eller låt nämnden besluta att den här sortens beslut inte behöver anmälas (KL 6 kap. 40 §).',
            en: 'Add reporting back (anmälan) to the committee, e.g. a monthly list, or have the committee decide that such decisions need not be reported (KL 6:40).',
          },
        }),
      });
    }
  }

  if (onward && delegator) {
    const subjects = [
      { type: 'actor' as const, id: delegator },
      { type: 'actor' as const, id: right.deciderId },
    ];
    if (!isHeadOfAdministration(delegator, lookup)) {
      causes.push({
        rule: 'legality.onward_delegation_not_head',
        severity: 'blocker',
        areaId,
        subjects,
        variant: '',
        render: (areas) => ({
          message: {
            sv: `${name(delegator)} vidaredelegerar ${areas.list('sv')} till ${name(right.deciderId)}, men bara förvaltningschefen får vidaredelegera (KL 7 kap. 6 §).`,
            en: `${name(delegator)} delegates ${areas.list('en')} onward to ${name(right.deciderId)}, but only the head of administration may delegate further (KL 7:6).`,
          },
          fix: {
            sv: `Låt nämnden delegera ${areas.list('sv')} direkt till ${name(right.deciderId)}, eller låt förvaltningschefen vidaredelegera.`,
            en: `Have the committee delegate ${areas.list('en')} directly to ${name(right.deciderId)}, or let the head of administration delegate onward.`,
          },
        }),
      });
    } else if (!(ctx.onwardGrants.get(areaId)?.has(delegator) ?? false)) {
      causes.push({
        rule: 'legality.onward_delegation',
        severity: 'blocker',
        areaId,
        subjects,
        variant: '',
        render: (areas) => ({
          message: {
            sv: `${name(delegator)} vidaredelegerar ${areas.list('sv')} till ${name(right.deciderId)} utan att nämnden har gett rätt att vidaredelegera (KL 7 kap. 6 §).`,
            en: `${name(delegator)} delegates ${areas.list('en')} onward to ${name(right.deciderId)} without the committee having given the right to delegate further (KL 7:6).`,
          },
          fix: {
            sv: `Låt nämnden i delegationsordningen ge ${name(delegator)} rätt att vidaredelegera ${areas.list('sv')}, eller låt nämnden delegera direkt.`,
            en: `Have the committee give ${name(delegator)} the right to delegate ${areas.list('en')} further in the delegation ordinance, or let the committee delegate directly.`,
          },
        }),
      });
    }
  }
  return causes;
}
