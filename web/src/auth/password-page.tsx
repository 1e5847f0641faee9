import { FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';
import { authApi } from './auth-api';
import { loginErrorText } from './login-page';
import { NewPasswordFields } from './new-password-fields';

/** The signed-in user's own password: the current one, then the new one twice. Other sessions end. */
export function PasswordPage() {
  const { t } = useTranslation();
  const ids = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeated, setRepeated] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setDone(false);
    if (next !== repeated) return setError(t('invitation.mismatch'));
    setBusy(true);
    try {
      await authApi.changePassword({ currentPassword: current, newPassword: next });
      setDone(true);
      setCurrent('');
      setNext('');
      setRepeated('');
    } catch (err) {
      setError(err instanceof ApiError && err.fieldErrors.length ? err.fieldErrors.map((e) => e.reason).join(' ') : loginErrorText(t, err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel login" aria-labelledby={`${ids}-heading`}>
      <h1 id={`${ids}-heading`}>{t('password.heading')}</h1>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor={`${ids}-current`}>{t('password.current')}</label>
          <input
            id={`${ids}-current`}
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
            required
          />
        </div>
        <NewPasswordFields label={t('password.new')} value={next} repeated={repeated} onChange={setNext} onRepeatedChange={setRepeated} />
        <button type="submit" disabled={busy}>
          {t('password.submit')}
        </button>
        <div role="alert" className="error">
          {error}
        </div>
        <p role="status">{done ? t('password.changed') : ''}</p>
      </form>
      <p>
        <a href="#/">{t('password.back')}</a>
      </p>
    </section>
  );
}
