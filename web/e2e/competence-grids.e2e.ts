import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe';
import { copyOfDemo, openPlan, openTab } from './demo-plan';
import { DEMO, logIn } from './session';

test('HR sets levels in the holdings and requirements grids, one cell at a time, and reads an assessment’s trail', async ({ page, request }) => {
  const planId = await copyOfDemo(request, 'Rutnät: kompetens');
  await logIn(page, DEMO.hr);
  await openPlan(page, planId, 'Rutnät: kompetens');
  await openTab(page, 'Kompetens');

  // An assessment first, in the catalogue's holdings editor: how, by whom, when, until when.
  await page.getByRole('tab', { name: 'Katalog, innehav och insatser' }).click();
  const holdings = page.getByRole('table', { name: 'Kompetens i nuläget' });
  await holdings.getByRole('button', { name: 'Ändra Socialchef: Arbetsrätt och arbetsmiljö' }).click();
  const edit = page.getByRole('form', { name: 'Ändra Socialchef: Arbetsrätt och arbetsmiljö' });
  await edit.getByLabel('Bedömd genom').selectOption({ label: 'Test eller certifikat' });
  await edit.getByLabel('Bedömd av').fill('Arbetsrättsjurist Eva Ek');
  await edit.getByLabel('Bedömningsdatum').fill('2026-03-01');
  await edit.getByLabel('Gäller till').fill('2026-01-01');
  await edit.getByRole('button', { name: 'Spara' }).click();
  // An expiry before the assessment is refused on its field, in Swedish.
  await expect(edit.getByText('Får inte vara före bedömningsdatumet.')).toBeVisible();
  await edit.getByLabel('Gäller till').fill('2029-03-01');
  await edit.getByRole('button', { name: 'Spara' }).click();
  await expect(holdings.getByRole('row', { name: /Socialchef/ }).filter({ hasText: 'Arbetsrätt och arbetsmiljö' })).toContainText(
    'Test eller certifikat, Arbetsrättsjurist Eva Ek, 2026-03-01, gäller till 2029-03-01',
  );

  // The holdings grid: a level set in place is saved at once and is there after a reload.
  await page.getByRole('tab', { name: 'Innehav', exact: true }).click();
  const cell = page.getByRole('combobox', { name: 'Arbetsrätt och arbetsmiljö för Socialchef' });
  await expect(cell).toHaveValue('4');
  await cell.selectOption('3');
  await expect(page.getByText('Sparat: Arbetsrätt och arbetsmiljö för Socialchef.')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await cell.focus();
  await page.getByRole('button', { name: 'Visa historik' }).click();
  const trail = page.getByRole('list', { name: 'Historik' });
  await expect(trail.getByRole('listitem')).toHaveCount(3);
  await expect(trail.getByRole('listitem').last()).toContainText('3 – god (Test eller certifikat, Arbetsrättsjurist Eva Ek, 2026-03-01');

  // The requirements grid: HR sets what a decision area requires.
  await page.getByRole('tab', { name: 'Kompetenskrav' }).click();
  await page.getByLabel('Filtrera rader').fill('1.7');
  const requirement = page.getByRole('combobox', { name: /^Tillitsbaserat ledarskap som 1\.7 / });
  await expect(requirement).toHaveValue('');
  await requirement.selectOption('2');
  await expect(page.getByText(/^Sparat: Tillitsbaserat ledarskap som 1\.7 /)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.reload();
  await openTab(page, 'Kompetens');
  await page.getByRole('tab', { name: 'Innehav', exact: true }).click();
  await expect(page.getByRole('combobox', { name: 'Arbetsrätt och arbetsmiljö för Socialchef' })).toHaveValue('3');
  await page.getByRole('tab', { name: 'Kompetenskrav' }).click();
  await page.getByLabel('Filtrera rader').fill('1.7');
  await expect(page.getByRole('combobox', { name: /^Tillitsbaserat ledarskap som 1\.7 / })).toHaveValue('2');
});
