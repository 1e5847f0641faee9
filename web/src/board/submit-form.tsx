import { FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';
import { useAnswer } from '../analysis/use-answer';
import { LoadedPlan } from '../plan/use-plan-analysis';
import { hrefOf } from '../routing/use-route';
import { boardApi } from './board-api';
import { FieldErrors } from './field-errors';

type Problems = Record<string, string[]>;

/**
 * Puts the plan before the board (a tjänsteskrivelse's sammanfattning, att-satser and diarienummer), with
 * a written justification for each open blocker of the live analysis: the API refuses it without them.
 */
export function SubmitForm({ load }: { load: LoadedPlan }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'sv';
  const ids = useId();
  const { answer: blockers } = useAnswer(load.analysis, { kind: 'blockers' });
  const [summary, setSummary] = useState('');
  const [proposals, setProposals] = useState<string[]>(['']);
  const [diarienummer, setDiarienummer] = useState('');
  const [justifications, setJustifications] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Problems>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const keys = (blockers ?? []).map((b) => b.finding.key);

  const check = (): Problems => {
    const out: Problems = {};
    const required = t('board.decision.errors.required');
    if (!summary.trim()) out.summary = [required];
    if (!proposals.some((p) => p.trim())) out['proposals.0'] = [t('board.submit.needProposal')];
    for (const key of keys) if (!justifications[key]?.trim()) out[`justification.${key}`] = [t('board.submit.needJustification')];
    return out;
  };

  /** After a refusal, the first field with a problem takes the focus, so the user hears what to fix. */
  const focusFirstProblem = () => setTimeout(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"], .form-problem')?.focus(), 0);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const own = check();
    setProblems(own);
    if (Object.keys(own).length) {
      focusFirstProblem();
      return;
    }
    setBusy(true);
    const body = {
      version: load.meta.version,
      summary: summary.trim(),
      proposals: proposals.map((p) => p.trim()).filter(Boolean),
      ...(diarienummer.trim() && { diarienummer: diarienummer.trim() }),
      justifications: keys.map((finding) => ({ finding, text: justifications[finding].trim() })),
    };
    try {
      const revision = await boardApi.submit(load.meta.id, body);
      location.hash = hrefOf({ page: 'plan', planId: load.meta.id, tab: 'board', focus: { revision: String(revision.number) } });
      load.reload();
    } catch (err) {
      if (err instanceof ApiError && err.fieldErrors.length) {
        const out: Problems = {};
        for (const e of err.fieldErrors) {
          const item = /^(proposals|justifications)\[(\d+)\]/.exec(e.field);
          const field =
            e.field === 'summary' || e.field === 'diarienummer'
              ? e.field
              : item?.[1] === 'proposals'
                ? `proposals.${item[2]}`
                : item?.[1] === 'justifications'
                  ? `justification.${body.justifications[Number(item[2])]?.finding}`
                  : e.field === 'justifications'
                    ? 'justifications'
                    : 'form';
          (out[field] ??= []).push(e.reason);
        }
        setProblems(out);
        focusFirstProblem();
      } else if (err instanceof ApiError && err.status === 409) {
        setFailure(t('board.submit.conflict'));
        load.reload();
      } else setFailure((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const invalid = (key: string) => (problems[key]?.length ? true : undefined);
  const described = (key: string) => (problems[key]?.length ? `${ids}-${key}-error` : undefined);
  return (
    <form ref={form} className="panel board-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${ids}-heading`}>
      <h3 id={`${ids}-heading`}>{t('board.submit.heading')}</h3>
      <p>{t('board.submit.intro')}</p>
      {(problems.form || problems.definition) && (
        <div className="form-problem" tabIndex={-1}>
          <FieldErrors id={`${ids}-form-error`} errors={[...(problems.definition ?? []), ...(problems.form ?? [])]} />
          {problems.definition && <a href={hrefOf({ page: 'plan', planId: load.meta.id, tab: 'definition' })}>{t('board.submit.toDefinition')}</a>}
        </div>
      )}
      <div className="field">
        <label htmlFor={`${ids}-summary`}>{t('board.submit.summary')}</label>
        <p id={`${ids}-summary-hint`} className="hint">
          {t('board.submit.summaryHint')}
        </p>
        <textarea
          id={`${ids}-summary`}
          rows={4}
          value={summary}
          onChange={(e) => setSummary(e.target.value)}
          aria-invalid={invalid('summary')}
          aria-describedby={[`${ids}-summary-hint`, described('summary')].filter(Boolean).join(' ')}
        />
        <FieldErrors id={`${ids}-summary-error`} errors={problems.summary} />
      </div>
      <fieldset className="growable">
        <legend>{t('board.submit.proposals')}</legend>
        <p className="hint">{t('board.submit.proposalsHint')}</p>
        <ol>
          {proposals.map((p, i) => (
            <li key={i} className="field">
              <label htmlFor={`${ids}-proposal-${i}`}>{t('board.submit.proposalN', { n: i + 1 })}</label>
              <input
                id={`${ids}-proposal-${i}`}
                value={p}
                onChange={(e) => setProposals((list) => list.map((x, j) => (j === i ? e.target.value : x)))}
                aria-invalid={invalid(`proposals.${i}`)}
                aria-describedby={described(`proposals.${i}`)}
              />
              <FieldErrors id={`${ids}-proposals.${i}-error`} errors={problems[`proposals.${i}`]} />
              {proposals.length > 1 && (
                <button type="button" className="link-button" onClick={() => setProposals((list) => list.filter((_, j) => j !== i))}>
                  {t('board.submit.removeProposal', { n: i + 1 })}
                </button>
              )}
            </li>
          ))}
        </ol>
        <button type="button" className="secondary-dark" onClick={() => setProposals((list) => [...list, ''])}>
          {t('board.submit.addProposal')}
        </button>
      </fieldset>
      <div className="field">
        <label htmlFor={`${ids}-diarienummer`}>{t('board.submit.diarienummer')}</label>
        <input
          id={`${ids}-diarienummer`}
          value={diarienummer}
          onChange={(e) => setDiarienummer(e.target.value)}
          aria-invalid={invalid('diarienummer')}
          aria-describedby={described('diarienummer')}
        />
        <FieldErrors id={`${ids}-diarienummer-error`} errors={problems.diarienummer} />
      </div>
      <fieldset>
        <legend>{t('board.submit.justifications')}</legend>
        {!blockers ? (
          <p role="status">{t('plan.answering')}</p>
        ) : blockers.length === 0 ? (
          <p>{t('board.submit.noBlockers')}</p>
        ) : (
          <>
            <p className="hint">{t('board.submit.justificationsHint', { count: blockers.length })}</p>
            <FieldErrors id={`${ids}-justifications-error`} errors={problems.justifications} />
            {blockers.map(({ finding }) => {
              const key = `justification.${finding.key}`;
              return (
                <div key={finding.key} className="field">
                  <label htmlFor={`${ids}-${key}`}>{t('board.submit.justificationFor', { finding: finding.message[lang] })}</label>
                  <textarea
                    id={`${ids}-${key}`}
                    rows={2}
                    value={justifications[finding.key] ?? ''}
                    onChange={(e) => setJustifications((j) => ({ ...j, [finding.key]: e.target.value }))}
                    aria-invalid={invalid(key)}
                    aria-describedby={described(key)}
                  />
                  <FieldErrors id={`${ids}-${key}-error`} errors={problems[key]} />
                </div>
              );
            })}
          </>
        )}
      </fieldset>
      {failure && (
        <p role="alert" className="error">
          {t('board.submit.failed', { message: failure })}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" disabled={busy || !blockers}>
          {busy ? t('board.submit.submitting') : t('board.submit.submit')}
        </button>
      </div>
    </form>
  );
}
