import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n/i18n';
import { PlansPage } from '../plans/plans-page';

export function App() {
  const { t, i18n } = useTranslation();
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
      </header>
      <main id="main" tabIndex={-1}>
        <PlansPage />
      </main>
    </>
  );
}
