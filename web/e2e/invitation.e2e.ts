import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe';
import { DEMO } from './session';

test('an invited person opens the link, chooses a name and a password, and lands signed in', async ({ page, request }) => {
  const login = await request.post('/api/auth/login', { data: { email: DEMO.admin, password: DEMO.password } });
  const headers = { authorization: `Bearer ${(await login.json()).token}` };
  const email = `inbjuden-${Date.now()}@demo.tillit.se`;
  const invited = await request.post('/api/invitations', { headers, data: { email, role: 'contributor' } });
  expect(invited.status()).toBe(201);
  const { token } = await invited.json();

  await page.goto(`/#/invitation/${token}`);
  await expect(page.getByText(`Exempelkommunen (demo) bjuder in ${email} som medarbetare.`, { exact: false })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel('Ditt namn').fill('Ida Inbjuden');
  await page.getByLabel('Välj ett lösenord').fill('Ett eget lösenord för Ida');
  await page.getByLabel('Upprepa lösenordet').fill('Ett eget lösenord för Ida');
  await page.getByRole('button', { name: 'Skapa konto och gå med' }).click();
  await expect(page.getByText('Inloggad som Ida Inbjuden', { exact: false })).toBeVisible();
  await expect(page).toHaveURL(/#\/$/);

  // The link worked once: opened again, it says so.
  await page.goto(`/#/invitation/${token}`);
  await expect(page.getByText(/Länken gäller inte längre/)).toBeVisible();
});
