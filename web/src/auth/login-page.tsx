import { ErrorCode, MembershipResponse } from '@tillit/contract';
import { FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';
import { authApi } from './auth-api';
import { session } from './session';

/** The message for a refused login, by its status. */
export function loginErrorText(t: (key: string) => string, err: unknown): string {
  const status = err instanceof ApiError ? err.status : 0;
  return status === 401 ? t('login.wrong') : status === 429 ? t('login.tooMany') : status === 400 ? t('login.invalid') : t('login.failed');
}

export function LoginPage() {
  const { t } = useTranslation();
  const ids = useId();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** Set when the account belongs to several organisations: the person picks one, then logs in to it. */
  const [choices, setChoices] = useState<MembershipResponse[] | null>(null);
  const [organisationId, setOrganisationId] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      session.set(await authApi.login({ email: email.trim(), password, ...(choices && organisationId && { organisationId }) }));
    } catch (err) {
      if (err instanceof ApiError && err.code === ErrorCode.OrganisationRequired && err.memberships?.length) {
        setChoices(err.memberships);
        setOrganisationId(err.memberships[0].organisationId);
      } else {
        setError(loginErrorText(t, err));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel login" aria-labelledby={`${ids}-heading`}>
      <h1 id={`${ids}-heading`}>{t('login.heading')}</h1>
      <p className="lead">{t('login.intro')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor={`${ids}-email`}>{t('login.email')}</label>
          <input
            id={`${ids}-email`}
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => {
              setEmail(e.target.value);
              setChoices(null);
            }}
            required
          />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-password`}>{t('login.password')}</label>
          <input
            id={`${ids}-password`}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </div>
        {choices && (
          <fieldset className="field organisation-choice">
            <legend>{t('login.chooseOrganisation')}</legend>
            {choices.map((m) => (
              <label key={m.organisationId} className="choice">
                <input
                  type="radio"
                  name={`${ids}-organisation`}
                  value={m.organisationId}
                  checked={organisationId === m.organisationId}
                  onChange={() => setOrganisationId(m.organisationId)}
                />{' '}
                {t('login.organisationAs', { organisation: m.organisationName, role: t(`roles.${m.role}`) })}
              </label>
            ))}
          </fieldset>
        )}
        <button type="submit" disabled={busy}>
          {busy ? t('login.busy') : choices ? t('login.continue') : t('login.submit')}
        </button>
        <div role="alert" className="error">
          {error}
        </div>
      </form>
      <p className="hint">{t('login.demo')}</p>
    </section>
  );
}
