import { OrdinanceImportResponse, OrdinancePreviewResponse } from '@tillit/contract';
import { Actor } from '@tillit/domain';
import { OrdinanceMapping, priceBaseAmountFor } from '@tillit/domain/ordinance-schema';
import { FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';
import { hrefOf } from '../routing/use-route';
import { ordinanceApi, TransferProgress } from './ordinance-api';
import { bytesText, fileProblem, sameMapping } from './ordinance-model';
import { PreviewStep } from './preview-step';
import { ReadingStep } from './reading-step';
import { TransferProgressBar } from './transfer-progress';
import './ordinance.css';

export type WizardStep = 'upload' | 'reading' | 'preview' | 'done';
const STEPS: readonly WizardStep[] = ['upload', 'reading', 'preview', 'done'];

/** The last preview and the mapping it was read with. */
export interface Checked {
  response: OrdinancePreviewResponse;
  mapping: OrdinanceMapping;
}

type Busy = { action: 'preview' | 'import'; progress: TransferProgress };

/** Errors of the API's answer, placed where the user can fix them: the file, a setting of the mapping, or the whole. */
/** A new file's mapping: only this year's prisbasbelopp, which limits in prisbasbelopp are valued at (editable). */
const startMapping = (): OrdinanceMapping => ({ priceBaseAmount: priceBaseAmountFor(new Date().getFullYear()) });

export interface WizardErrors {
  file?: string;
  /** By mapping field: `headerRow`, `sheet`, `actors`… */
  mapping: Record<string, string>;
  general?: string;
}
const NO_ERRORS: WizardErrors = { mapping: {} };

/**
 * The import of a delegation ordinance: choose a file, see how it was read and change that, look through
 * the preview and fix flagged rows, check again, import with the plan's version, and see what came in.
 */
export function OrdinanceWizard({
  planId,
  planActors,
  onImported,
  onClose,
}: {
  planId: string;
  /** The plan's actors (latest state), to name fuzzy matches. */
  planActors: ReadonlyArray<Pick<Actor, 'id' | 'name' | 'kind'>>;
  onImported?: (result: OrdinanceImportResponse) => void;
  onClose?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const ids = useId();
  const [step, setStep] = useState<WizardStep>('upload');
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState<OrdinanceMapping>(startMapping);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [errors, setErrors] = useState<WizardErrors>(NO_ERRORS);
  const [notice, setNotice] = useState('');
  const [stageName, setStageName] = useState('');
  const [imported, setImported] = useState<OrdinanceImportResponse | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // Each step's heading takes the focus (the first one too: the wizard opens on the user's click), so a
  // screen reader starts reading where the new step begins.
  useEffect(() => heading.current?.focus(), [step]);

  const placeErrors = (err: unknown): WizardErrors => {
    if (!(err instanceof ApiError)) return { mapping: {}, general: (err as Error).message };
    if (err.status === 413) return { mapping: {}, file: t('ordinance.upload.tooLarge') };
    if (err.status === 415) return { mapping: {}, file: t('ordinance.upload.wrongType') };
    const placed: WizardErrors = { mapping: {} };
    const rest: string[] = [];
    for (const e of err.fieldErrors) {
      if (e.field === 'file' && e.code !== 'ordinance_errors') placed.file = e.reason;
      else if (e.field.startsWith('mapping.')) {
        const key = e.field.slice('mapping.'.length).split('.')[0];
        placed.mapping[key] = e.code === 'unknown_reference' ? t(`ordinance.mappingError.${key}`, { defaultValue: e.reason }) : e.reason;
      } else rest.push(e.reason);
    }
    if (rest.length || (!placed.file && !Object.keys(placed.mapping).length)) placed.general = rest.length ? rest.join(' ') : err.message;
    return placed;
  };

  /** A new preview of the file under the given mapping; on success the wizard moves to `next`. */
  async function check(next: OrdinanceMapping, then: WizardStep, chosen: File | null = file): Promise<boolean> {
    if (!chosen) return false;
    setBusy({ action: 'preview', progress: { phase: 'upload', loaded: 0, total: chosen.size } });
    setErrors(NO_ERRORS);
    try {
      const response = await ordinanceApi.preview(planId, { file: chosen, fileName: chosen.name, mapping: next }, (progress) =>
        setBusy({ action: 'preview', progress }),
      );
      setChecked({ response, mapping: next });
      setMapping(next);
      const c = response.preview.counts;
      setNotice(t('ordinance.checked', { items: c.items, errors: c.errors, warnings: c.warnings }));
      setStep(then);
      return true;
    } catch (err) {
      const placed = placeErrors(err);
      setErrors(placed);
      // A file that cannot be read at all is chosen again.
      if (placed.file && step !== 'upload') setStep('upload');
      return false;
    } finally {
      setBusy(null);
    }
  }

  async function runImport() {
    if (!file || !checked) return;
    setBusy({ action: 'import', progress: { phase: 'server' } });
    setErrors(NO_ERRORS);
    try {
      const result = await ordinanceApi.import(
        planId,
        {
          file,
          fileName: file.name,
          mapping: { ...checked.mapping, ...(stageName.trim() && { stageName: stageName.trim() }) },
          // The server keeps the previewed file: only its id goes up again.
          previewId: checked.response.previewId,
        },
        checked.response.planVersion,
        (progress) => setBusy({ action: 'import', progress }),
      );
      setImported(result);
      setStep('done');
      onImported?.(result);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict') {
        // Someone changed the plan since the preview: read it again against the plan as it is now.
        setBusy(null);
        await check(checked.mapping, 'preview');
        setErrors((e) => ({ ...e, general: t('ordinance.import.versionConflict', { version: err.currentVersion ?? '' }) }));
        return;
      }
      if (err instanceof ApiError && err.code === 'gone') {
        // The stored preview expired: send the file again for a new one.
        setBusy(null);
        await check(checked.mapping, 'preview');
        setErrors((e) => ({ ...e, general: t('ordinance.import.previewExpired') }));
        return;
      }
      setErrors(placeErrors(err));
    } finally {
      setBusy(null);
    }
  }

  const chooseFile = (chosen: File | null) => {
    setFile(chosen);
    setChecked(null);
    setMapping(startMapping());
    setNotice('');
    const problem = chosen ? fileProblem(chosen) : null;
    setErrors(
      problem === 'too_large'
        ? { mapping: {}, file: t('ordinance.upload.tooLargeLocal', { size: bytesText(chosen?.size ?? 0, i18n.language) }) }
        : problem === 'empty'
          ? { mapping: {}, file: t('ordinance.upload.empty') }
          : NO_ERRORS,
    );
  };

  const submitFile = (e: FormEvent) => {
    e.preventDefault();
    if (!file) {
      setErrors({ mapping: {}, file: t('ordinance.upload.required') });
      return;
    }
    if (fileProblem(file)) return;
    void check(startMapping(), 'reading');
  };

  const dirty = checked !== null && !sameMapping(mapping, checked.mapping);
  const index = STEPS.indexOf(step) + 1;
  const busyView = busy && (
    <TransferProgressBar
      progress={busy.progress}
      serverText={busy.action === 'import' ? t('ordinance.progress.writing') : t('ordinance.progress.reading')}
    />
  );

  return (
    <section className="ordinance-wizard panel" aria-labelledby={`${ids}-title`}>
      <div className="wizard-head">
        <h2 id={`${ids}-title`}>{t('ordinance.title')}</h2>
        {onClose && step !== 'done' && (
          <button type="button" className="secondary-dark" onClick={onClose} disabled={busy !== null}>
            {t('ordinance.close')}
          </button>
        )}
      </div>
      <ol className="wizard-steps" aria-label={t('ordinance.steps')}>
        {STEPS.map((s, i) => (
          <li key={s} aria-current={s === step ? 'step' : undefined} className={i + 1 < index ? 'done' : undefined}>
            {t(`ordinance.step.${s}`)}
          </li>
        ))}
      </ol>
      <div role="status" className="visually-hidden">
        {notice}
      </div>
      {errors.general && (
        <p role="alert" className="error">
          {errors.general}
        </p>
      )}

      {step === 'upload' && (
        <form onSubmit={submitFile} noValidate>
          <h3 ref={heading} tabIndex={-1}>
            {t('ordinance.stepHeading', { index, count: STEPS.length, name: t('ordinance.step.upload') })}
          </h3>
          <p>{t('ordinance.upload.intro')}</p>
          <div className="field">
            <label htmlFor={`${ids}-file`}>{t('ordinance.upload.label')}</label>
            <p id={`${ids}-file-hint`} className="hint">
              {t('ordinance.upload.hint')}
            </p>
            <input
              id={`${ids}-file`}
              type="file"
              accept=".csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-invalid={errors.file ? true : undefined}
              aria-describedby={`${ids}-file-hint${errors.file ? ` ${ids}-file-error` : ''}`}
              onChange={(e) => chooseFile(e.target.files?.[0] ?? null)}
              disabled={busy !== null}
            />
            {errors.file && (
              <p id={`${ids}-file-error`} className="field-error" role="alert">
                {errors.file}
              </p>
            )}
            {file && !errors.file && (
              <p className="hint">{t('ordinance.upload.chosen', { name: file.name, size: bytesText(file.size, i18n.language) })}</p>
            )}
          </div>
          <div className="form-actions">
            <button type="submit" disabled={busy !== null || (file !== null && fileProblem(file) !== null)}>
              {t('ordinance.upload.submit')}
            </button>
          </div>
          {busyView}
        </form>
      )}

      {step === 'reading' && checked && file && (
        <ReadingStep
          heading={
            <h3 ref={heading} tabIndex={-1}>
              {t('ordinance.stepHeading', { index, count: STEPS.length, name: t('ordinance.step.reading') })}
            </h3>
          }
          fileName={file.name}
          fileSize={file.size}
          checked={checked}
          mapping={mapping}
          onMapping={setMapping}
          errors={errors.mapping}
          dirty={dirty}
          busy={busy !== null}
          busyView={busyView}
          onRecheck={() => void check(mapping, 'reading')}
          onNext={() => (dirty ? void check(mapping, 'preview') : setStep('preview'))}
          onBack={() => setStep('upload')}
        />
      )}

      {step === 'preview' && checked && (
        <PreviewStep
          heading={
            <h3 ref={heading} tabIndex={-1}>
              {t('ordinance.stepHeading', { index, count: STEPS.length, name: t('ordinance.step.preview') })}
            </h3>
          }
          checked={checked}
          planActors={planActors}
          mapping={mapping}
          onMapping={setMapping}
          errors={errors.mapping}
          dirty={dirty}
          busy={busy !== null}
          busyView={busyView}
          stageName={stageName}
          onStageName={setStageName}
          onRecheck={() => void check(mapping, 'preview')}
          onImport={() => void runImport()}
          onBack={() => setStep('reading')}
        />
      )}

      {step === 'done' && imported && (
        <div>
          <h3 ref={heading} tabIndex={-1}>
            {t('ordinance.done.heading')}
          </h3>
          <p>
            {imported.target === 'baseline'
              ? t('ordinance.done.baseline', { areas: imported.decisionAreas, actors: imported.actors })
              : t('ordinance.done.stage', { changes: imported.changes, areas: imported.decisionAreas, actors: imported.actors })}
          </p>
          {imported.unchanged.length > 0 && <p className="note">{t('ordinance.done.unchanged', { count: imported.unchanged.length })}</p>}
          <ul className="done-links">
            <li>
              <a href={hrefOf({ page: 'plan', planId, tab: 'map', ...(imported.stageId && { focus: { stage: imported.stageId } }) })}>
                {t('ordinance.done.toMap')}
              </a>
            </li>
            <li>
              <a href={hrefOf({ page: 'plan', planId, tab: 'matrix' })}>{t('ordinance.done.toMatrix')}</a>
            </li>
            <li>
              <a href={hrefOf({ page: 'plan', planId, tab: 'decisions' })}>{t('ordinance.done.toDecisions')}</a>
            </li>
          </ul>
          {onClose && (
            <button type="button" className="secondary-dark" onClick={onClose}>
              {t('ordinance.close')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
