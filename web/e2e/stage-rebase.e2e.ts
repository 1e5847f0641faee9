import * as path from 'node:path';
import { APIRequestContext, Browser, expect, Page, Response, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe';
import { copyOfDemo, openPlan, openTab } from './demo-plan';
import { DEMO, logIn } from './session';

const artifacts = path.resolve(__dirname, '../../e2e-artifacts');
const STAGE = 'Etapp 4: Tillit i ekonomiskt bistånd';
/** A second change lead of the demo organisation, so that two people edit the same stage. */
const OTHER_LEAD = { email: 'forandringsledare2@demo.tillit.se', displayName: 'Bo Förändringsledare', password: DEMO.password };

async function tokenOf(request: APIRequestContext, email: string): Promise<string> {
  const res = await request.post('/api/auth/login', { data: { email, password: DEMO.password } });
  expect(res.status()).toBe(200);
  return (await res.json()).token;
}

/** Adds the second change lead once per server (the tests share one): the admin invites, the person accepts. */
async function ensureOtherLead(request: APIRequestContext): Promise<void> {
  const headers = { authorization: `Bearer ${await tokenOf(request, DEMO.admin)}` };
  const members: Array<{ email: string }> = await (await request.get('/api/users', { headers })).json();
  if (members.some((m) => m.email === OTHER_LEAD.email)) return;
  const invited = await request.post('/api/invitations', { headers, data: { email: OTHER_LEAD.email, role: 'change_lead' } });
  expect(invited.status()).toBe(201);
  const { token } = await invited.json();
  const accepted = await request.post('/api/invitations/accept', {
    data: { token, displayName: OTHER_LEAD.displayName, password: OTHER_LEAD.password },
  });
  expect(accepted.status()).toBe(200);
}

async function savedChanges(
  request: APIRequestContext,
  planId: string,
): Promise<Array<{ id: string; type: string; description?: string; rationale?: string }>> {
  const res = await request.get(`/api/plans/${planId}/stages/etapp-4/changes`, {
    headers: { authorization: `Bearer ${await tokenOf(request, DEMO.changeLead)}` },
  });
  return (await res.json()).changes;
}

/** The stage editor reading the stage's saved changes and their version. */
const changesRead = (res: Response) => res.request().method() === 'GET' && /\/stages\/etapp-4\/changes$/.test(res.url());

/** A person of their own: a browser context with its own session, on the stage editor of the plan. */
async function personAt(browser: Browser, email: string, planId: string, title: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: 'sv-SE' });
  const page = await context.newPage();
  await logIn(page, email);
  await openPlan(page, planId, title);
  // The draft starts from the list as the server holds it, under its version: the editor reads both when it
  // opens (the stage is the plan's last). "Utkastet är sparat" shows before that answer, so wait for it.
  const read = page.waitForResponse(changesRead);
  await openTab(page, 'Etapper');
  await page.getByLabel('Etapp att redigera').selectOption({ label: STAGE });
  await expect(page.getByRole('heading', { name: 'Förändringar i ”Tillit i ekonomiskt bistånd”' })).toBeVisible();
  expect((await read).status()).toBe(200);
  await expect(page.getByRole('region', { name: 'Kontroll av utkastet' })).toContainText('Utkastet är sparat');
  return page;
}

async function addSystemChange(page: Page, description: string): Promise<void> {
  await page.getByLabel('Typ av förändring').selectOption({ label: 'System- eller processförändring' });
  const form = page.getByRole('form', { name: 'System- eller processförändring' });
  await form.getByLabel('Beskrivning').fill(description);
  await form.getByRole('button', { name: 'Lägg till i utkastet' }).click();
  await expect(page.locator('ol.changes')).toContainText(`System eller process: ${description}`);
}

/** Saves the draft and waits for the server's answer; returns its status. */
async function saveDraft(page: Page): Promise<number> {
  const answer = page.waitForResponse((res) => res.request().method() === 'PUT' && /\/stages\/etapp-4\/changes$/.test(res.url()));
  await page.getByRole('button', { name: 'Spara etappens förändringar' }).click();
  return (await answer).status();
}

async function editRationale(page: Page, change: RegExp, rationale: string): Promise<void> {
  await page.getByRole('button', { name: change }).click();
  const form = page.getByRole('form', { name: 'Ändra i utkastet: Flytta ett beslut' });
  await form.getByLabel('Motivering (valfri)').fill(rationale);
  await form.getByRole('button', { name: 'Uppdatera i utkastet' }).click();
  await expect(form).toHaveCount(0);
}

test('two change leads add a change each to the same stage: the later one sees both side by side, keeps the draft and both are saved', async ({
  browser,
  request,
}) => {
  const title = 'Samtidigt: två tillägg';
  const planId = await copyOfDemo(request, title);
  await ensureOtherLead(request);
  const a = await personAt(browser, DEMO.changeLead, planId, title);
  const b = await personAt(browser, OTHER_LEAD.email, planId, title);

  await addSystemChange(b, 'Nytt verksamhetssystem för ekonomiskt bistånd');
  expect(await saveDraft(b)).toBe(200);
  await expect(b.getByText('Förändringarna sparades.')).toBeVisible();

  await addSystemChange(a, 'Digital ansökan om försörjningsstöd');
  expect(await saveDraft(a)).toBe(409);
  const panel = a.getByRole('region', { name: 'Någon annan har sparat etappens förändringar medan du arbetade' });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'Någon annan har sparat etappens förändringar medan du arbetade' })).toBeFocused();
  const theirs = panel.getByRole('region', { name: 'Sparat av någon annan' });
  const mine = panel.getByRole('region', { name: 'Ditt utkast' });
  await expect(theirs.getByRole('listitem')).toHaveText(['Ny System eller process: Nytt verksamhetssystem för ekonomiskt bistånd']);
  await expect(mine.getByRole('listitem')).toHaveText(['Ny System eller process: Digital ansökan om försörjningsstöd']);
  await expectNoSeriousA11yViolations(a);
  await panel.screenshot({ path: path.join(artifacts, 'stage-rebase-side-by-side.png') });

  await panel.getByRole('button', { name: 'Behåll mitt utkast ovanpå den senaste versionen' }).click();
  await expect(a.getByRole('status').filter({ hasText: 'Ditt utkast ligger nu ovanpå den senaste versionen.' })).toBeVisible();
  const draft = a.locator('ol.changes');
  await expect(draft).toContainText('System eller process: Nytt verksamhetssystem för ekonomiskt bistånd');
  await expect(draft).toContainText('System eller process: Digital ansökan om försörjningsstöd');
  expect(await saveDraft(a)).toBe(200);
  await expect(a.getByText('Förändringarna sparades.')).toBeVisible();

  const saved = await savedChanges(request, planId);
  expect(saved).toHaveLength(7);
  expect(saved.map((c) => c.description).filter(Boolean)).toEqual([
    'Nytt verksamhetssystem för ekonomiskt bistånd',
    'Digital ansökan om försörjningsstöd',
  ]);
  expect(new Set(saved.map((c) => c.id)).size).toBe(7);
  await a.context().close();
  await b.context().close();
});

test('two change leads edit the same change: the later one chooses whose version stays, and the rest of the draft is kept', async ({
  browser,
  request,
}) => {
  const title = 'Samtidigt: samma förändring';
  const planId = await copyOfDemo(request, title);
  await ensureOtherLead(request);
  const a = await personAt(browser, DEMO.changeLead, planId, title);
  const b = await personAt(browser, OTHER_LEAD.email, planId, title);
  const move = /^Ändra: Flytta 4\.2 Försörjningsstöd utöver riksnorm/;

  await editRationale(b, move, 'Enhetschefen vidaredelegerar, med uppföljning varje månad.');
  expect(await saveDraft(b)).toBe(200);
  await expect(b.getByText('Förändringarna sparades.')).toBeVisible();

  await editRationale(a, move, 'Socialsekreteraren beslutar själv utöver norm.');
  await addSystemChange(a, 'Gemensam mall för beslutsmotiveringar');
  expect(await saveDraft(a)).toBe(409);
  const panel = a.getByRole('region', { name: 'Någon annan har sparat etappens förändringar medan du arbetade' });
  const theirs = panel.getByRole('region', { name: 'Sparat av någon annan' });
  await expect(theirs).toContainText('Ändrad Flytta 4.2 Försörjningsstöd utöver riksnorm');
  await expect(theirs).toContainText('Ni har båda ändrat den – välj nedan');
  await expect(theirs).toContainText('Enhetschefen vidaredelegerar, med uppföljning varje månad.');
  const choice = panel.getByRole('group', { name: /^Flytta 4\.2 Försörjningsstöd utöver riksnorm/ });
  await expect(panel.getByRole('heading', { name: 'Krockar att lösa: 1' })).toBeVisible();

  // The rebased draft cannot be kept before the conflict has a side.
  await panel.getByRole('button', { name: 'Behåll mitt utkast ovanpå den senaste versionen' }).click();
  await expect(panel.getByRole('alert')).toHaveText('Välj en version för varje krock innan du behåller ditt utkast.');
  await expectNoSeriousA11yViolations(a);
  await panel.screenshot({ path: path.join(artifacts, 'stage-rebase-conflict.png') });
  // The same view in English, and back.
  await a.getByLabel('Språk').selectOption('en');
  const english = a.getByRole('region', { name: "Someone else saved this stage's changes while you were working" });
  await expect(english.getByRole('heading', { name: 'Conflicts to resolve: 1' })).toBeVisible();
  await expect(english.getByRole('region', { name: 'Your draft' })).toContainText('New System or process: Gemensam mall för beslutsmotiveringar');
  await english.screenshot({ path: path.join(artifacts, 'stage-rebase-conflict-en.png') });
  await a.getByLabel('Language').selectOption('sv');
  await choice.getByRole('radio', { name: /^Min version:.*Socialsekreteraren beslutar själv utöver norm\./ }).check();
  await expect(panel.getByRole('alert')).toHaveCount(0);
  await panel.getByRole('button', { name: 'Behåll mitt utkast ovanpå den senaste versionen' }).click();
  await expect(a.getByRole('status').filter({ hasText: 'Ditt utkast ligger nu ovanpå den senaste versionen.' })).toBeVisible();
  expect(await saveDraft(a)).toBe(200);
  await expect(a.getByText('Förändringarna sparades.')).toBeVisible();

  const saved = await savedChanges(request, planId);
  expect(saved.find((c) => c.id === 'e4-fs-extra')?.rationale).toBe('Socialsekreteraren beslutar själv utöver norm.');
  expect(saved.map((c) => c.description).filter(Boolean)).toEqual(['Gemensam mall för beslutsmotiveringar']);
  expect(saved).toHaveLength(6);
  await a.context().close();
  await b.context().close();
});

test('leaving a stage, a tab or the page with an unsaved draft asks first', async ({ page, request }) => {
  const title = 'Samtidigt: lämna utkast';
  const planId = await copyOfDemo(request, title);
  await logIn(page, DEMO.changeLead);
  await openPlan(page, planId, title);
  // The first read answered, so that the one awaited after saving below is the reread.
  const opened = page.waitForResponse(changesRead);
  await openTab(page, 'Etapper');
  const picker = page.getByLabel('Etapp att redigera');
  await picker.selectOption({ label: STAGE });
  await opened;
  await expect(page.getByRole('region', { name: 'Kontroll av utkastet' })).toContainText('Utkastet är sparat');
  await addSystemChange(page, 'Ny rutin för akuta ärenden');

  // Saving the stage's own fields reloads the plan; the draft stays.
  const details = page.getByRole('form', { name: 'Om etappen ”Tillit i ekonomiskt bistånd”' });
  await details.getByLabel('Mål').fill('Socialsekreterarna beslutar om försörjningsstöd nära hushållet.');
  const reread = page.waitForResponse(changesRead);
  await details.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Tillit i ekonomiskt bistånd sparades.' })).toBeVisible();
  await reread;
  await expect(page.locator('ol.changes')).toContainText('Ny rutin för akuta ärenden');

  // Another stage: the app's own dialog, and staying keeps the draft.
  await picker.selectOption({ label: 'Etapp 1: Tydliga uppdrag och förtroende i vardagen' });
  const dialog = page.getByRole('dialog', { name: 'Lämna utan att spara?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Dina förändringar i ”Tillit i ekonomiskt bistånd” är inte sparade.');
  await expect(dialog.getByRole('button', { name: 'Stanna kvar' })).toBeFocused();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: path.join(artifacts, 'stage-leave-dialog.png') });
  await dialog.getByRole('button', { name: 'Stanna kvar' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(picker).toHaveValue('etapp-4');
  await expect(page.locator('ol.changes')).toContainText('Ny rutin för akuta ärenden');

  // Another tab: Escape is the safe answer.
  await openTab(page, 'Översikt');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page).toHaveURL(/\/stages$/);
  await expect(page.locator('ol.changes')).toContainText('Ny rutin för akuta ärenden');

  // The browser's back button: the address is held before the app moves, and staying keeps the draft.
  await page.goBack();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Stanna kvar' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page).toHaveURL(/\/stages$/);
  await expect(page.locator('ol.changes')).toContainText('Ny rutin för akuta ärenden');

  // Closing or reloading the page: the browser's own question.
  const question = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const beforeUnload = await question;
  expect(beforeUnload.type()).toBe('beforeunload');
  await beforeUnload.dismiss();
  await expect(page.locator('ol.changes')).toContainText('Ny rutin för akuta ärenden');

  // Leaving on purpose drops the draft, and nothing was saved.
  await openTab(page, 'Översikt');
  await dialog.getByRole('button', { name: 'Lämna och släng utkastet' }).click();
  await expect(page).toHaveURL(/\/overview$/);
  await expect(page.getByRole('region', { name: 'Etapper' })).toBeVisible();
  expect(await savedChanges(request, planId)).toHaveLength(5);
});
