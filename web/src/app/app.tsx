import { allows } from '@tillit/contract';
import { useTranslation } from 'react-i18next';
import { AdminPage } from '../admin/admin-page';
import { authApi } from '../auth/auth-api';
import { InvitationPage } from '../auth/invitation-page';
import { LoginPage } from '../auth/login-page';
import { OrganisationSwitch } from '../auth/organisation-switch';
import { PasswordPage } from '../auth/password-page';
import { ResetPasswordPage } from '../auth/reset-password-page';
import { session, useSession } from '../auth/session';
import { LANGUAGES } from '../i18n/i18n';
import { PlanPage } from '../plan/plan-page';
import { PlansPage } from '../plans/plans-page';
import { hrefOf, useRoute } from '../routing/use-route';

export function App() {
  const { t, i18n } = useTranslation();
  const current = useSession();
  const route = useRoute();

  async function logout() {
    try {
      await authApi.logout();
    } finally {
      session.set(null);
    }
  }

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <div className="header-tools">
          {current && (
            <p className="signed-in">
              {t('app.signedInAs', {
                name: current.user.displayName,
                role: t(`roles.${current.organisation.role}`),
                organisation: current.organisation.organisationName,
              })}
            </p>
          )}
          {current && current.memberships.length > 1 && <OrganisationSwitch current={current} />}
          <div className="language">
            <label htmlFor="language-select">{t('app.language')}</label>
            <select id="language-select" value={i18n.language} onChange={(e) => void i18n.changeLanguage(e.target.value)}>
              {LANGUAGES.map((l) => (
                <option key={l.code} value={l.code} lang={l.code}>
                  {l.label}
                </option>
              ))}
            </select>
          </div>
          {current && allows('user.manage', current.organisation.role) && (
            <a
              className="header-link"
              href={hrefOf({ page: 'admin', section: 'members' })}
              aria-current={route.page === 'admin' ? 'page' : undefined}
            >
              {t('app.admin')}
            </a>
          )}
          {current && (
            <a className="header-link" href="#/account/password">
              {t('app.changePassword')}
            </a>
          )}
          {current && (
            <button type="button" className="secondary" onClick={() => void logout()}>
              {t('app.logout')}
            </button>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {route.page === 'invitation' ? (
          <InvitationPage token={route.token} />
        ) : route.page === 'reset-password' ? (
          <ResetPasswordPage token={route.token} />
        ) : !current ? (
          <LoginPage />
        ) : route.page === 'admin' && allows('user.manage', current.organisation.role) ? (
          <AdminPage section={route.section} selfId={current.user.id} />
        ) : route.page === 'password' ? (
          <PasswordPage />
        ) : route.page === 'plan' ? (
          <PlanPage key={route.planId} planId={route.planId} tab={route.tab} focus={route.focus} />
        ) : (
          <PlansPage canWrite={['admin', 'change_lead'].includes(current.organisation.role)} />
        )}
      </main>
    </>
  );
}
