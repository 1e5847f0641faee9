import { fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../i18n/i18n';
import { PasswordPage } from './password-page';
import { ResetPasswordPage } from './reset-password-page';

function json(status: number, body: unknown): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

const fieldError = (field: string, code: string) =>
  json(400, { statusCode: 400, code: 'validation_failed', message: 'Invalid input', errors: [{ field, code, reason: 'English reason' }] });

describe(PasswordPage.name, () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(async () => {
    await i18n.changeLanguage('sv');
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => {
    fetchMock.mockReset();
    vi.unstubAllGlobals();
  });

  function fill(current: string, next: string, repeated = next) {
    render(
      <I18nextProvider i18n={i18n}>
        <PasswordPage />
      </I18nextProvider>,
    );
    fireEvent.change(screen.getByLabelText('Nuvarande lösenord'), { target: { value: current } });
    fireEvent.change(screen.getByLabelText('Nytt lösenord'), { target: { value: next } });
    fireEvent.change(screen.getByLabelText('Upprepa lösenordet'), { target: { value: repeated } });
    fireEvent.click(screen.getByRole('button', { name: 'Byt lösenord' }));
  }

  it('sends the current and the new password and says it is changed', async () => {
    fetchMock.mockResolvedValueOnce(json(204, null));
    fill('ett långt lösenord', 'Bo byter etapper i Tillit');
    expect(await screen.findByText('Lösenordet är bytt. Du är utloggad överallt utom här.')).toBeTruthy();
    expect(JSON.parse(String(fetchMock.mock.calls[0][1]?.body))).toEqual({
      currentPassword: 'ett långt lösenord',
      newPassword: 'Bo byter etapper i Tillit',
    });
  });

  it.each([
    ['newPassword', 'password_common', 'Lösenordet är för vanligt eller lätt att gissa.'],
    ['newPassword', 'password_contains_email', 'Lösenordet får inte innehålla din e-postadress.'],
    ['currentPassword', 'wrong_password', 'Det nuvarande lösenordet stämmer inte.'],
  ])('shows %s %s in Swedish, never the API’s English', async (field, code, text) => {
    fetchMock.mockResolvedValueOnce(fieldError(field, code));
    fill('ett långt lösenord', 'password1234');
    expect(await screen.findByText(new RegExp(text))).toBeTruthy();
    expect(screen.queryByText(/English reason/)).toBeNull();
  });

  it('checks the repeated password before sending', async () => {
    fill('ett långt lösenord', 'Bo byter etapper i Tillit', 'något annat');
    expect(await screen.findByText('Lösenorden är inte lika.')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe(ResetPasswordPage.name, () => {
  const fetchMock = vi.fn<typeof fetch>();
  const TOKEN = 'Zm9vYmFyYmF6cXV4cXV1eF9fLS1mb29iYXJiYXpxdXg';
  beforeEach(async () => {
    await i18n.changeLanguage('sv');
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => {
    fetchMock.mockReset();
    vi.unstubAllGlobals();
  });

  const show = () =>
    render(
      <I18nextProvider i18n={i18n}>
        <ResetPasswordPage token={TOKEN} />
      </I18nextProvider>,
    );

  it('names the account and sets the new password', async () => {
    fetchMock.mockResolvedValueOnce(json(200, { email: 'hugo@norrby.se' }));
    show();
    expect(await screen.findByText('Nytt lösenord för hugo@norrby.se.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Nytt lösenord'), { target: { value: 'Ett nytt lösenord för Hugo' } });
    fireEvent.change(screen.getByLabelText('Upprepa lösenordet'), { target: { value: 'Ett nytt lösenord för Hugo' } });
    fetchMock.mockResolvedValueOnce(json(204, null));
    fireEvent.click(screen.getByRole('button', { name: 'Spara det nya lösenordet' }));
    expect(await screen.findByText(/Lösenordet är sparat/)).toBeTruthy();
    expect(JSON.parse(String(fetchMock.mock.calls[1][1]?.body))).toEqual({ token: TOKEN, password: 'Ett nytt lösenord för Hugo' });
  });

  it('says the link no longer works when the API does not know it', async () => {
    fetchMock.mockResolvedValueOnce(json(404, { statusCode: 404, code: 'not_found', message: 'not found' }));
    show();
    expect(await screen.findByText(/Länken gäller inte längre/)).toBeTruthy();
  });
});
