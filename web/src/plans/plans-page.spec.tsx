import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { PlanResponse } from '@tillit/contract';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../i18n/i18n';
import { PlansPage } from './plans-page';

function aPlan(overrides: Partial<PlanResponse> = {}): PlanResponse {
  return {
    id: crypto.randomUUID(),
    title: 'Tillitsresan',
    purpose: '',
    status: 'draft',
    version: 1,
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-01T10:00:00.000Z',
    ...overrides,
  };
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function renderPage() {
  return render(
    <I18nextProvider i18n={i18n}>
      <PlansPage />
    </I18nextProvider>,
  );
}

describe(PlansPage.name, () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(async () => {
    await i18n.changeLanguage('sv');
    vi.stubGlobal('fetch', fetchMock);
  });

  afterEach(() => {
    fetchMock.mockReset();
    vi.unstubAllGlobals();
  });

  it('lists the plans with their status in Swedish', async () => {
    fetchMock.mockResolvedValueOnce(json(200, [aPlan({ title: 'Socialtjänsten' })]));
    renderPage();
    const list = await screen.findByRole('list', { name: 'Organisationens införandeplaner' });
    expect(within(list).getByRole('heading', { name: 'Socialtjänsten' })).toBeTruthy();
    expect(within(list).getByText('Utkast')).toBeTruthy();
  });

  it('shows the title error while typing, before anything is sent', async () => {
    fetchMock.mockResolvedValueOnce(json(200, []));
    renderPage();
    await screen.findByText(/Det finns inga planer/);
    const title = screen.getByLabelText('Titel');
    fireEvent.change(title, { target: { value: 'a' } });
    fireEvent.change(title, { target: { value: '  ' } });
    expect(screen.getByText('Fyll i en titel.')).toBeTruthy();
    expect(title.getAttribute('aria-invalid')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Skapa plan' }));
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('creates a plan and adds it to the list', async () => {
    fetchMock.mockResolvedValueOnce(json(200, []));
    renderPage();
    await screen.findByText(/Det finns inga planer/);
    fetchMock.mockResolvedValueOnce(json(201, aPlan({ title: 'Ny plan' })));
    fireEvent.change(screen.getByLabelText('Titel'), { target: { value: 'Ny plan' } });
    fireEvent.click(screen.getByRole('button', { name: 'Skapa plan' }));
    expect(await screen.findByRole('heading', { name: 'Ny plan' })).toBeTruthy();
    expect(screen.getByText('Planen ”Ny plan” skapades.')).toBeTruthy();
    const [, init] = fetchMock.mock.calls[1];
    expect(JSON.parse(String(init?.body))).toEqual({ title: 'Ny plan' });
  });

  it("shows the API's field error on the field", async () => {
    fetchMock.mockResolvedValueOnce(json(200, []));
    renderPage();
    await screen.findByText(/Det finns inga planer/);
    fetchMock.mockResolvedValueOnce(
      json(400, {
        statusCode: 400,
        code: 'validation_failed',
        message: 'Invalid input',
        errors: [{ field: 'purpose', code: 'too_long', params: { maximum: 4000 }, reason: 'must be shorter than or equal to 4000 characters' }],
      }),
    );
    fireEvent.change(screen.getByLabelText('Titel'), { target: { value: 'Plan' } });
    fireEvent.click(screen.getByRole('button', { name: 'Skapa plan' }));
    await waitFor(() => expect(screen.getByLabelText('Syfte').getAttribute('aria-invalid')).toBe('true'));
    // The code in Swedish, never the server's English sentence.
    expect(screen.getByText('Högst 4000 tecken.')).toBeTruthy();
    expect(screen.queryByText(/shorter than/)).toBeNull();
  });

  it('switches to English', async () => {
    fetchMock.mockResolvedValueOnce(json(200, []));
    await i18n.changeLanguage('en');
    renderPage();
    expect(await screen.findByText(/There are no plans yet/)).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Rollout plans' })).toBeTruthy();
  });
});

describe('PlansPage for a read-only role', () => {
  it('offers no way to create a plan', async () => {
    const fetchMock = vi.fn<typeof fetch>().mockResolvedValueOnce(json(200, [aPlan({ title: 'Läsbar' })]));
    vi.stubGlobal('fetch', fetchMock);
    await i18n.changeLanguage('sv');
    render(
      <I18nextProvider i18n={i18n}>
        <PlansPage canWrite={false} />
      </I18nextProvider>,
    );
    expect(await screen.findByRole('heading', { name: 'Läsbar' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Skapa plan' })).toBeNull();
    expect(screen.getByText(/kan läsa planerna men inte skapa/)).toBeTruthy();
    vi.unstubAllGlobals();
  });
});
