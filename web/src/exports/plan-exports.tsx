import { Plan } from '@tillit/domain';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile, ExportFormat, exportPath, ExportTableName } from './download';

/** Buttons, XLSX and CSV (and PDF where there is one), that download one of the plan's tables; a failure is said beside them. */
function DownloadButtons({
  planId,
  table,
  label,
  query,
  formats = ['xlsx', 'csv'],
}: {
  planId: string;
  table: ExportTableName;
  label: string;
  query?: Record<string, string | undefined>;
  formats?: readonly ExportFormat[];
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const download = (format: ExportFormat) => {
    setBusy(format);
    setFailed(null);
    downloadFile(exportPath(planId, table, format, query), `${table}.${format}`)
      .catch((err: unknown) => setFailed(t('ordinance.exports.failed', { message: (err as Error).message })))
      .finally(() => setBusy(null));
  };
  return (
    <div className="export-row">
      <div className="export-buttons" role="group" aria-label={label}>
        <span className="export-label">{label}</span>
        {formats.map((format) => (
          <button key={format} type="button" className="secondary-dark" disabled={busy !== null} onClick={() => download(format)}>
            {busy === format ? t('ordinance.exports.downloading') : t(`ordinance.exports.format.${format}`)}
            <span className="visually-hidden"> – {label}</span>
          </button>
        ))}
      </div>
      {failed && (
        <p role="alert" className="error">
          {failed}
        </p>
      )}
    </div>
  );
}

const ORDINANCE_FORMATS = ['xlsx', 'csv', 'pdf'] as const;

/** The revised ordinance after a chosen stage (default: after the last), as XLSX, CSV or an accessible PDF. */
export function OrdinanceExport({ planId, plan }: { planId: string; plan: Plan }) {
  const { t } = useTranslation();
  const id = useId();
  const [stage, setStage] = useState<string>(plan.stages.at(-1)?.id ?? 'baseline');
  return (
    <div className="ordinance-export">
      <div className="field">
        <label htmlFor={`${id}-stage`}>{t('ordinance.exports.ordinanceAfter')}</label>
        <select id={`${id}-stage`} value={stage} onChange={(e) => setStage(e.target.value)}>
          <option value="baseline">{t('plan.baseline')}</option>
          {plan.stages.map((s, i) => (
            <option key={s.id} value={s.id}>
              {t('plan.stageTitle', { index: i + 1, name: s.name })}
            </option>
          ))}
        </select>
      </div>
      <DownloadButtons planId={planId} table="ordinance" label={t('ordinance.exports.ordinance')} query={{ stage }} formats={ORDINANCE_FORMATS} />
    </div>
  );
}

/** What the plan gives out to take to a meeting: the ordinance, the rollout matrix, the findings and the gaps. */
export function PlanExports({ planId, plan }: { planId: string; plan: Plan }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <section aria-labelledby={`${id}-heading`} className="plan-exports">
      <h2 id={`${id}-heading`}>{t('ordinance.exports.heading')}</h2>
      <p className="hint">{t('ordinance.exports.intro')}</p>
      <OrdinanceExport planId={planId} plan={plan} />
      <DownloadButtons planId={planId} table="matrix" label={t('ordinance.exports.matrix')} />
      <DownloadButtons
        planId={planId}
        table="findings"
        label={t('ordinance.exports.findings')}
        query={{ lang: i18n.language === 'en' ? 'en' : undefined }}
      />
      <DownloadButtons planId={planId} table="gaps" label={t('ordinance.exports.gaps')} />
    </section>
  );
}
