import { fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../i18n/i18n';
import { LoginPage } from './login-page';
import { session } from './session';

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

describe(LoginPage.name, () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(async () => {
    await i18n.changeLanguage('sv');
    vi.stubGlobal('fetch', fetchMock);
    session.set(null);
  });

  afterEach(() => {
    fetchMock.mockReset();
    vi.unstubAllGlobals();
    session.set(null);
  });

  function fillAndSubmit() {
    render(
      <I18nextProvider i18n={i18n}>
        <LoginPage />
      </I18nextProvider>,
    );
    fireEvent.change(screen.getByLabelText('E-postadress'), { target: { value: ' lead@kommun.se ' } });
    fireEvent.change(screen.getByLabelText('Lösenord'), { target: { value: 'ett långt lösenord' } });
    fireEvent.click(screen.getByRole('button', { name: 'Logga in' }));
  }

  it('stores the session on success and sends the trimmed e-mail', async () => {
    const sessionBody = {
      token: 'tok',
      expiresAt: '2030-01-01T00:00:00.000Z',
      user: { id: 'u', email: 'lead@kommun.se', displayName: 'Lead' },
      organisation: { organisationId: 'o', organisationName: 'Kommunen', role: 'change_lead' },
      memberships: [],
    };
    fetchMock.mockResolvedValueOnce(json(200, sessionBody));
    fillAndSubmit();
    await vi.waitFor(() => expect(session.get()?.token).toBe('tok'));
    expect(JSON.parse(String(fetchMock.mock.calls[0][1]?.body))).toEqual({ email: 'lead@kommun.se', password: 'ett långt lösenord' });
  });

  it('says when the e-mail or password is wrong', async () => {
    fetchMock.mockResolvedValueOnce(json(401, { statusCode: 401, code: 'unauthenticated', message: 'Wrong e-mail or password' }));
    fillAndSubmit();
    expect(await screen.findByText('Fel e-postadress eller lösenord.')).toBeTruthy();
    expect(session.get()).toBeNull();
  });

  it('says when there were too many attempts', async () => {
    fetchMock.mockResolvedValueOnce(json(429, { statusCode: 429, code: 'too_many_requests', message: 'Too many' }));
    fillAndSubmit();
    expect(await screen.findByText(/För många inloggningsförsök/)).toBeTruthy();
  });

  it('asks a member of several organisations to pick one, then logs in to it', async () => {
    const memberships = [
      { organisationId: 'o1', organisationName: 'Norrby kommun', role: 'hr' },
      { organisationId: 'o2', organisationName: 'Söderby kommun', role: 'viewer' },
    ];
    fetchMock.mockResolvedValueOnce(json(409, { statusCode: 409, code: 'organisation_required', message: 'Choose', memberships }));
    fillAndSubmit();
    const choice = await screen.findByRole('radio', { name: 'Söderby kommun (som läsare)' });
    expect(session.get()).toBeNull();
    fireEvent.click(choice);
    fetchMock.mockResolvedValueOnce(
      json(200, {
        token: 'tok2',
        expiresAt: '2030-01-01T00:00:00.000Z',
        user: { id: 'u', email: 'lead@kommun.se', displayName: 'Lead' },
        organisation: memberships[1],
        memberships,
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Fortsätt' }));
    await vi.waitFor(() => expect(session.get()?.token).toBe('tok2'));
    expect(JSON.parse(String(fetchMock.mock.calls[1][1]?.body))).toEqual({
      email: 'lead@kommun.se',
      password: 'ett långt lösenord',
      organisationId: 'o2',
    });
  });
});
