import { FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';
import { authApi } from './auth-api';
import { session } from './session';

export function LoginPage() {
  const { t } = useTranslation();
  const ids = useId();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      session.set(await authApi.login({ email: email.trim(), password }));
    } catch (err) {
      const status = err instanceof ApiError ? err.status : 0;
      setError(status === 401 ? t('login.wrong') : status === 429 ? t('login.tooMany') : status === 400 ? t('login.invalid') : t('login.failed'));
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
          <input id={`${ids}-email`} type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required />
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
        <button type="submit" disabled={busy}>
          {busy ? t('login.busy') : t('login.submit')}
        </button>
        <div role="alert" className="error">
          {error}
        </div>
      </form>
      <p className="hint">{t('login.demo')}</p>
    </section>
  );
}
