import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { EXAMPLE_PLAN, Plan, planSchema } from '@tillit/domain';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EditorContext } from '../editors/plan-editors';
import { i18n } from '../i18n/i18n';
import { HoldingsGrid, RequirementsGrid } from './competence-grids';

const plan: Plan = planSchema.parse(EXAMPLE_PLAN);
type Call = { method: string; url: string; body: unknown };

/** A fetch that answers from a list of [method, url prefix, status, body] and records every call. */
function fakeFetch(answers: Array<[string, string, number, unknown]>) {
  const calls: Call[] = [];
  const fn = vi.fn((url: string, init: RequestInit) => {
    const method = init.method ?? 'GET';
    calls.push({ method, url, body: init.body ? JSON.parse(String(init.body)) : undefined });
    const at = answers.findIndex(([m, prefix]) => m === method && url.startsWith(prefix));
    const [, , status, body] = at < 0 ? ['', '', 404, { code: 'not_found', message: 'none' }] : answers.splice(at, 1)[0];
    return Promise.resolve(new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
  });
  vi.stubGlobal('fetch', fn);
  return calls;
}

const ctx = (onSaved = vi.fn()): EditorContext => ({ planId: 'p1', plan, canWrite: false, canWriteCompetence: true, onSaved });
const ui = (node: React.ReactNode) => render(<I18nextProvider i18n={i18n}>{node}</I18nextProvider>);

describe('the holdings grid', () => {
  beforeEach(() => i18n.changeLanguage('sv'));
  afterEach(() => vi.unstubAllGlobals());

  it('sends one holding per edit, under its version, keeping its assessment', async () => {
    const holdings = plan.holdings.map((h) => (h.actorId === 'fc' && h.competenceId === 'c-arb' ? { ...h, assessmentMethod: 'test' as const } : h));
    const calls = fakeFetch([
      ['GET', '/api/plans/p1/holdings', 200, { version: 7, holdings, versions: holdings.map((_, i) => i + 1) }],
      ['PUT', '/api/plans/p1/holdings/fc/c-arb', 200, { version: 8 }],
    ]);
    const onSaved = vi.fn();
    ui(<HoldingsGrid ctx={ctx(onSaved)} />);
    const cell = await screen.findByRole('combobox', { name: 'Arbetsrätt och arbetsmiljö för Socialchef' });
    expect((cell as HTMLSelectElement).value).toBe('4');
    fireEvent.change(cell, { target: { value: '2' } });
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    const put = calls.find((c) => c.method === 'PUT');
    const at = holdings.findIndex((h) => h.actorId === 'fc' && h.competenceId === 'c-arb');
    expect(put?.body).toEqual({ actorId: 'fc', competenceId: 'c-arb', level: 2, assessmentMethod: 'test', version: at + 1 });
    expect(calls.filter((c) => c.method !== 'GET')).toHaveLength(1);
    expect(screen.getByText(/^Sparat: Arbetsrätt och arbetsmiljö för Socialchef/)).toBeTruthy();
  });

  it('after a conflict says so in Swedish and reads the holdings again', async () => {
    const calls = fakeFetch([
      ['GET', '/api/plans/p1/holdings', 200, { version: 7, holdings: plan.holdings, versions: plan.holdings.map(() => 1) }],
      ['PUT', '/api/plans/p1/holdings/fc/c-arb', 409, { code: 'version_conflict', message: 'Holding was changed', currentVersion: 9 }],
      ['GET', '/api/plans/p1/holdings', 200, { version: 9, holdings: plan.holdings, versions: plan.holdings.map(() => 9) }],
    ]);
    ui(<HoldingsGrid ctx={ctx()} />);
    fireEvent.change(await screen.findByRole('combobox', { name: 'Arbetsrätt och arbetsmiljö för Socialchef' }), { target: { value: '1' } });
    expect(await screen.findByText(/Någon annan har ändrat Arbetsrätt och arbetsmiljö för Socialchef under tiden/)).toBeTruthy();
    await waitFor(() => expect(calls.filter((c) => c.method === 'GET')).toHaveLength(2));
  });

  it('shows the focused holding’s trail on demand', async () => {
    fakeFetch([
      [
        'GET',
        '/api/plans/p1/holdings/fc/c-arb/history',
        200,
        { entries: [{ level: 3, assessmentMethod: 'manager', assessedOn: '2026-01-02', recordedAt: '2026-01-02T10:00:00Z' }] },
      ],
      ['GET', '/api/plans/p1/holdings', 200, { version: 7, holdings: plan.holdings, versions: plan.holdings.map(() => 1) }],
    ]);
    ui(<HoldingsGrid ctx={ctx()} />);
    fireEvent.focus(await screen.findByRole('combobox', { name: 'Arbetsrätt och arbetsmiljö för Socialchef' }));
    fireEvent.click(screen.getByRole('button', { name: 'Visa historik' }));
    const list = await screen.findByRole('list', { name: 'Historik' });
    expect(within(list).getByText(/Chefens bedömning, 2026-01-02/)).toBeTruthy();
  });
});

describe('the requirements grid', () => {
  beforeEach(() => i18n.changeLanguage('sv'));
  afterEach(() => vi.unstubAllGlobals());

  it('sends one requirement per edit under its decision area’s version', async () => {
    const areas = plan.decisionAreas.map((a, i) => ({ ...a, version: 10 + i }));
    const at = areas.findIndex((a) => a.id === 'a-1-7');
    const calls = fakeFetch([
      ['GET', '/api/plans/p1/decision-areas', 200, areas],
      ['PUT', '/api/plans/p1/requirements/a-1-7/c-led', 200, { decisionAreaId: 'a-1-7', competenceId: 'c-led', level: 2, version: 99 }],
    ]);
    const onSaved = vi.fn();
    ui(<RequirementsGrid ctx={ctx(onSaved)} />);
    fireEvent.change(await screen.findByLabelText('Filtrera rader'), { target: { value: '1.7' } });
    const cell = await screen.findByRole('combobox', { name: `Tillitsbaserat ledarskap som 1.7 ${areas[at].title} kräver` });
    expect((cell as HTMLSelectElement).value).toBe('');
    fireEvent.change(cell, { target: { value: '2' } });
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ version: 10 + at, level: 2 });
    expect((cell as HTMLSelectElement).value).toBe('2');
  });
});
