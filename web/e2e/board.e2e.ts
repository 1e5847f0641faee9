import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Browser, expect, Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe';
import { copyOfDemo, openPlan, openTab } from './demo-plan';
import { DEMO, logIn } from './session';

const artifacts = path.resolve(__dirname, '../../e2e-artifacts');
const TITLE = 'Tillitsresan inför nämnden';

/** A page of its own for one person (each has a session of their own, as in real life). */
async function as(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await logIn(page, email);
  return page;
}

async function openRevision(page: Page, planId: string, n: number): Promise<void> {
  await page.goto(`/#/plans/${planId}/board?revision=${n}`);
  await expect(page.getByRole('heading', { level: 2, name: `Tjänsteskrivelse, revision ${n}` })).toBeVisible();
}

/** Clicks a button that downloads a file and answers the file's first bytes. */
async function downloaded(page: Page, button: string): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = await (await download).path();
  return readFileSync(file).subarray(0, 5).toString('latin1');
}

test('a plan goes before the board, is decided, justerad, reopened and shows what changed since', async ({ browser, request }) => {
  test.setTimeout(480_000);
  const planId = await copyOfDemo(request, TITLE);

  // The change lead puts the plan before the board, justifying each open blocker.
  const lead = await as(browser, DEMO.changeLead);
  await openPlan(lead, planId, TITLE);
  await openTab(lead, 'Beslut');
  const submit = lead.getByRole('form', { name: 'Lämna till nämnden' });
  await submit.getByLabel('Sammanfattning').fill('Planen flyttar biståndsbeslut närmare den enskilde i fyra etapper.');
  await submit.getByLabel('Att-sats 1').fill('att godkänna införandeplanen');
  await submit.getByRole('button', { name: 'Lägg till att-sats' }).click();
  await submit.getByLabel('Att-sats 2').fill('att uppdra åt förvaltningen att återrapportera efter etapp 2');
  await submit.getByLabel('Diarienummer').fill('SN 2027/14');
  const justifications = submit.getByLabel(/^Motivering: /);
  await expect(justifications.first()).toBeVisible();
  // Submitting with a blocker unjustified is refused on that field.
  await submit.getByRole('button', { name: 'Lämna till nämnden' }).click();
  await expect(justifications.first()).toBeFocused();
  await expect(submit.getByRole('alert').first()).toHaveText('Skriv en motivering till nämnden.');
  for (const field of await justifications.all()) await field.fill('Åtgärdas före etappens start; nämnden får en rapport.');
  await submit.getByRole('button', { name: 'Lämna till nämnden' }).click();
  const heading = lead.getByRole('heading', { level: 2, name: 'Tjänsteskrivelse, revision 1' });
  await expect(heading).toBeFocused();
  await openTab(lead, 'Organisation');
  await expect(lead.getByRole('note')).toHaveText(/Planen ligger hos nämnden och kan inte ändras\./);

  // A board member reads the revision and gives an advisory vote.
  const karin = await as(browser, 'ledamot2@demo.tillit.se');
  await openRevision(karin, planId, 1);
  await expect(karin.getByRole('region', { name: 'Förslag till beslut' }).getByRole('listitem')).toHaveText([
    'att godkänna införandeplanen',
    'att uppdra åt förvaltningen att återrapportera efter etapp 2',
  ]);
  await expect(karin.getByRole('region', { name: 'Varningar och motiveringar' })).toContainText('Åtgärdas före etappens start');
  await expect(karin.getByRole('table', { name: 'Införandematris' })).toBeVisible();
  const advice = karin.getByRole('form', { name: 'Din synpunkt' });
  await advice.getByRole('group', { name: 'Din hållning till förslaget' }).getByLabel('Ja').check();
  await advice.getByLabel('Kommentar (valfri)').fill('Bra, men följ upp kompetensgapen.');
  await advice.getByRole('button', { name: 'Spara synpunkten' }).click();
  await expect(advice.getByRole('status')).toHaveText('Din synpunkt är sparad.');
  await expectNoSeriousA11yViolations(karin);
  await karin.screenshot({ path: path.join(artifacts, 'board-view.png'), fullPage: true });

  // The board pack is a PDF.
  expect(await downloaded(karin, 'Hämta beslutsunderlaget (PDF)')).toBe('%PDF-');

  // The secretary minutes the meeting: an ersättare in Eva's seat, a nej with a reservation, approved with a condition.
  const admin = await as(browser, DEMO.admin);
  await openRevision(admin, planId, 1);
  await expect(admin.getByRole('list', { name: 'Synpunkter inför sammanträdet' })).toContainText(
    'Karin Kvist: Ja – Bra, men följ upp kompetensgapen.',
  );
  const minutes = admin.getByRole('form', { name: 'Protokollför sammanträdet' });
  await minutes.getByLabel('Paragraf (§)').fill('§ 42');
  const seats = minutes.getByRole('group', { name: 'Närvarande' });
  await seats.getByRole('group', { name: 'Eva Ek' }).getByLabel('Ersättare tjänstgör').check();
  await seats.getByLabel('Ersättare för Eva Ek').fill('Erik Ersättare');
  await expect(seats.getByRole('status')).toHaveText(/5 av 5 platser besatta/);
  await minutes.getByLabel('Ordförande', { exact: true }).selectOption({ label: 'Stina Styrelseledamot' });
  await minutes.getByLabel('Justerare', { exact: true }).selectOption({ label: 'Bengt Berg' });
  const motion = minutes.getByRole('group', { name: 'Yrkande 1' });
  await motion.getByLabel('Yrkande', { exact: true }).selectOption({ label: 'Ändring' });
  await motion.getByLabel('Yrkat av').selectOption({ label: 'Bengt Berg' });
  await motion.getByLabel(/Yrkandets lydelse/).fill('Godkänn med villkoret att nämnden får en rapport efter etapp 2.');
  const votes = minutes.getByRole('group', { name: 'Omröstning, en röst per plats' });
  for (const seat of ['Stina Styrelseledamot', 'Bengt Berg', 'Karin Kvist', 'Erik Ersättare (ersättare för Eva Ek)']) {
    await votes.getByRole('group', { name: seat }).getByLabel('Ja').check();
  }
  await votes.getByRole('group', { name: 'Omar Nilsson' }).getByLabel('Nej').check();
  await minutes.getByRole('button', { name: 'Lägg till reservation' }).click();
  await minutes.getByLabel('Reservation 1: ledamot').selectOption({ label: 'Omar Nilsson' });
  await minutes.getByLabel('Reservation 1: motivering').fill('Kompetensgapen stängs för sent.');
  await minutes.getByRole('group', { name: 'Beslut', exact: true }).getByLabel('Godkänd med villkor').check();
  // The meeting's rules are checked on the fields before anything is sent.
  await minutes.getByRole('button', { name: 'Protokollför beslutet' }).click();
  await expect(minutes.getByLabel('Villkor', { exact: true })).toBeFocused();
  await expect(minutes.getByText('Fyll i det här.')).toBeVisible();
  await minutes.getByLabel('Villkor', { exact: true }).fill('Nämnden får en rapport om kompetensgapen efter etapp 2.');
  await admin.screenshot({ path: path.join(artifacts, 'decision-form.png'), fullPage: true });
  await minutes.getByRole('button', { name: 'Protokollför beslutet' }).click();
  const record = admin.getByRole('group', { name: 'Beslut § 42' });
  await expect(record).toContainText('Godkänd med villkor');
  await expect(record).toContainText('Erik Ersättare (ersättare för Eva Ek)');
  await expect(record).toContainText('4 ja, 1 nej, 0 avstår');
  await expect(admin.getByRole('heading', { level: 3, name: 'Sammanträde och beslut' })).toBeFocused();

  // The chair and the justerare justera; then the decision stands.
  const stina = await as(browser, DEMO.boardMember);
  await openRevision(stina, planId, 1);
  await stina.getByRole('button', { name: 'Justera som ordförande' }).click();
  await expect(stina.getByRole('status').filter({ hasText: 'Du har justerat protokollet' })).toBeVisible();
  const bengt = await as(browser, 'ledamot1@demo.tillit.se');
  await openRevision(bengt, planId, 1);
  await bengt.getByRole('button', { name: 'Justera som justerare' }).click();
  const justerad = bengt.getByRole('group', { name: 'Beslut § 42' });
  await expect(justerad.getByText('justerat', { exact: true })).toBeVisible();
  expect(await downloaded(bengt, 'Hämta protokollsutdraget (PDF)')).toBe('%PDF-');
  await bengt.getByRole('link', { name: '← Alla revisioner' }).click();
  await expect(bengt.getByText(/^Status:/)).toContainText('Godkänd');
  await expect(bengt.getByRole('table', { name: 'Revisioner' })).toContainText('Godkänd med villkor, § 42');

  // The PDFs as the API serves them.
  const login = await request.post('/api/auth/login', { data: { email: DEMO.changeLead, password: DEMO.password } });
  const auth = { authorization: `Bearer ${(await login.json()).token}` };
  const pack = await request.get(`/api/plans/${planId}/revisions/1/board-pack.pdf`, { headers: auth });
  expect(pack.status()).toBe(200);
  expect(pack.headers()['content-type']).toContain('application/pdf');

  // The change lead opens a new draft and edits it: the plan shows what changed since the decision.
  // The lead's page still holds the plan as submitted (others decided meanwhile): it reads it again.
  await lead.reload();
  await openTab(lead, 'Beslut');
  await lead.getByRole('button', { name: 'Öppna nytt utkast' }).click();
  await expect(lead.getByText(/^Status:/)).toContainText('Utkast');
  await expect(lead.getByRole('heading', { name: 'Ändrad sedan beslut' })).toHaveCount(0);
  await expect(lead.getByRole('link', { name: /se vad som skiljer mot revision 1/ })).toHaveCount(0);
  const actors = await (await request.get(`/api/plans/${planId}/actors`, { headers: auth })).json();
  const unit = actors[1];
  const renamed = await request.patch(`/api/plans/${planId}/actors/${unit.id}`, {
    headers: auth,
    data: { version: unit.version, name: `${unit.name} (ny)` },
  });
  expect(renamed.status()).toBe(200);
  await lead.reload();
  const changed = lead.getByRole('region', { name: 'Ändrad sedan beslut' });
  await expect(changed).toBeVisible();
  await expect(changed.getByRole('region', { name: 'Aktörer' })).toContainText(`Ändrad ${unit.name} (ny)`);
  await expect(changed.getByRole('region', { name: 'Aktörer' })).toContainText(`Namn: ${unit.name} → ${unit.name} (ny)`);
  // On every tab, under the title, the plan says it changed since the decision and links to the diff.
  await openTab(lead, 'Översikt');
  await lead.getByRole('link', { name: /se vad som skiljer mot revision 1/ }).click();
  await expect(lead.getByRole('region', { name: 'Ändrad sedan beslut' })).toBeVisible();
});
