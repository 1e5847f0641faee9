import * as path from 'node:path';
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe';

const artifacts = path.resolve(__dirname, '../../e2e-artifacts');

test.describe('Plans', () => {
  test('a user creates a plan, sees it listed, and it is still there after a reload', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Införandeplaner' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    const title = `Tillitsresan ${Date.now()}`;
    await page.getByLabel('Titel').fill(title);
    await page.getByLabel('Syfte').fill('Flytta beslut närmare medborgarna');
    await page.getByRole('button', { name: 'Skapa plan' }).click();

    await expect(page.getByRole('status').filter({ hasText: `Planen ”${title}” skapades.` })).toBeVisible();
    const list = page.getByRole('list', { name: 'Organisationens införandeplaner' });
    await expect(list.getByRole('heading', { name: title })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: path.join(artifacts, 'plans.png'), fullPage: true });

    await page.reload();
    await expect(page.getByRole('list', { name: 'Organisationens införandeplaner' }).getByRole('heading', { name: title })).toBeVisible();
  });

  test('a blank title is flagged on the field and nothing is sent', async ({ page }) => {
    await page.goto('/');
    const requests: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST') requests.push(r.url());
    });
    await page.getByLabel('Titel').fill('   ');
    await page.getByRole('button', { name: 'Skapa plan' }).click();
    await expect(page.getByText('Fyll i en titel.')).toBeVisible();
    await expect(page.getByLabel('Titel')).toHaveAttribute('aria-invalid', 'true');
    expect(requests).toEqual([]);
    await expectNoSeriousA11yViolations(page);
  });

  test('the interface switches to English and remembers it', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('Språk').selectOption('en');
    await expect(page.getByRole('heading', { level: 1, name: 'Rollout plans' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Rollout plans' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test('the keyboard reaches the skip link first and it moves focus to the content', async ({ page }) => {
    await page.goto('/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Hoppa till innehållet' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
  });
});
