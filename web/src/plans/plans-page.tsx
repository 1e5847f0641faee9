import { PLAN_PURPOSE_MAX, PLAN_TITLE_MAX, PlanResponse } from '@tillit/contract';
import { TFunction } from 'i18next';
import { FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';
import { NewPlanFromOrdinance } from '../ordinance/new-plan-from-ordinance';
import { NewPlanFromJson } from '../exports/plan-json-panels';
import { hrefOf } from '../routing/use-route';
import { plansApi } from './plans-api';

type Load = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; plans: PlanResponse[] };

export function PlansPage({ canWrite = true }: { canWrite?: boolean }) {
  const { t } = useTranslation();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    plansApi.list().then(
      (plans) => !cancelled && setLoad({ state: 'ready', plans }),
      (err: unknown) => !cancelled && setLoad({ state: 'failed', message: (err as Error).message }),
    );
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  const added = (plan: PlanResponse) =>
    setLoad((current) => (current.state === 'ready' ? { state: 'ready', plans: [...current.plans, plan] } : current));

  const retry = () => {
    setLoad({ state: 'loading' });
    setAttempt((n) => n + 1);
  };

  return (
    <>
      <h1>{t('plans.heading')}</h1>
      <p className="lead">{t('plans.intro')}</p>
      <section aria-labelledby="plan-list-heading">
        <h2 id="plan-list-heading" className="visually-hidden">
          {t('plans.listLabel')}
        </h2>
        {load.state === 'loading' && <p role="status">{t('plans.loading')}</p>}
        {load.state === 'failed' && (
          <div role="alert" className="error">
            <p>{t('plans.loadFailed', { message: load.message })}</p>
            <button type="button" onClick={retry}>
              {t('plans.retry')}
            </button>
          </div>
        )}
        {load.state === 'ready' && <PlanList plans={load.plans} />}
      </section>
      {canWrite ? (
        <>
          <CreatePlanForm onCreated={added} />
          <NewPlanFromOrdinance onCreated={added} />
          <NewPlanFromJson onCreated={added} />
        </>
      ) : (
        <p className="note">{t('plans.readOnly')}</p>
      )}
    </>
  );
}

function PlanList({ plans }: { plans: PlanResponse[] }) {
  const { t, i18n } = useTranslation();
  if (plans.length === 0) return <p>{t('plans.empty')}</p>;
  const dates = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <ul className="plan-list" aria-label={t('plans.listLabel')}>
      {plans.map((plan) => (
        <li key={plan.id} className="plan-card">
          <h3>
            <a href={hrefOf({ page: 'plan', planId: plan.id, tab: 'overview' })}>{plan.title}</a>
          </h3>
          {plan.purpose && <p>{plan.purpose}</p>}
          <p className="meta">
            <span className={`badge badge-${plan.status}`}>{t(`plans.status.${plan.status}`)}</span>{' '}
            {t('plans.updated', { date: dates.format(new Date(plan.updatedAt)) })}
          </p>
        </li>
      ))}
    </ul>
  );
}

function titleProblem(title: string, t: TFunction): string | undefined {
  if (title.trim().length === 0) return t('validation.required');
  if (title.trim().length > PLAN_TITLE_MAX) return t('validation.tooLong', { max: PLAN_TITLE_MAX });
  return undefined;
}

function CreatePlanForm({ onCreated }: { onCreated: (plan: PlanResponse) => void }) {
  const { t } = useTranslation();
  const ids = useId();
  const [title, setTitle] = useState('');
  const [purpose, setPurpose] = useState('');
  const [touched, setTouched] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [submitting, setSubmitting] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const titleError = serverErrors.title ?? (touched ? titleProblem(title, t) : undefined);
  const purposeError = serverErrors.purpose;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (titleProblem(title, t)) return;
    setSubmitting(true);
    setNotice(null);
    try {
      const plan = await plansApi.create({ title: title.trim(), purpose: purpose.trim() || undefined });
      onCreated(plan);
      setTitle('');
      setPurpose('');
      setTouched(false);
      setServerErrors({});
      setNotice({ kind: 'ok', text: t('plans.create.created', { title: plan.title }) });
    } catch (err) {
      if (err instanceof ApiError && err.fieldErrors.length > 0) {
        setServerErrors(Object.fromEntries(err.fieldErrors.map((e) => [e.field, e.reason])));
      }
      setNotice({ kind: 'error', text: t('plans.create.failed', { message: (err as Error).message }) });
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <section aria-labelledby={`${ids}-heading`} className="panel">
      <h2 id={`${ids}-heading`}>{t('plans.create.heading')}</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor={`${ids}-title`}>{t('plans.create.title')}</label>
          <p id={`${ids}-title-hint`} className="hint">
            {t('plans.create.titleHint')}
          </p>
          <input
            id={`${ids}-title`}
            name="title"
            value={title}
            required
            maxLength={PLAN_TITLE_MAX + 50}
            aria-invalid={titleError ? true : undefined}
            aria-describedby={`${ids}-title-hint${titleError ? ` ${ids}-title-error` : ''}`}
            onChange={(e) => {
              setTitle(e.target.value);
              setTouched(true);
              setServerErrors(({ title: _dropped, ...rest }) => rest);
            }}
          />
          {titleError && (
            <p id={`${ids}-title-error`} className="field-error">
              {titleError}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${ids}-purpose`}>{t('plans.create.purpose')}</label>
          <p id={`${ids}-purpose-hint`} className="hint">
            {t('plans.create.purposeHint')}
          </p>
          <textarea
            id={`${ids}-purpose`}
            name="purpose"
            rows={3}
            value={purpose}
            maxLength={PLAN_PURPOSE_MAX}
            aria-invalid={purposeError ? true : undefined}
            aria-describedby={`${ids}-purpose-hint${purposeError ? ` ${ids}-purpose-error` : ''}`}
            onChange={(e) => {
              setPurpose(e.target.value);
              setServerErrors(({ purpose: _dropped, ...rest }) => rest);
            }}
          />
          {purposeError && (
            <p id={`${ids}-purpose-error`} className="field-error">
              {purposeError}
            </p>
          )}
        </div>
        <button type="submit" disabled={submitting}>
          {submitting ? t('plans.create.submitting') : t('plans.create.submit')}
        </button>
        <div role="status" aria-live="polite" className={notice?.kind === 'error' ? 'error' : 'success'}>
          {notice?.text}
        </div>
      </form>
    </section>
  );
}
