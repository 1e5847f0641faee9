import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe';
import { DEMO, logIn } from './session';

test.use({ viewport: { width: 1280, height: 1000 } });

test('the admin manages roles, reads and exports the audit log and renames the organisation, in Swedish', async ({ page }) => {
  await logIn(page, DEMO.admin);
  await page.getByRole('link', { name: 'Administration' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();

  // Members and roles: the viewer becomes a contributor.
  const members = page.getByRole('table', { name: /medlemmar/ });
  await expect(members.getByRole('rowheader', { name: /\(du\)/ })).toBeVisible();
  const viewerRow = members.getByRole('row').filter({ hasText: DEMO.viewer });
  const viewerName = (await viewerRow.getByRole('rowheader').innerText()).trim();
  await viewerRow.getByRole('combobox', { name: `Roll för ${viewerName}` }).selectOption({ label: 'medarbetare' });
  await expect(page.getByRole('status').filter({ hasText: `${viewerName} är nu medarbetare.` })).toBeVisible();

  // Disabling the account signs them out; enabling lets them in again.
  await viewerRow.getByRole('button', { name: `Stäng av ${viewerName}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `Kontot för ${viewerName} är avstängt` })).toBeVisible();
  await expect(viewerRow).toContainText('Avstängt');
  await viewerRow.getByRole('button', { name: `Aktivera ${viewerName}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `${viewerName} kan logga in igen.` })).toBeVisible();

  // An invitation: a link shown once, pending until revoked.
  const invitations = page.getByRole('region', { name: 'Inbjudningar' });
  const form = invitations.getByRole('form', { name: 'Bjud in en ny medlem' });
  await form.getByRole('button', { name: 'Bjud in' }).click();
  await expect(form.getByText('Skriv personens e-postadress.')).toBeVisible();
  await form.getByLabel('E-postadress').fill('ny.kollega@exempel.se');
  await form.getByLabel('Roll').selectOption({ label: 'HR' });
  await form.getByRole('button', { name: 'Bjud in' }).click();
  const shown = page.getByRole('region', { name: 'Inbjudan till ny.kollega@exempel.se' });
  await expect(shown.getByLabel('Länk')).toHaveValue(/#\/invitation\/[A-Za-z0-9_-]{20,}$/);
  const pending = invitations.getByRole('table', { name: '1 inbjudan väntar' });
  await expect(pending.getByRole('row').filter({ hasText: 'ny.kollega@exempel.se' })).toContainText('HR');
  await expectNoSeriousA11yViolations(page);
  await pending.getByRole('button', { name: 'Återkalla inbjudan till ny.kollega@exempel.se' }).click();
  await expect(invitations.getByRole('status').filter({ hasText: 'Inbjudan till ny.kollega@exempel.se är återkallad.' })).toBeVisible();
  await expect(invitations.getByText('Inga inbjudningar väntar på svar.')).toBeVisible();

  // The audit log, filtered to role changes: who did it and whom it concerns, in words.
  await page.getByRole('link', { name: 'Händelselogg' }).click();
  const filters = page.getByRole('form', { name: 'Filtrera händelseloggen' });
  await filters.getByLabel('Vad').selectOption({ label: 'Ändrade en medlems roll' });
  await filters.getByRole('button', { name: 'Visa händelser' }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 händelse visas.' })).toBeVisible();
  const log = page.getByRole('table', { name: 'Händelser, de senaste först' });
  const row = log.getByRole('row').nth(1);
  await expect(row).toContainText('Alva Admin');
  await expect(row).toContainText('Ändrade en medlems roll');
  await expect(row).toContainText(`Medlem: ${viewerName}`);
  // No action of the demo's log is shown as a code or as "other".
  const actions = await filters.getByLabel('Vad').locator('option').allInnerTexts();
  expect(actions.filter((a) => /[._]|Annan händelse/.test(a))).toEqual([]);
  await expectNoSeriousA11yViolations(page);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ladda ner som CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^handelselogg-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync(await download.path()).toString('utf8');
  expect(csv.startsWith('\uFEFFTid;Vem;Vad;Gäller;Från adress eller klient')).toBe(true);
  expect(csv.trim().split(/\r?\n/)).toHaveLength(2);
  expect(csv).toContain(`Ändrade en medlems roll;Medlem: ${viewerName}`);

  // Every day from tomorrow on holds nothing.
  const tomorrow = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date(Date.now() + 86_400_000));
  await filters.getByLabel('Vad').selectOption({ label: 'Allt' });
  await filters.getByLabel('Från och med').fill(tomorrow);
  await filters.getByRole('button', { name: 'Visa händelser' }).click();
  await expect(page.getByRole('status').filter({ hasText: '0 händelser visas.' })).toBeVisible();

  // The organisation's name, in the header too.
  await page.getByRole('link', { name: 'Organisationen' }).click();
  const name = page.getByLabel('Organisationens namn');
  await expect(name).toHaveValue(/Exempelkommunen/);
  const original = await name.inputValue();
  await name.fill('');
  await page.getByRole('button', { name: 'Spara namnet' }).click();
  await expect(page.getByText('Skriv organisationens namn.')).toBeVisible();
  await name.fill('Exempelkommunen (omdöpt)');
  await page.getByRole('button', { name: 'Spara namnet' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Organisationen heter nu Exempelkommunen (omdöpt).' })).toBeVisible();
  await expect(page.getByText(/i Exempelkommunen \(omdöpt\)/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The other browser tests share the demo: give it back as it was.
  await name.fill(original);
  await page.getByRole('button', { name: 'Spara namnet' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Organisationen heter nu ${original}.` })).toBeVisible();
  await page.getByRole('link', { name: 'Medlemmar och roller' }).click();
  await viewerRow.getByRole('combobox', { name: `Roll för ${viewerName}` }).selectOption({ label: 'läsare' });
  await expect(page.getByRole('status').filter({ hasText: `${viewerName} är nu läsare.` })).toBeVisible();
});

test('no one but the admin sees the administration', async ({ page }) => {
  await logIn(page, DEMO.changeLead);
  await expect(page.getByRole('link', { name: 'Administration' })).toHaveCount(0);
  await page.goto('/#/admin/audit');
  await expect(page.getByRole('heading', { level: 1, name: 'Införandeplaner' })).toBeVisible();
});
