import { FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';
import { authApi } from './auth-api';
import { session } from './session';
import { NewPasswordFields } from './new-password-fields';

type State = { state: 'loading' } | { state: 'invalid' } | { state: 'failed' } | { state: 'ready'; email: string } | { state: 'done' };

/** A reset link's page: a new password for the account, after which every session of it has ended. */
export function ResetPasswordPage({ token }: { token: string }) {
  const { t } = useTranslation();
  const ids = useId();
  const [state, setState] = useState<State>({ state: 'loading' });
  const [password, setPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    authApi.previewPasswordReset(token).then(
      ({ email }) => live && setState({ state: 'ready', email }),
      (err: unknown) => live && setState({ state: err instanceof ApiError && err.status === 404 ? 'invalid' : 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [token]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (password !== repeated) return setError(t('invitation.mismatch'));
    setBusy(true);
    try {
      await authApi.completePasswordReset({ token, password });
      // Every session of the account has ended, this tab's too if it was the same account.
      session.set(null);
      setState({ state: 'done' });
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) setState({ state: 'invalid' });
      else setError(err instanceof ApiError && err.fieldErrors.length ? err.fieldErrors.map((e) => e.reason).join(' ') : t('invitation.failed'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel login" aria-labelledby={`${ids}-heading`}>
      <h1 id={`${ids}-heading`}>{t('password.resetHeading')}</h1>
      {state.state === 'loading' && <p role="status">{t('invitation.loading')}</p>}
      {state.state === 'invalid' && (
        <p role="alert" className="error">
          {t('password.resetInvalid')}
        </p>
      )}
      {state.state === 'failed' && (
        <p role="alert" className="error">
          {t('invitation.failed')}
        </p>
      )}
      {state.state === 'done' && (
        <p role="status">
          {t('password.resetDone')} <a href="#/">{t('login.submit')}</a>
        </p>
      )}
      {state.state === 'ready' && (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <p>{t('password.resetFor', { email: state.email })}</p>
          <NewPasswordFields label={t('password.new')} value={password} repeated={repeated} onChange={setPassword} onRepeatedChange={setRepeated} />
          <button type="submit" disabled={busy}>
            {t('password.resetSubmit')}
          </button>
          <div role="alert" className="error">
            {error}
          </div>
        </form>
      )}
    </section>
  );
}
