import { Plan } from '@tillit/domain';
import { AnalysisSummary } from '../analysis/analysis-views';
import { useTranslation } from 'react-i18next';

/** The definition of trust-based governance, and the stages on a timeline with what each one changes. */
export function PlanSummary({ plan, summary }: { plan: Plan; summary: AnalysisSummary }) {
  const { t, i18n } = useTranslation();
  const dates = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' });
  const numbers = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  const date = (iso?: string) => (iso ? dates.format(new Date(`${iso}T00:00:00Z`)) : '–');
  const d = plan.definition;
  return (
    <>
      <section aria-labelledby="definition-heading" className="panel">
        <h2 id="definition-heading">{t('summary.definition')}</h2>
        {!d ? (
          <p className="error">{t('summary.noDefinition')}</p>
        ) : (
          <>
            <p>{d.text}</p>
            {d.principles.length > 0 && (
              <ul className="principles" aria-label={t('summary.principles')}>
                {d.principles.map((p) => (
                  <li key={p.id}>
                    <strong>{p.name}</strong>
                    {p.description && ` – ${p.description}`}
                  </li>
                ))}
              </ul>
            )}
            <p className="meta">
              {d.agreedBy && d.agreedOn ? t('summary.agreed', { by: d.agreedBy, on: date(d.agreedOn) }) : t('summary.notAgreed')}
            </p>
          </>
        )}
      </section>
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('summary.timeline')}</h2>
        <ol className="timeline">
          {plan.stages.map((s, i) => {
            const m = summary.metrics[i + 1];
            return (
              <li key={s.id}>
                <h3>{t('plan.stageTitle', { index: i + 1, name: s.name })}</h3>
                <p className="meta">
                  {date(s.startDate)} – {date(s.endDate)}
                </p>
                {s.goal && <p>{s.goal}</p>}
                <p className="meta">
                  {t('summary.stageFacts', {
                    changes: s.changes.length,
                    moved: summary.moved[i] ?? 0,
                    depth: m?.meanDeciderDepth == null ? '–' : numbers.format(m.meanDeciderDepth),
                  })}
                </p>
              </li>
            );
          })}
        </ol>
      </section>
    </>
  );
}

/** One metric across the states as a bar chart, with the numbers written out (not a picture only). */
export function MetricChart({ title, values, labels, format }: { title: string; values: number[]; labels: string[]; format: (n: number) => string }) {
  const max = Math.max(1, ...values);
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <ul>
        {values.map((v, i) => (
          <li key={labels[i]}>
            <span className="chart-label">{labels[i]}</span>
            <span className="chart-bar" style={{ width: `${(v / max) * 100}%` }} aria-hidden="true" />
            <span className="chart-value">{format(v)}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
