import { FormEvent, memo, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ApiError } from '../api/http';
import { apiErrorsOnFields, checkEntity, entityOf, FieldSpec, FieldValue, FormValues, valuesOf, withEdits } from './form-model';

export interface EntityFormProps<S extends z.ZodType> {
  heading: string;
  fields: readonly FieldSpec[];
  /** The plan format's schema: the form checks every keystroke against it, as the API will. */
  schema: S;
  /** The entity being edited (or the defaults of a new one); what no field shows is kept. */
  entity: object;
  submitLabel: string;
  /** Saves; an ApiError's field errors are shown on the fields, a 409 offers the latest version. */
  onSubmit: (value: z.output<S>) => Promise<void>;
  onCancel?: () => void;
  /** After a 409: fetch what the server holds now (and take its version for the next save). */
  onConflict?: () => Promise<object>;
  /** Shape the entity the fields make before it is checked (e.g. derive an id). */
  prepare?: (entity: Record<string, unknown>) => Record<string, unknown>;
}

type Conflict = null | 'open' | 'reloaded';

/**
 * A form over one entity of the plan format: validated as the user types with the same schema the API
 * uses, the API's own field errors shown on the fields, and a conflicting save never lost.
 */
export function EntityForm<S extends z.ZodType>({
  heading,
  fields,
  schema,
  entity,
  submitLabel,
  onSubmit,
  onCancel,
  onConflict,
  prepare,
}: EntityFormProps<S>) {
  const { t } = useTranslation();
  const id = useId();
  const [base, setBase] = useState<object>(entity);
  const [values, setValues] = useState<FormValues>(() => valuesOf(fields, entity));
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string[]>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict>(null);

  const candidate = useMemo(() => {
    const made = entityOf(fields, values, base);
    return prepare ? prepare(made) : made;
  }, [fields, values, base, prepare]);
  const check = useMemo(() => checkEntity(schema, fields, candidate), [schema, fields, candidate]);
  const clientErrors = check.ok ? {} : check.errors;

  const errorsOf = (name: string): string[] => {
    const own = touched.has(name) || submitted ? (clientErrors[name] ?? []).map((e) => t(`form.errors.${e.key}`, e.values ?? {})) : [];
    return [...own, ...(serverErrors[name] ?? [])];
  };

  function change(name: string, value: FieldValue) {
    setValues((v) => ({ ...v, [name]: value }));
    setTouched((s) => (s.has(name) ? s : new Set(s).add(name)));
    setServerErrors((e) => {
      if (!e[name]) return e;
      const { [name]: _, ...rest } = e;
      return rest;
    });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    setFailure(null);
    if (!check.ok) return;
    setBusy(true);
    try {
      await onSubmit(check.value);
      setConflict(null);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) setConflict('open');
      else if (err instanceof ApiError && err.fieldErrors.length > 0) setServerErrors(apiErrorsOnFields(fields, err.fieldErrors));
      else setFailure((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function loadLatest(keepMine: boolean) {
    if (!onConflict) return;
    try {
      const latest = await onConflict();
      // Keep only what this user changed: every other field takes the other person's saved value.
      setValues(keepMine ? withEdits(fields, valuesOf(fields, latest), valuesOf(fields, base), values) : valuesOf(fields, latest));
      setBase(latest);
      setConflict(keepMine ? 'reloaded' : null);
    } catch (err) {
      setFailure((err as Error).message);
    }
  }

  const formErrors = [
    ...(submitted ? (clientErrors.form ?? []).map((e) => t(`form.errors.${e.key}`, e.values ?? {})) : []),
    ...(serverErrors.form ?? []),
  ];
  return (
    <form className="panel entity-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{heading}</h3>
      <div className="form-grid">
        {fields.map((f) => (
          <Field
            key={f.name}
            field={f}
            id={`${id}-${f.name}`}
            value={values[f.name]}
            errors={errorsOf(f.name)}
            onChange={(v) => change(f.name, v)}
            onBlur={() => setTouched((s) => new Set(s).add(f.name))}
          />
        ))}
      </div>
      {formErrors.length > 0 && (
        <ul className="field-error form-errors" aria-label={t('form.problems')}>
          {formErrors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      {conflict === 'open' && (
        <div role="alert" className="conflict">
          <p>{t('form.conflict')}</p>
          <button type="button" onClick={() => void loadLatest(true)}>
            {t('form.reloadKeep')}
          </button>
          <button type="button" className="secondary-dark" onClick={() => void loadLatest(false)}>
            {t('form.reloadDiscard')}
          </button>
        </div>
      )}
      {conflict === 'reloaded' && <p role="status">{t('form.reloaded')}</p>}
      {failure && (
        <p role="alert" className="error">
          {t('form.failed', { message: failure })}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {busy ? t('form.saving') : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="secondary-dark" onClick={onCancel}>
            {t('form.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

function Field({
  field: f,
  id,
  value,
  errors,
  onChange,
  onBlur,
}: {
  field: FieldSpec;
  id: string;
  value: FieldValue;
  errors: string[];
  onChange: (v: FieldValue) => void;
  onBlur: () => void;
}) {
  const { t } = useTranslation();
  const describedBy = [f.hint ? `${id}-hint` : '', errors.length ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = { id, onBlur, 'aria-invalid': errors.length ? true : undefined, 'aria-describedby': describedBy, disabled: f.readOnly };
  let input;
  switch (f.kind) {
    case 'checkbox':
      return (
        <div className="field checkbox">
          <input type="checkbox" {...common} checked={value === true} onChange={(e) => onChange(e.target.checked)} />
          <label htmlFor={id}>{f.label}</label>
          {f.hint && (
            <p id={`${id}-hint`} className="hint">
              {f.hint}
            </p>
          )}
          <Errors id={`${id}-error`} errors={errors} />
        </div>
      );
    case 'levels':
      return (
        <fieldset className="field levels" aria-describedby={describedBy}>
          <legend>{f.label}</legend>
          {f.hint && (
            <p id={`${id}-hint`} className="hint">
              {f.hint}
            </p>
          )}
          {(f.options ?? []).map(([key, text]) => {
            const levels = value as Record<string, string>;
            return (
              <div key={key} className="level-row">
                <label htmlFor={`${id}-${key}`}>{text}</label>
                <select
                  id={`${id}-${key}`}
                  value={levels[key] ?? ''}
                  onChange={(e) => onChange({ ...levels, [key]: e.target.value })}
                  onBlur={onBlur}
                >
                  <option value="">{t('form.levelNone')}</option>
                  {[0, 1, 2, 3, 4].map((l) => (
                    <option key={l} value={l}>
                      {t(`competenceLevels.${l}`)}
                    </option>
                  ))}
                </select>
              </div>
            );
          })}
          <Errors id={`${id}-error`} errors={errors} />
        </fieldset>
      );
    case 'textarea':
      input = <textarea {...common} rows={3} value={value as string} onChange={(e) => onChange(e.target.value)} />;
      break;
    case 'lines':
      input = <textarea {...common} rows={3} value={value as string} onChange={(e) => onChange(e.target.value)} />;
      break;
    case 'select':
      input = (
        <select {...common} value={value as string} onChange={(e) => onChange(e.target.value)}>
          {f.empty !== undefined && <option value="">{f.empty}</option>}
          <Options options={f.options} />
        </select>
      );
      break;
    case 'multi':
      input = (
        <select
          {...common}
          multiple
          size={Math.min(6, Math.max(3, f.options?.length ?? 3))}
          value={value as string[]}
          onChange={(e) => onChange([...e.target.selectedOptions].map((o) => o.value))}
        >
          <Options options={f.options} />
        </select>
      );
      break;
    case 'text':
    case 'integer':
    case 'number':
    case 'date':
      input = (
        <input
          {...common}
          type={f.kind === 'date' ? 'date' : 'text'}
          inputMode={f.kind === 'integer' ? 'numeric' : f.kind === 'number' ? 'decimal' : undefined}
          value={value as string}
          onChange={(e) => onChange(e.target.value)}
        />
      );
  }
  return (
    <div className={`field field-${f.kind}`}>
      <label htmlFor={id}>{f.label}</label>
      {f.hint && (
        <p id={`${id}-hint`} className="hint">
          {f.hint}
        </p>
      )}
      {input}
      <Errors id={`${id}-error`} errors={errors} />
    </div>
  );
}

function Errors({ id, errors }: { id: string; errors: string[] }) {
  if (errors.length === 0) return null;
  return (
    <p id={id} className="field-error">
      {errors.join(' ')}
    </p>
  );
}

/** Memoised: a form drawn again (a stage's draft changed) skips lists of thousands of options that did not. */
const Options = memo(function Options({ options = [] }: { options?: FieldSpec['options'] }) {
  return (
    <>
      {options.map(([v, text]) => (
        <option key={v} value={v}>
          {text}
        </option>
      ))}
    </>
  );
});
