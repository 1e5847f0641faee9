import { renderHook, waitFor } from '@testing-library/react';
import { EXAMPLE_PLAN } from '@tillit/domain';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../i18n/i18n';
import { usePlanAnalysis } from './use-plan-analysis';

const META = { id: 'p', title: 'Tillitsresan', purpose: '', status: 'draft', version: 1, createdAt: '', updatedAt: '' };
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe(usePlanAnalysis.name, () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(async () => {
    await i18n.changeLanguage('sv');
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
  });
  const path = (input: Parameters<typeof fetch>[0]) => new URL(input instanceof Request ? input.url : String(input), 'http://localhost').pathname;

  it('has the plan read and analysed by the engine, which answers questions about it', async () => {
    fetchMock.mockImplementation((input) => Promise.resolve(path(input).endsWith('/export') ? json(200, EXAMPLE_PLAN) : json(200, META)));
    const { result } = renderHook(() => usePlanAnalysis('p'));
    await waitFor(() => expect(result.current.state).toBe('ready'), { timeout: 5000 });
    if (result.current.state !== 'ready') throw new Error('not ready');
    expect(result.current.plan.title).toBe(EXAMPLE_PLAN.title);
    const page = await result.current.analysis.ask({ kind: 'findings', stageIndex: 4, offset: 0, limit: 10 });
    expect(page?.total).toBe(result.current.analysis.summary.groups.find((g) => g.stageIndex === 4)?.total);
  });

  it('says in the user’s words when the plan cannot be read', async () => {
    fetchMock.mockImplementation((input) =>
      Promise.resolve(path(input).endsWith('/export') ? json(404, { code: 'not_found', message: 'Plan p not found' }) : json(200, META)),
    );
    const { result } = renderHook(() => usePlanAnalysis('p'));
    await waitFor(() => expect(result.current.state).toBe('failed'), { timeout: 5000 });
    expect(result.current.state === 'failed' && result.current.message).toBe(i18n.t('apiErrors.code.not_found'));
  });
});
