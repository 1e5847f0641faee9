import { Finding, Subject } from '@tillit/domain';
import { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ShownFinding } from '../analysis/analysis-views';
import { hrefOf, Route } from '../routing/use-route';

const SHOWN = 8;

/**
 * Where a subject of a finding is seen best: an actor on the map with its history (before and after the
 * finding's stage), a decision area in the matrix with its history, a stage or change in the stage editor,
 * a competence with HR's lists, the plan as a whole with its definition. `name`: the subject's name, as
 * the analysis worker found it (subjectName).
 */
export function subjectLink(planId: string, finding: Finding, subject: Subject, name: string | null, t: TFunction): { href: string; text: string } {
  const stageId = finding.stageId ?? undefined;
  const to = (route: Omit<Extract<Route, { page: 'plan' }>, 'page' | 'planId'>) => hrefOf({ page: 'plan', planId, ...route });
  switch (subject.type) {
    case 'actor':
      return { href: to({ tab: 'map', focus: { actor: subject.id, stage: stageId } }), text: name ?? subject.id };
    case 'decisionArea':
      return { href: to({ tab: 'matrix', focus: { area: subject.id } }), text: name ?? subject.id };
    case 'competence':
      return { href: to({ tab: 'competence' }), text: name ?? subject.id };
    case 'stage':
      return { href: to({ tab: 'stages', focus: { stage: subject.id } }), text: name ?? subject.id };
    case 'change':
    case 'consequence':
      return { href: to({ tab: 'stages', focus: { stage: stageId } }), text: t(`subject.${subject.type}`, { id: subject.id }) };
    case 'plan':
      return { href: to({ tab: 'definition' }), text: t('subject.plan') };
  }
}

/** The subjects of a finding as links to where each is seen and fixed. */
export function SubjectLinks({ planId, shown }: { planId: string; shown: ShownFinding }) {
  const { t } = useTranslation();
  const { finding, names } = shown;
  if (finding.subjects.length === 0) return null;
  const links = finding.subjects.slice(0, SHOWN).map((s, i) => subjectLink(planId, finding, s, names[i] ?? null, t));
  return (
    <p className="subjects">
      <strong>{t('subject.concerns')}:</strong>{' '}
      {links.map((l, i) => (
        <span key={`${l.href}-${i}`}>
          {i > 0 && ', '}
          <a href={l.href}>{l.text}</a>
        </span>
      ))}
      {finding.subjects.length > SHOWN && ` ${t('map.more', { count: finding.subjects.length - SHOWN })}`}
    </p>
  );
}
