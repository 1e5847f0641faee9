import { StageMetrics } from '@tillit/domain';
import { useTranslation } from 'react-i18next';

/** The metrics of every state as a table: the overview's and the board view's (of the frozen analysis). */
export function MetricsTable({
  metrics,
  stateLabel,
}: {
  metrics: ReadonlyArray<
    Pick<StageMetrics, 'stageIndex' | 'meanDeciderDepth' | 'meanDelegationLevel' | 'reportingHoursPerYear' | 'openGaps' | 'closedGaps' | 'risks'>
  >;
  /** The row header of a state (0: the baseline). */
  stateLabel: (index: number) => string;
}) {
  const { t, i18n } = useTranslation();
  const numbers = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  return (
    <div className="table-scroll">
      <table className="data">
        <caption className="visually-hidden">{t('plan.metrics')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('plan.state')}</th>
            <th scope="col">{t('metrics.meanDepth')}</th>
            <th scope="col">{t('metrics.meanLevel')}</th>
            <th scope="col">{t('metrics.reportingHours')}</th>
            <th scope="col">{t('metrics.openGaps')}</th>
            <th scope="col">{t('metrics.closedGaps')}</th>
            <th scope="col">{t('metrics.risks')}</th>
          </tr>
        </thead>
        <tbody>
          {metrics.map((m) => (
            <tr key={m.stageIndex}>
              <th scope="row">{stateLabel(m.stageIndex)}</th>
              <td>{m.meanDeciderDepth === null ? '–' : numbers.format(m.meanDeciderDepth)}</td>
              <td>{m.meanDelegationLevel === null ? '–' : numbers.format(m.meanDelegationLevel)}</td>
              <td>{numbers.format(m.reportingHoursPerYear)}</td>
              <td>{m.openGaps}</td>
              <td>{m.closedGaps}</td>
              <td>{m.risks}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
