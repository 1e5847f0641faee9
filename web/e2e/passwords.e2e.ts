import { APIRequestContext, expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe';
import { DEMO, logIn } from './session';

/** A new member of the demo organisation, by invitation, and the admin's session. */
async function newMember(request: APIRequestContext, password: string): Promise<{ email: string; userId: string; admin: { authorization: string } }> {
  const login = await request.post('/api/auth/login', { data: { email: DEMO.admin, password: DEMO.password } });
  const admin = { authorization: `Bearer ${(await login.json()).token}` };
  const email = `losenord-${Date.now()}@demo.tillit.se`;
  const { token } = await (await request.post('/api/invitations', { headers: admin, data: { email, role: 'viewer' } })).json();
  const accepted = await request.post('/api/invitations/accept', { data: { token, displayName: 'Lo Lösenord', password } });
  expect(accepted.status()).toBe(200);
  return { email, userId: (await accepted.json()).user.id, admin };
}

test('a member changes their password in the web, and a reset link sets a new one', async ({ page, request }) => {
  const { email, userId, admin } = await newMember(request, 'Lo har ett första lösenord');
  await logIn(page, email, 'Lo har ett första lösenord');
  await page.getByRole('link', { name: 'Byt lösenord' }).click();
  await expect(page.getByRole('heading', { name: 'Byt lösenord' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel('Nuvarande lösenord').fill('Lo har ett första lösenord');
  await page.getByLabel('Nytt lösenord', { exact: true }).fill('password1234');
  await page.getByLabel('Upprepa lösenordet').fill('password1234');
  await page.getByRole('button', { name: 'Byt lösenord' }).click();
  await expect(page.getByText('Lösenordet är för vanligt eller lätt att gissa.', { exact: false })).toBeVisible();
  await page.getByLabel('Nytt lösenord', { exact: true }).fill('Lo byter till ett andra lösenord');
  await page.getByLabel('Upprepa lösenordet').fill('Lo byter till ett andra lösenord');
  await page.getByRole('button', { name: 'Byt lösenord' }).click();
  await expect(page.getByText('Lösenordet är bytt.', { exact: false })).toBeVisible();

  const issued = await request.post(`/api/users/${userId}/password-reset`, { headers: admin });
  expect(issued.status()).toBe(201);
  await page.goto(`/#/reset-password/${(await issued.json()).token}`);
  await expect(page.getByText(`Nytt lösenord för ${email}.`)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel('Nytt lösenord', { exact: true }).fill('Lo fick ett tredje lösenord');
  await page.getByLabel('Upprepa lösenordet').fill('Lo fick ett tredje lösenord');
  await page.getByRole('button', { name: 'Spara det nya lösenordet' }).click();
  await expect(page.getByText('Lösenordet är sparat', { exact: false })).toBeVisible();
  await logIn(page, email, 'Lo fick ett tredje lösenord');
});
