import { SessionResponse } from '@tillit/contract';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authApi } from './auth-api';
import { session } from './session';

/** For a member of several organisations: moves the session to another one and opens its plan list. */
export function OrganisationSwitch({ current }: { current: SessionResponse }) {
  const { t } = useTranslation();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  async function switchTo(organisationId: string) {
    if (organisationId === current.organisation.organisationId) return;
    setBusy(true);
    setFailed(false);
    try {
      const next = await authApi.switchOrganisation({ organisationId });
      window.location.hash = '#/';
      session.set(next);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="language">
      <label htmlFor={id}>{t('app.organisation')}</label>
      <select id={id} value={current.organisation.organisationId} disabled={busy} onChange={(e) => void switchTo(e.target.value)}>
        {current.memberships.map((m) => (
          <option key={m.organisationId} value={m.organisationId}>
            {m.organisationName}
          </option>
        ))}
      </select>
      {failed && (
        <span role="alert" className="error">
          {t('app.switchFailed')}
        </span>
      )}
    </div>
  );
}
