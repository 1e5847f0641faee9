import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { APIRequestContext, expect, Page } from '@playwright/test';
import { DEMO } from './session';

const EXAMPLE = JSON.parse(readFileSync(path.resolve(__dirname, '../../libs/domain/src/examples/socialtjansten.plan.json'), 'utf8'));

/** A copy of the demo plan of its own for each test, imported through the API, so that tests do not meet. */
export async function copyOfDemo(request: APIRequestContext, title: string): Promise<string> {
  const login = await request.post('/api/auth/login', { data: { email: DEMO.changeLead, password: DEMO.password } });
  const { token } = await login.json();
  const res = await request.post('/api/plans/import', { headers: { authorization: `Bearer ${token}` }, data: { ...EXAMPLE, title } });
  expect(res.status()).toBe(201);
  return (await res.json()).id;
}

export async function openPlan(page: Page, planId: string, title: string): Promise<void> {
  await page.goto(`/#/plans/${planId}/overview`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

export async function openTab(page: Page, tab: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Vyer' }).getByRole('link', { name: tab, exact: true }).click();
}
