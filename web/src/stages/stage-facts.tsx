import { Stage } from '@tillit/domain';
import { useTranslation } from 'react-i18next';

/** What a stage is for, read-only: its goal, dates and the criteria for going on to the next. */
export function StageFacts({ stage, withCriteria = true }: { stage: Stage; withCriteria?: boolean }) {
  const { t } = useTranslation();
  const dates = stage.startDate || stage.endDate ? `${stage.startDate ?? '…'} – ${stage.endDate ?? '…'}` : t('stageFacts.noDates');
  return (
    <dl className="stage-facts">
      <dt>{t('stageFacts.goal')}</dt>
      <dd>{stage.goal || t('stageFacts.noGoal')}</dd>
      <dt>{t('stageFacts.dates')}</dt>
      <dd>{dates}</dd>
      {withCriteria && (
        <>
          <dt>{t('stageFacts.criteria')}</dt>
          <dd>
            {stage.gateCriteria.length ? (
              <ul>
                {stage.gateCriteria.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            ) : (
              t('stageFacts.noCriteria')
            )}
          </dd>
        </>
      )}
    </dl>
  );
}
