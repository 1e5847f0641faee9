import * as path from 'node:path';
import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe';
import { copyOfDemo, openPlan, openTab } from './demo-plan';
import { DEMO, logIn } from './session';

const artifacts = path.resolve(__dirname, '../../e2e-artifacts');
const CONTRIBUTOR = 'medarbetare@demo.tillit.se';

test.describe('Participation', () => {
  test('an employee comments on the stage that affects their unit, and the change lead answers', async ({ page, request }) => {
    const title = `Delaktighet ${Date.now()}`;
    const planId = await copyOfDemo(request, title);

    await logIn(page, CONTRIBUTOR);
    await openPlan(page, planId, title);
    await openTab(page, 'Delaktighet');
    await expect(page.getByRole('heading', { level: 2, name: 'Delaktighet: synpunkter på etapperna' })).toBeVisible();
    // The demo's comments are there, marked as the unions' and answered.
    const vision = page.getByRole('article', { name: 'Kommentar från Vision, arbetsplatsombud' });
    await expect(vision).toContainText('Facklig företrädare');
    await expect(page.getByRole('listitem').filter({ has: vision }).getByText('Besvarad', { exact: true })).toBeVisible();

    await page.getByLabel('Min enhet').selectOption({ label: 'Biståndshandläggare äldre' });
    await expect(page.getByRole('status').filter({ hasText: '1 etapp berör Biståndshandläggare äldre.' })).toBeVisible();
    const stage = page.getByRole('region', { name: /^Etapp 2:/ });
    await expect(page.getByRole('heading', { level: 3 })).toHaveCount(1);
    await expect(stage.getByText('Mål', { exact: true })).toBeVisible();

    const field = stage.getByLabel(/^Din kommentar om Etapp 2:/);
    await field.focus();
    await page.getByRole('button', { name: 'Skicka kommentaren' }).click();
    await expect(stage.getByRole('alert').filter({ hasText: 'Skriv något först.' })).toBeVisible();
    await field.fill('Vi behöver en introduktion innan vi tar över besluten.');
    await field.press('Tab');
    await page.keyboard.press('Enter');
    const mine = stage.getByRole('article', { name: 'Kommentar från Maja Medarbetare' });
    await expect(mine).toContainText('Vi behöver en introduktion innan vi tar över besluten.');
    await expect(mine).toContainText('för Biståndshandläggare äldre');
    const byMaja = page.getByRole('article', { name: 'Kommentar från Maja Medarbetare' });
    await expect(page.getByRole('listitem').filter({ has: byMaja }).getByText('Inte besvarad än')).toBeVisible();
    // Her own comment is hers to delete; the union's is not.
    await expect(mine.getByRole('button', { name: 'Ta bort' })).toBeVisible();
    await expect(
      stage.getByRole('article', { name: 'Kommentar från Vision, arbetsplatsombud' }).getByRole('button', { name: 'Ta bort' }),
    ).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: path.join(artifacts, 'participation-contributor.png'), fullPage: true });

    await page.getByRole('button', { name: 'Logga ut' }).click();
    await logIn(page, DEMO.changeLead);
    await openPlan(page, planId, title);
    await openTab(page, 'Delaktighet');
    await expect(page.getByRole('status').filter({ hasText: '1 kommentar väntar på svar.' })).toBeVisible();
    const thread = page.getByRole('listitem').filter({ has: page.getByRole('article', { name: 'Kommentar från Maja Medarbetare' }) });
    await thread.getByRole('button', { name: 'Svara på kommentaren från Maja Medarbetare' }).click();
    await thread.getByLabel('Ditt svar till Maja Medarbetare').fill('Introduktionen hålls i april, före etappen.');
    await thread.getByRole('button', { name: 'Svara och markera som besvarad' }).click();
    const answer = thread.getByRole('article', { name: 'Kommentar från Frida Förändringsledare' });
    await expect(answer).toContainText('Förändringsledarens svar');
    await expect(answer).not.toContainText('för Biståndshandläggare äldre');
    await expect(thread.getByText('Besvarad', { exact: true })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: '0 kommentarer väntar på svar.' })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: path.join(artifacts, 'participation-change-lead.png'), fullPage: true });
  });

  test('a viewer reads every stage’s goal, dates and criteria, and the comments, with no editor wording', async ({ page, request }) => {
    const title = `Läsare ${Date.now()}`;
    const planId = await copyOfDemo(request, title);
    await logIn(page, DEMO.viewer);
    await openPlan(page, planId, title);
    await openTab(page, 'Etapper');
    await page.getByLabel('Visa etapp').selectOption({ label: 'Etapp 2: Biståndsbeslut närmare den enskilde' });
    await expect(page.getByText('Alla biståndshandläggare har gått IBIC-utbildningen')).toBeVisible();
    await expect(page.getByText('2027-05-01 – 2027-09-30')).toBeVisible();
    await expect(page.getByText('Etapp att redigera')).toHaveCount(0);
    await expect(page.getByText('Kontroll av utkastet')).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);

    await openTab(page, 'Delaktighet');
    await expect(page.getByRole('article', { name: 'Kommentar från Kommunal, huvudskyddsombud' })).toContainText('Facklig företrädare');
    await expect(page.getByRole('region', { name: /^Etapp 3:/ })).toContainText('MBL-förhandling genomförd');
    await expect(page.getByRole('button', { name: 'Skicka kommentaren' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Ta bort' })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
  });
});
