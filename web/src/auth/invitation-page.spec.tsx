import { fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../i18n/i18n';
import { InvitationPage } from './invitation-page';
import { session } from './session';

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

const TOKEN = 'Zm9vYmFyYmF6cXV4cXV1eF9fLS1mb29iYXJiYXpxdXg';
const PREVIEW = { organisationName: 'Norrby kommun', role: 'hr', email: 'ny@norrby.se', expiresAt: '2030-01-08T12:00:00.000Z' };
const SESSION = {
  token: 'tok',
  expiresAt: '2030-01-01T00:00:00.000Z',
  user: { id: 'u', email: 'ny@norrby.se', displayName: 'Ny Person' },
  organisation: { organisationId: 'o', organisationName: 'Norrby kommun', role: 'hr' },
  memberships: [{ organisationId: 'o', organisationName: 'Norrby kommun', role: 'hr' }],
};

describe(InvitationPage.name, () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(async () => {
    await i18n.changeLanguage('sv');
    vi.stubGlobal('fetch', fetchMock);
    session.set(null);
    window.location.hash = `#/invitation/${TOKEN}`;
  });

  afterEach(() => {
    fetchMock.mockReset();
    vi.unstubAllGlobals();
    session.set(null);
  });

  const show = () =>
    render(
      <I18nextProvider i18n={i18n}>
        <InvitationPage token={TOKEN} />
      </I18nextProvider>,
    );

  it('says who invites to which role, and a new person creates an account and lands signed in', async () => {
    fetchMock.mockResolvedValueOnce(json(200, PREVIEW));
    show();
    expect(await screen.findByText('Norrby kommun bjuder in ny@norrby.se som HR. Inbjudan gäller till och med 2030-01-08.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Ditt namn'), { target: { value: ' Ny Person ' } });
    fireEvent.change(screen.getByLabelText('Välj ett lösenord'), { target: { value: 'ett långt lösenord' } });
    fireEvent.change(screen.getByLabelText('Upprepa lösenordet'), { target: { value: 'ett långt lösenord' } });
    fetchMock.mockResolvedValueOnce(json(200, SESSION));
    fireEvent.click(screen.getByRole('button', { name: 'Skapa konto och gå med' }));
    await vi.waitFor(() => expect(session.get()?.token).toBe('tok'));
    expect(JSON.parse(String(fetchMock.mock.calls[1][1]?.body))).toEqual({ token: TOKEN, displayName: 'Ny Person', password: 'ett långt lösenord' });
    expect(window.location.hash).toBe('#/');
  });

  it('checks that the two passwords are the same before sending', async () => {
    fetchMock.mockResolvedValueOnce(json(200, PREVIEW));
    show();
    fireEvent.change(await screen.findByLabelText('Ditt namn'), { target: { value: 'Ny' } });
    fireEvent.change(screen.getByLabelText('Välj ett lösenord'), { target: { value: 'ett långt lösenord' } });
    fireEvent.change(screen.getByLabelText('Upprepa lösenordet'), { target: { value: 'ett annat lösenord' } });
    fireEvent.click(screen.getByRole('button', { name: 'Skapa konto och gå med' }));
    expect(await screen.findByText('Lösenorden är inte lika.')).toBeTruthy();
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('lets someone with an account accept with its password, and says so in Swedish when it is wrong', async () => {
    fetchMock.mockResolvedValueOnce(json(200, PREVIEW));
    show();
    fireEvent.change(await screen.findByLabelText('Lösenord'), { target: { value: 'fel lösenord, helt fel' } });
    fetchMock.mockResolvedValueOnce(json(401, { statusCode: 401, code: 'unauthenticated', message: 'Wrong e-mail or password' }));
    fireEvent.click(screen.getByRole('button', { name: 'Logga in och gå med' }));
    expect(await screen.findByText('Fel e-postadress eller lösenord.')).toBeTruthy();
    expect(JSON.parse(String(fetchMock.mock.calls[1][1]?.body))).toEqual({ token: TOKEN, password: 'fel lösenord, helt fel' });
    expect(session.get()).toBeNull();
  });

  it('shows the API’s field error in Swedish when the address already has an account', async () => {
    fetchMock.mockResolvedValueOnce(json(200, PREVIEW));
    show();
    fireEvent.change(await screen.findByLabelText('Ditt namn'), { target: { value: 'Ny' } });
    fireEvent.change(screen.getByLabelText('Välj ett lösenord'), { target: { value: 'ett långt lösenord' } });
    fireEvent.change(screen.getByLabelText('Upprepa lösenordet'), { target: { value: 'ett långt lösenord' } });
    fetchMock.mockResolvedValueOnce(
      json(400, {
        statusCode: 400,
        code: 'validation_failed',
        message: 'Invalid input',
        errors: [{ field: 'displayName', code: 'account_exists', reason: 'the address has an account' }],
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Skapa konto och gå med' }));
    expect(await screen.findByText('Adressen har redan ett konto. Logga in med det för att tacka ja.')).toBeTruthy();
  });

  it('says the link no longer works when the API does not know it', async () => {
    fetchMock.mockResolvedValueOnce(json(404, { statusCode: 404, code: 'not_found', message: 'Invitation not found' }));
    show();
    expect(await screen.findByText(/Länken gäller inte längre/)).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
