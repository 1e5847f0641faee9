import { InvitationPreviewResponse, PASSWORD_MAX, PASSWORD_MIN } from '@tillit/contract';
import { FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';
import { authApi } from './auth-api';
import { loginErrorText } from './login-page';
import { session } from './session';
import { NewPasswordFields } from './new-password-fields';

type Loaded = { state: 'loading' } | { state: 'invalid' } | { state: 'failed' } | { state: 'ready'; invitation: InvitationPreviewResponse };

/**
 * An invitation link's page: who invites, to which role. A new person chooses a name and a password; someone
 * with an account gives its password. Either way they land, signed in, in the inviting organisation.
 */
export function InvitationPage({ token }: { token: string }) {
  const { t, i18n } = useTranslation();
  const ids = useId();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [displayName, setDisplayName] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [password, setPassword] = useState('');
  const [newError, setNewError] = useState<string | null>(null);
  const [existingError, setExistingError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    authApi.previewInvitation(token).then(
      (invitation) => live && setLoaded({ state: 'ready', invitation }),
      (err: unknown) => live && setLoaded({ state: err instanceof ApiError && err.status === 404 ? 'invalid' : 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [token]);

  async function accept(body: { password: string; displayName?: string }, onError: (text: string) => void) {
    setBusy(true);
    try {
      session.set(await authApi.acceptInvitation({ token, ...body }));
      window.location.hash = '#/';
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) setLoaded({ state: 'invalid' });
      else if (err instanceof ApiError && err.status === 400 && err.fieldErrors.length) onError(err.fieldErrors.map((e) => e.reason).join(' '));
      else onError(loginErrorText(t, err));
    } finally {
      setBusy(false);
    }
  }

  function createAccount(event: FormEvent) {
    event.preventDefault();
    setNewError(null);
    if (!displayName.trim()) return setNewError(t('invitation.nameRequired'));
    if (newPassword.length < PASSWORD_MIN || newPassword.length > PASSWORD_MAX)
      return setNewError(t('apiErrors.field.length', { minimum: PASSWORD_MIN, maximum: PASSWORD_MAX }));
    if (newPassword !== repeated) return setNewError(t('invitation.mismatch'));
    void accept({ displayName: displayName.trim(), password: newPassword }, setNewError);
  }

  function signInAndAccept(event: FormEvent) {
    event.preventDefault();
    setExistingError(null);
    void accept({ password }, setExistingError);
  }

  return (
    <section className="panel login" aria-labelledby={`${ids}-heading`}>
      <h1 id={`${ids}-heading`}>{t('invitation.heading')}</h1>
      {loaded.state === 'loading' && <p role="status">{t('invitation.loading')}</p>}
      {loaded.state === 'invalid' && (
        <p role="alert" className="error">
          {t('invitation.invalid')}
        </p>
      )}
      {loaded.state === 'failed' && (
        <p role="alert" className="error">
          {t('invitation.failed')}
        </p>
      )}
      {loaded.state === 'ready' && (
        <>
          <p className="lead">
            {t('invitation.intro', {
              organisation: loaded.invitation.organisationName,
              email: loaded.invitation.email,
              role: t(`roles.${loaded.invitation.role}`),
              date: new Date(loaded.invitation.expiresAt).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'sv-SE'),
            })}
          </p>
          <h2 id={`${ids}-new`}>{t('invitation.newHeading')}</h2>
          <form aria-labelledby={`${ids}-new`} onSubmit={createAccount} noValidate>
            <div className="field">
              <label htmlFor={`${ids}-name`}>{t('invitation.displayName')}</label>
              <input id={`${ids}-name`} autoComplete="name" value={displayName} onChange={(e) => setDisplayName(e.target.value)} required />
            </div>
            <NewPasswordFields
              label={t('invitation.newPassword')}
              value={newPassword}
              repeated={repeated}
              onChange={setNewPassword}
              onRepeatedChange={setRepeated}
            />
            <button type="submit" disabled={busy}>
              {t('invitation.create')}
            </button>
            <div role="alert" className="error">
              {newError}
            </div>
          </form>
          <h2 id={`${ids}-existing`}>{t('invitation.existingHeading')}</h2>
          <form aria-labelledby={`${ids}-existing`} onSubmit={signInAndAccept} noValidate>
            <p>{t('invitation.existingIntro', { email: loaded.invitation.email })}</p>
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
              {t('invitation.signInAndAccept')}
            </button>
            <div role="alert" className="error">
              {existingError}
            </div>
          </form>
        </>
      )}
    </section>
  );
}
