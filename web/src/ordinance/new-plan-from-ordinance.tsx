import { PLAN_TITLE_MAX, PlanResponse } from '@tillit/contract';
import { FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';
import { plansApi } from '../plans/plans-api';
import { OrdinanceWizard } from './ordinance-wizard';

/** "Ny plan från delegationsordning": a title creates the plan, then the import wizard reads the file into its baseline. */
export function NewPlanFromOrdinance({ onCreated }: { onCreated: (plan: PlanResponse) => void }) {
  const { t } = useTranslation();
  const ids = useId();
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [plan, setPlan] = useState<PlanResponse | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const trimmed = title.trim();
    if (!trimmed) return setError(t('validation.required'));
    if (trimmed.length > PLAN_TITLE_MAX) return setError(t('validation.tooLong', { max: PLAN_TITLE_MAX }));
    setSubmitting(true);
    setFailed(null);
    try {
      const created = await plansApi.create({ title: trimmed });
      onCreated(created);
      setPlan(created);
    } catch (err) {
      if (err instanceof ApiError && err.fieldError('title')) setError(err.fieldError('title') ?? null);
      else setFailed(t('plans.create.failed', { message: (err as Error).message }));
    } finally {
      setSubmitting(false);
    }
  }

  if (plan) {
    return (
      <div className="new-plan-import">
        <p className="note">{t('ordinance.newPlan.for', { title: plan.title })}</p>
        <OrdinanceWizard planId={plan.id} planActors={[]} />
      </div>
    );
  }
  return (
    <section aria-labelledby={`${ids}-heading`} className="panel">
      <h2 id={`${ids}-heading`}>{t('ordinance.newPlan.heading')}</h2>
      <p>{t('ordinance.newPlan.intro')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor={`${ids}-title`}>{t('ordinance.newPlan.title')}</label>
          <input
            id={`${ids}-title`}
            value={title}
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${ids}-title-error` : undefined}
            onChange={(e) => {
              setTitle(e.target.value);
              setError(null);
            }}
          />
          {error && (
            <p id={`${ids}-title-error`} className="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <button type="submit" disabled={submitting}>
          {t('ordinance.newPlan.submit')}
        </button>
        {failed && (
          <p role="alert" className="error">
            {failed}
          </p>
        )}
      </form>
    </section>
  );
}
