import * as path from 'node:path';
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe';
import { DEMO, logIn } from './session';

const artifacts = path.resolve(__dirname, '../../e2e-artifacts');

test.describe('Plans', () => {
  test('the login page is accessible and refuses a wrong password', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel('E-postadress').fill(DEMO.viewer);
    await page.getByLabel('Lösenord').fill('fel lösenord här');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Fel e-postadress eller lösenord.' })).toBeVisible();
  });

  test('a change lead sees the demo plan, creates a plan, and it is still there after a reload', async ({ page }) => {
    await logIn(page, DEMO.changeLead);
    await expect(page.getByRole('heading', { level: 1, name: 'Införandeplaner' })).toBeVisible();
    const list = page.getByRole('list', { name: 'Organisationens införandeplaner' });
    await expect(list.getByRole('heading', { name: 'Tillitsresan i socialtjänsten 2027–2028' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    const title = `Tillitsresan ${Date.now()}`;
    await page.getByLabel('Titel').fill(title);
    await page.getByLabel('Syfte').fill('Flytta beslut närmare medborgarna');
    await page.getByRole('button', { name: 'Skapa plan', exact: true }).click();

    await expect(page.getByRole('status').filter({ hasText: `Planen ”${title}” skapades.` })).toBeVisible();
    await expect(list.getByRole('heading', { name: title })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: path.join(artifacts, 'plans.png'), fullPage: true });

    await page.reload();
    await expect(page.getByRole('list', { name: 'Organisationens införandeplaner' }).getByRole('heading', { name: title })).toBeVisible();
  });

  test('a blank title is flagged on the field and nothing is sent', async ({ page }) => {
    await logIn(page, DEMO.changeLead);
    const requests: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST') requests.push(r.url());
    });
    await page.getByLabel('Titel').fill('   ');
    await page.getByRole('button', { name: 'Skapa plan', exact: true }).click();
    await expect(page.getByText('Fyll i en titel.')).toBeVisible();
    await expect(page.getByLabel('Titel')).toHaveAttribute('aria-invalid', 'true');
    expect(requests).toEqual([]);
    await expectNoSeriousA11yViolations(page);
  });

  test('a board member reads the plans but cannot create one, and logs out', async ({ page }) => {
    await logIn(page, DEMO.boardMember);
    await expect(page.getByRole('heading', { name: 'Tillitsresan i socialtjänsten 2027–2028' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Skapa plan' })).toHaveCount(0);
    await expect(page.getByText(/kan läsa planerna men inte skapa/)).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
  });

  test('the interface switches to English and remembers it', async ({ page }) => {
    await logIn(page, DEMO.viewer);
    await page.getByLabel('Språk').selectOption('en');
    await expect(page.getByRole('heading', { level: 1, name: 'Rollout plans' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Rollout plans' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test('the keyboard reaches the skip link first and it moves focus to the content', async ({ page }) => {
    await page.goto('/');
    // Wait until the app has rendered, or the Tab lands on an empty page.
    await expect(page.getByRole('heading', { level: 1, name: 'Logga in' })).toBeVisible();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Hoppa till innehållet' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
  });
});
