import { Analysis, Finding, Plan, Subject } from '@tillit/domain';
import { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { hrefOf, Route } from '../routing/use-route';

const SHOWN = 8;

/**
 * Where a subject of a finding is seen best: an actor on the map with its history (before and after the
 * finding's stage), a decision area in the matrix with its history, a stage or change in the stage editor,
 * a competence with HR's lists, the plan as a whole with its definition.
 */
export function subjectLink(
  planId: string,
  plan: Plan,
  analysis: Analysis,
  finding: Finding,
  subject: Subject,
  t: TFunction,
): { href: string; text: string } {
  const state = analysis.states[finding.stageIndex ?? analysis.states.length - 1] ?? analysis.states[analysis.states.length - 1];
  const stageId = finding.stageId ?? undefined;
  const to = (route: Omit<Extract<Route, { page: 'plan' }>, 'page' | 'planId'>) => hrefOf({ page: 'plan', planId, ...route });
  switch (subject.type) {
    case 'actor': {
      const actor = state.actors.get(subject.id) ?? analysis.states[analysis.states.length - 1].actors.get(subject.id);
      return { href: to({ tab: 'map', focus: { actor: subject.id, stage: stageId } }), text: actor?.name ?? subject.id };
    }
    case 'decisionArea': {
      const area = state.areas.get(subject.id) ?? analysis.states[analysis.states.length - 1].areas.get(subject.id);
      return { href: to({ tab: 'matrix', focus: { area: subject.id } }), text: area ? `${area.code} ${area.title}` : subject.id };
    }
    case 'competence':
      return { href: to({ tab: 'competence' }), text: plan.competences.find((c) => c.id === subject.id)?.name ?? subject.id };
    case 'stage':
      return { href: to({ tab: 'stages', focus: { stage: subject.id } }), text: plan.stages.find((s) => s.id === subject.id)?.name ?? subject.id };
    case 'change':
    case 'consequence':
      return { href: to({ tab: 'stages', focus: { stage: stageId } }), text: t(`subject.${subject.type}`, { id: subject.id }) };
    case 'plan':
      return { href: to({ tab: 'definition' }), text: t('subject.plan') };
  }
}

/** The subjects of a finding as links to where each is seen and fixed. */
export function SubjectLinks({ planId, plan, analysis, finding }: { planId: string; plan: Plan; analysis: Analysis; finding: Finding }) {
  const { t } = useTranslation();
  if (finding.subjects.length === 0) return null;
  const links = finding.subjects.map((s) => subjectLink(planId, plan, analysis, finding, s, t));
  return (
    <p className="subjects">
      <strong>{t('subject.concerns')}:</strong>{' '}
      {links.slice(0, SHOWN).map((l, i) => (
        <span key={`${l.href}-${i}`}>
          {i > 0 && ', '}
          <a href={l.href}>{l.text}</a>
        </span>
      ))}
      {links.length > SHOWN && ` ${t('map.more', { count: links.length - SHOWN })}`}
    </p>
  );
}
