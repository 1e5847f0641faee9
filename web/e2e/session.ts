import { expect, Page } from '@playwright/test';

/** The demo accounts the app creates on its first start (README). */
export const DEMO = {
  admin: 'admin@demo.tillit.se',
  changeLead: 'forandringsledare@demo.tillit.se',
  boardMember: 'styrelse@demo.tillit.se',
  hr: 'hr@demo.tillit.se',
  viewer: 'lasare@demo.tillit.se',
  password: 'tillit-demo-2026',
};

export async function logIn(page: Page, email: string, password = DEMO.password): Promise<void> {
  await page.goto('/');
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord').fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByRole('button', { name: 'Logga ut' })).toBeVisible();
}
