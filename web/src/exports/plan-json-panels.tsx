import { ErrorCode, PlanResponse } from '@tillit/contract';
import { FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/http';
import { ConfirmDialog } from '../common/confirm-dialog';
import { uniqueSlug } from '../common/slug';
import { hrefOf } from '../routing/use-route';
import { downloadFile } from './download';
import { readPlanFile, uploadErrorLines } from './plan-json';

type Outcome = { kind: 'ok'; text: string; link?: { href: string; text: string } } | { kind: 'error'; lines: string[] } | null;

/** The outcome of an upload: a status for success, an alert listing what the file must fix. */
function OutcomeNote({ outcome, id }: { outcome: Outcome; id: string }) {
  if (!outcome) return null;
  if (outcome.kind === 'ok')
    return (
      <p role="status" className="note" id={id}>
        {outcome.text} {outcome.link && <a href={outcome.link.href}>{outcome.link.text}</a>}
      </p>
    );
  return (
    <div role="alert" className="error" id={id}>
      {outcome.lines.length === 1 ? (
        <p>{outcome.lines[0]}</p>
      ) : (
        <ul>
          {outcome.lines.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A file field for a plan document (JSON) and a button, with the file's problems said before sending. */
function PlanFileForm({
  label,
  submitLabel,
  busyLabel,
  onDocument,
  outcome,
  setOutcome,
}: {
  label: string;
  submitLabel: string;
  busyLabel: string;
  onDocument: (document: unknown) => Promise<void>;
  outcome: Outcome;
  setOutcome: (outcome: Outcome) => void;
}) {
  const { t } = useTranslation();
  const ids = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return setOutcome({ kind: 'error', lines: [t('planJson.noFile')] });
    setBusy(true);
    setOutcome(null);
    try {
      const read = await readPlanFile(file);
      if (!read.ok) return setOutcome({ kind: 'error', lines: [t(`planJson.problem.${read.problem}`)] });
      await onDocument(read.document);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="plan-json-form">
      <div className="field">
        <label htmlFor={`${ids}-file`}>{label}</label>
        <input
          ref={input}
          id={`${ids}-file`}
          type="file"
          accept="application/json,.json"
          aria-describedby={outcome ? `${ids}-outcome` : undefined}
          aria-invalid={outcome?.kind === 'error' ? true : undefined}
          onChange={() => setOutcome(null)}
        />
      </div>
      <button type="submit" disabled={busy}>
        {busy ? busyLabel : submitLabel}
      </button>
      <OutcomeNote outcome={outcome} id={`${ids}-outcome`} />
    </form>
  );
}

/**
 * The whole plan as JSON (the plan format): a download, and for a writer an upload that replaces the plan's
 * content, confirmed first and guarded by the plan's version (a 409 says so and offers to replace anyway).
 */
export function PlanJsonPanel({
  planId,
  meta,
  canReplace,
  onReplaced,
}: {
  planId: string;
  meta: Pick<PlanResponse, 'title' | 'version'>;
  canReplace: boolean;
  onReplaced: () => void;
}) {
  const { t } = useTranslation();
  const ids = useId();
  const [downloading, setDownloading] = useState(false);
  const [downloadFailed, setDownloadFailed] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [pending, setPending] = useState<{ document: unknown; version: number; conflict: boolean } | null>(null);

  const download = () => {
    setDownloading(true);
    setDownloadFailed(null);
    downloadFile(`/plans/${planId}/export`, `plan-${uniqueSlug(meta.title, [], 'plan')}.json`)
      .catch((err: unknown) => setDownloadFailed(t('planJson.downloadFailed', { message: (err as Error).message })))
      .finally(() => setDownloading(false));
  };

  const replace = async (document: unknown, version: number) => {
    try {
      await api<PlanResponse>(`/plans/${planId}/content`, { method: 'PUT', body: { version, plan: document } });
      setOutcome({ kind: 'ok', text: t('planJson.replaced') });
      onReplaced();
    } catch (err) {
      if (err instanceof ApiError && err.code === ErrorCode.VersionConflict && err.currentVersion !== undefined) {
        setOutcome({ kind: 'error', lines: [t('planJson.conflict', { version: err.currentVersion })] });
        setPending({ document, version: err.currentVersion, conflict: true });
        return;
      }
      setOutcome({ kind: 'error', lines: uploadErrorLines(t, err) });
    }
  };

  return (
    <section aria-labelledby={`${ids}-heading`} className="plan-json">
      <h2 id={`${ids}-heading`}>{t('planJson.heading')}</h2>
      <p className="hint">{t('planJson.intro')}</p>
      <div className="export-row">
        <button type="button" className="secondary-dark" disabled={downloading} onClick={download}>
          {downloading ? t('ordinance.exports.downloading') : t('planJson.download')}
        </button>
        {downloadFailed && (
          <p role="alert" className="error">
            {downloadFailed}
          </p>
        )}
      </div>
      {canReplace && (
        <PlanFileForm
          label={t('planJson.replaceFile')}
          submitLabel={t('planJson.replace')}
          busyLabel={t('planJson.replacing')}
          outcome={outcome}
          setOutcome={setOutcome}
          onDocument={(document) => {
            setPending({ document, version: meta.version, conflict: false });
            return Promise.resolve();
          }}
        />
      )}
      {pending && (
        <ConfirmDialog
          title={pending.conflict ? t('planJson.confirmConflictTitle') : t('planJson.confirmTitle')}
          message={pending.conflict ? t('planJson.confirmConflict', { version: pending.version }) : t('planJson.confirm', { title: meta.title })}
          confirmLabel={t('planJson.confirmReplace')}
          cancelLabel={t('planJson.cancel')}
          onCancel={() => setPending(null)}
          onConfirm={() => {
            const { document, version } = pending;
            setPending(null);
            void replace(document, version);
          }}
        />
      )}
    </section>
  );
}

/** "Ny plan från JSON-fil": a plan document (a download from this or another Tillit) becomes a new plan. */
export function NewPlanFromJson({ onCreated }: { onCreated: (plan: PlanResponse) => void }) {
  const { t } = useTranslation();
  const ids = useId();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const create = async (document: unknown) => {
    try {
      const plan = await api<PlanResponse>('/plans/import', { method: 'POST', body: document });
      onCreated(plan);
      setOutcome({
        kind: 'ok',
        text: t('planJson.created', { title: plan.title }),
        link: { href: hrefOf({ page: 'plan', planId: plan.id, tab: 'overview' }), text: t('planJson.open', { title: plan.title }) },
      });
    } catch (err) {
      setOutcome({ kind: 'error', lines: uploadErrorLines(t, err) });
    }
  };
  return (
    <section aria-labelledby={`${ids}-heading`} className="panel">
      <h2 id={`${ids}-heading`}>{t('planJson.newHeading')}</h2>
      <p>{t('planJson.newIntro')}</p>
      <PlanFileForm
        label={t('planJson.newFile')}
        submitLabel={t('planJson.import')}
        busyLabel={t('planJson.importing')}
        outcome={outcome}
        setOutcome={setOutcome}
        onDocument={create}
      />
    </section>
  );
}
