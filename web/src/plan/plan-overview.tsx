import { Analysis, Finding, Plan, Severity } from '@tillit/domain';
import { useTranslation } from 'react-i18next';
import { MetricChart, PlanSummary } from './plan-summary';
import { SubjectLinks } from './subject-links';

const SEVERITIES: Severity[] = ['blocker', 'warning', 'info'];

/** Findings per stage by severity (with text, not colour alone), and the metrics of every stage. */
export function PlanOverview({ planId, plan, analysis }: { planId: string; plan: Plan; analysis: Analysis }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'sv';
  const numbers = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  const groups: Array<{ index: number | null; title: string; findings: Finding[] }> = [
    { index: null, title: t('plan.wholePlan'), findings: [] },
    ...analysis.states.map((s) => ({
      index: s.index,
      title: s.index === 0 ? t('plan.baseline') : t('plan.stageTitle', { index: s.index, name: plan.stages[s.index - 1].name }),
      findings: [] as Finding[],
    })),
  ];
  for (const f of analysis.findings) groups.find((g) => g.index === f.stageIndex)?.findings.push(f);
  const count = (s: Severity) => analysis.findings.filter((f) => f.severity === s).length;

  const stateLabels = analysis.metrics.map((m) => (m.stageIndex === 0 ? t('plan.baseline') : t('plan.stageShort', { index: m.stageIndex })));
  return (
    <>
      <PlanSummary plan={plan} analysis={analysis} />
      <section aria-labelledby="charts-heading">
        <h2 id="charts-heading">{t('summary.charts')}</h2>
        <div className="charts">
          <MetricChart
            title={t('metrics.meanDepth')}
            values={analysis.metrics.map((m) => m.meanDeciderDepth ?? 0)}
            labels={stateLabels}
            format={(n) => numbers.format(n)}
          />
          <MetricChart
            title={t('metrics.reportingHours')}
            values={analysis.metrics.map((m) => m.reportingHoursPerYear)}
            labels={stateLabels}
            format={(n) => numbers.format(n)}
          />
          <MetricChart
            title={t('metrics.openGaps')}
            values={analysis.metrics.map((m) => m.openGaps)}
            labels={stateLabels}
            format={(n) => numbers.format(n)}
          />
        </div>
      </section>
      <section aria-labelledby="findings-heading">
        <h2 id="findings-heading">{t('plan.findings')}</h2>
        <p>{t('plan.summary', { blockers: count('blocker'), warnings: count('warning'), info: count('info') })}</p>
        {groups
          .filter((g) => g.index !== null || g.findings.length > 0)
          .map((g) => (
            <section key={g.index ?? 'plan'} className="stage-findings" aria-label={g.title}>
              <h3>{g.title}</h3>
              {g.findings.length === 0 ? (
                <p className="meta">{t('plan.noFindings')}</p>
              ) : (
                <ul className="findings">
                  {[...g.findings]
                    .sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity))
                    .map((f) => (
                      <li key={f.id} className={`finding finding-${f.severity}`}>
                        <span className={`badge badge-${f.severity}`}>{t(`severity.${f.severity}`)}</span> {f.message[lang]}
                        <p className="fix">
                          <strong>{t('plan.fix')}:</strong> {f.fix[lang]}
                        </p>
                        <SubjectLinks planId={planId} plan={plan} analysis={analysis} finding={f} />
                      </li>
                    ))}
                </ul>
              )}
            </section>
          ))}
      </section>
      <section aria-labelledby="metrics-heading">
        <h2 id="metrics-heading">{t('plan.metrics')}</h2>
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
              {analysis.metrics.map((m) => (
                <tr key={m.stageIndex}>
                  <th scope="row">{m.stageIndex === 0 ? t('plan.baseline') : t('plan.stageShort', { index: m.stageIndex })}</th>
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
      </section>
    </>
  );
}
