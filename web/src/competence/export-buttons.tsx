import { useState } from 'react';
import { saveFile } from '../common/save-file';
import { useTranslation } from 'react-i18next';
import { PlanAnalysis } from '../plan/use-plan-analysis';
import { ExportFormat, ExportRequest } from './competence-export';

/** Download buttons for a competence view as CSV and XLSX; the worker makes the file. */
export function ExportButtons({
  analysis,
  name,
  request,
}: {
  analysis: PlanAnalysis;
  name: string;
  request: (format: ExportFormat) => ExportRequest;
}) {
  const { t } = useTranslation();
  const [state, setState] = useState<{ busy: boolean; text: string; ok: boolean }>({ busy: false, text: '', ok: true });
  const exportFile = analysis.exportFile;
  if (!exportFile) return null;
  const run = async (format: ExportFormat) => {
    setState({ busy: true, text: t('hr.export.making'), ok: true });
    try {
      const file = await exportFile(request(format));
      if (!file) return setState({ busy: false, text: '', ok: true });
      const fileName = `${name}.${format}`;
      saveFile(new Blob([file.bytes as BlobPart], { type: file.mime }), fileName);
      setState({ busy: false, text: t('hr.export.done', { name: fileName }), ok: true });
    } catch {
      setState({ busy: false, text: t('hr.export.failed'), ok: false });
    }
  };
  return (
    <div className="export-buttons">
      <button type="button" onClick={() => void run('csv')} disabled={state.busy} aria-label={t('hr.export.csvNamed', { name })}>
        {t('hr.export.csv')}
      </button>{' '}
      <button type="button" onClick={() => void run('xlsx')} disabled={state.busy} aria-label={t('hr.export.xlsxNamed', { name })}>
        {t('hr.export.xlsx')}
      </button>
      <span role="status" className={state.ok ? 'meta' : 'error'}>
        {state.text}
      </span>
    </div>
  );
}
