import { Plan } from '@tillit/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnswer } from '../analysis/use-answer';
import { PlanExports } from '../exports/plan-exports';
import { PlanJsonPanel } from '../exports/plan-json-panels';
import { PlanResponse } from '@tillit/contract';
import { PlanAnalysis } from './use-plan-analysis';
import { MetricChart, PlanSummary } from './plan-summary';
import { SubjectLinks } from './subject-links';
import { MetricsTable } from './metrics-table';
import { findingRange } from '../analysis/finding-range';

/** Findings shown per stage at first, and added by each "show more". */
const PAGE = 10;

/** What the overview needs to offer the whole plan as JSON: its title and version, and whether the user may replace it. */
export interface PlanJsonContext {
  meta: Pick<PlanResponse, 'title' | 'version'>;
  canReplace: boolean;
  onReplaced: () => void;
}

/** Findings per stage by severity (with text, not colour alone), the exports, and the metrics of every stage. */
export function PlanOverview({ planId, plan, analysis, json }: { planId: string; plan: Plan; analysis: PlanAnalysis; json?: PlanJsonContext }) {
  const { t, i18n } = useTranslation();
  const numbers = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  const { summary } = analysis;
  const title = (index: number | null) =>
    index === null ? t('plan.wholePlan') : index === 0 ? t('plan.baseline') : t('plan.stageTitle', { index, name: plan.stages[index - 1].name });
  const stateLabels = summary.metrics.map((m) => (m.stageIndex === 0 ? t('plan.baseline') : t('plan.stageShort', { index: m.stageIndex })));
  return (
    <>
      <PlanSummary plan={plan} summary={summary} />
      <section aria-labelledby="charts-heading">
        <h2 id="charts-heading">{t('summary.charts')}</h2>
        <div className="charts">
          <MetricChart
            title={t('metrics.meanDepth')}
            values={summary.metrics.map((m) => m.meanDeciderDepth ?? 0)}
            labels={stateLabels}
            format={(n) => numbers.format(n)}
          />
          <MetricChart
            title={t('metrics.reportingHours')}
            values={summary.metrics.map((m) => m.reportingHoursPerYear)}
            labels={stateLabels}
            format={(n) => numbers.format(n)}
          />
          <MetricChart
            title={t('metrics.openGaps')}
            values={summary.metrics.map((m) => m.openGaps)}
            labels={stateLabels}
            format={(n) => numbers.format(n)}
          />
        </div>
      </section>
      <section aria-labelledby="findings-heading">
        <h2 id="findings-heading">{t('plan.findings')}</h2>
        <p>{t('plan.summary', { blockers: summary.severities.blocker, warnings: summary.severities.warning, info: summary.severities.info })}</p>
        {summary.groups
          .filter((g) => g.stageIndex !== null || g.total > 0)
          .map((g) => (
            <StageFindings
              key={g.stageIndex ?? 'plan'}
              planId={planId}
              analysis={analysis}
              stageIndex={g.stageIndex}
              total={g.total}
              title={title(g.stageIndex)}
              last={summary.metrics.length - 1}
            />
          ))}
      </section>
      <PlanExports planId={planId} plan={plan} />
      {json && <PlanJsonPanel planId={planId} {...json} />}
      <section aria-labelledby="metrics-heading">
        <h2 id="metrics-heading">{t('plan.metrics')}</h2>
        <MetricsTable metrics={summary.metrics} stateLabel={(index) => (index === 0 ? t('plan.baseline') : t('plan.stageShort', { index }))} />
      </section>
    </>
  );
}

/** One state's findings, most severe first, a page at a time from the analysis worker. */
function StageFindings({
  planId,
  analysis,
  stageIndex,
  total,
  title,
  last,
}: {
  planId: string;
  analysis: PlanAnalysis;
  stageIndex: number | null;
  total: number;
  title: string;
  /** The plan's last state index: where a finding that holds "from stage X on" ends. */
  last: number;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'sv';
  const [limit, setLimit] = useState(PAGE);
  const { answer: page } = useAnswer(analysis, total > 0 ? { kind: 'findings', stageIndex, offset: 0, limit } : null);
  const items = page?.items ?? [];
  return (
    <section className="stage-findings" aria-label={title} aria-busy={total > 0 && !page ? true : undefined}>
      <h3>{title}</h3>
      {total === 0 ? (
        <p className="meta">{t('plan.noFindings')}</p>
      ) : !page ? (
        <p className="meta">{t('plan.answering')}</p>
      ) : (
        <>
          <ul className="findings">
            {items.map((shown) => {
              const f = shown.finding;
              const range = findingRange(t, f, last);
              return (
                <li key={f.id} className={`finding finding-${f.severity}`}>
                  <span className={`badge badge-${f.severity}`}>{t(`severity.${f.severity}`)}</span>{' '}
                  {range && <span className="finding-range">{range}</span>}
                  {f.message[lang]}
                  <p className="fix">
                    <strong>{t('plan.fix')}:</strong> {f.fix[lang]}
                  </p>
                  <SubjectLinks planId={planId} shown={shown} />
                </li>
              );
            })}
          </ul>
          {items.length < total && (
            <p>
              <span className="meta">{t('plan.shown', { shown: items.length, total })}</span>{' '}
              <button type="button" className="link-button" onClick={() => setLimit(items.length + PAGE)}>
                {t('plan.showMore', { count: Math.min(PAGE, total - items.length) })}
              </button>
            </p>
          )}
        </>
      )}
    </section>
  );
}
