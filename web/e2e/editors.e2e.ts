import { expect, Page, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './axe';
import { copyOfDemo, openPlan, openTab } from './demo-plan';
import { DEMO, logIn } from './session';

/** The API as the signed-in user of the page (what another person's save looks like to this one). */
async function apiAs(page: Page) {
  const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('tillit.session') ?? '{}').token as string);
  const planId = /#\/plans\/([0-9a-f-]{36})/.exec(page.url())?.[1];
  const headers = { authorization: `Bearer ${token}` };
  return {
    get: async (path: string) => (await page.request.get(`/api/plans/${planId}/${path}`, { headers })).json(),
    patch: async (path: string, body: unknown) => page.request.patch(`/api/plans/${planId}/${path}`, { headers, data: body }),
  };
}

test('a change lead keeps the organisation: adds an actor in the hierarchy, sees errors as they type and on the field, and loses nothing to a conflict', async ({
  page,
  request,
}) => {
  const planId = await copyOfDemo(request, 'Redigering: organisation');
  await logIn(page, DEMO.changeLead);
  await openPlan(page, planId, 'Redigering: organisation');
  await openTab(page, 'Organisation');
  const tree = page.getByRole('navigation', { name: 'Organisationens hierarki' });
  await expect(tree.getByText('Socialnämnden', { exact: true })).toBeVisible();
  await expect(tree.locator('li', { hasText: 'Enhetschef hemtjänst Norr' }).last()).toContainText('Hemtjänstgrupp Norr');
  await expectNoSeriousA11yViolations(page);

  // A new actor: the form checks each field as the user types.
  await page.getByRole('button', { name: 'Lägg till i organisationen' }).click();
  const form = page.getByRole('form', { name: 'Nytt i organisationen' });
  await form.getByLabel('Namn').fill('Hemtjänstgrupp Öster');
  await form.getByLabel('Namn').fill('');
  await expect(form.getByText('Fyll i det här fältet.')).toBeVisible();
  await expect(form.getByLabel('Namn')).toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel('Namn').fill('Hemtjänstgrupp Öster');
  await form.getByLabel('Antal personer').fill('tolv');
  await expect(form.getByText('Skriv ett tal.')).toBeVisible();
  await form.getByLabel('Antal personer').fill('12');
  await form.getByRole('button', { name: 'Lägg till' }).click();
  await expect(form.getByText('Välj ett av alternativen.')).toBeVisible();
  await form.getByLabel('Typ av aktör').selectOption({ label: 'Arbetslag' });
  await form.getByLabel('Ingår i / rapporterar till').selectOption({ label: 'Enhetschef hemtjänst Norr' });
  await expectNoSeriousA11yViolations(page);
  await form.getByRole('button', { name: 'Lägg till' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Hemtjänstgrupp Öster lades till.' })).toBeVisible();
  await expect(tree.locator('li', { hasText: 'Enhetschef hemtjänst Norr' }).last()).toContainText('Hemtjänstgrupp Öster');
  await expect(tree.locator('li', { hasText: 'Hemtjänstgrupp Öster' }).last()).toContainText('12 personer');

  // An actor who still decides cannot be deleted; the API says why and nothing is lost.
  await page.getByRole('button', { name: 'Ta bort Biståndshandläggare äldre' }).click();
  await page.getByRole('button', { name: 'Bekräfta: ta bort Biståndshandläggare äldre' }).click();
  const refused = page.getByRole('status').filter({ hasText: 'Biståndshandläggare äldre kunde inte tas bort' });
  // In Swedish, naming what still refers to the actor by code and title: no ids, paths or English.
  await expect(refused).toContainText(/Används fortfarande av beslutsrätten för \d+(\.\d+)+ /);
  await expect(refused).not.toContainText(/still in use|\$\.|\[\d+\]|bhl/);
  await expect(tree.getByText('Biståndshandläggare äldre', { exact: true })).toBeVisible();

  // A conflict: someone else renames the team while this user edits it.
  await page.getByRole('button', { name: 'Ändra Hemtjänstgrupp Öster' }).click();
  const edit = page.getByRole('form', { name: 'Ändra Hemtjänstgrupp Öster' });
  await edit.getByLabel('Antal personer').fill('14');
  const api = await apiAs(page);
  const current = await api.get('actors/hemtjanstgrupp-oster');
  expect((await api.patch('actors/hemtjanstgrupp-oster', { version: current.version, name: 'Hemtjänstgrupp Östra' })).status()).toBe(200);
  await edit.getByRole('button', { name: 'Spara' }).click();
  await expect(edit.getByRole('alert')).toContainText('Någon annan har sparat en nyare version');
  await expect(edit.getByLabel('Antal personer')).toHaveValue('14');
  await edit.getByRole('button', { name: 'Hämta senaste versionen och behåll mina ändringar' }).click();
  await expect(edit.getByText('Spara igen för att lägga in dem.')).toBeVisible();
  await edit.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'sparades.' })).toBeVisible();
  const saved = await api.get('actors/hemtjanstgrupp-oster');
  // Both saves stand: this user's headcount and the other person's new name.
  expect(saved).toMatchObject({ headcount: 14, name: 'Hemtjänstgrupp Östra' });
});

test('a change lead edits decision areas, baseline rights and the definition; the API’s own errors land on the field', async ({ page, request }) => {
  const planId = await copyOfDemo(request, 'Redigering: beslut');
  await logIn(page, DEMO.changeLead);
  await openPlan(page, planId, 'Redigering: beslut');
  await openTab(page, 'Beslutsområden');
  await expect(page.getByRole('table', { name: 'Beslutsområden' }).getByRole('row', { name: /5\.1 Bistånd i form av hemtjänst/ })).toBeVisible();

  await page.getByRole('button', { name: 'Lägg till i beslutsområden' }).click();
  const form = page.getByRole('form', { name: 'Nytt i beslutsområden' });
  await form.getByLabel('Nummer').fill('5.12');
  await form.getByLabel('Ärende').fill('Beslut om trygghetslarm');
  await form.getByLabel('Avsnitt').fill('SoL äldre');
  await form.getByLabel('Typ av beslut').selectOption({ label: 'delegationsbeslut' });
  await form.getByLabel('Lagrum').fill('4 kap. 1 § SoL');
  await form.getByRole('group', { name: 'Kompetenskrav' }).getByLabel('Behovsbedömning enligt IBIC').selectOption({ label: '2 – fungerande' });
  await expectNoSeriousA11yViolations(page);
  await form.getByRole('button', { name: 'Lägg till' }).click();
  await expect(page.getByRole('status').filter({ hasText: '5.12 Beslut om trygghetslarm lades till.' })).toBeVisible();

  // Its first decider, in the baseline.
  await page.getByRole('button', { name: 'Lägg till i beslutsrätter i nuläget' }).click();
  const right = page.getByRole('form', { name: 'Nytt i beslutsrätter i nuläget' });
  await right.getByLabel('Beslutsområde').selectOption({ label: '5.12 Beslut om trygghetslarm' });
  await right.getByLabel('Beslutsfattare').selectOption({ label: 'Biståndshandläggare äldre' });
  await right.getByLabel('Delegerad av').selectOption({ label: 'Socialnämnden' });
  await right.getByLabel('Återrapporteras till').selectOption({ label: 'Socialnämnden' });
  await right.getByLabel('Timmar per år').fill('2');
  await right.getByRole('button', { name: 'Lägg till' }).click();
  await expect(right.getByText('Välj ett av alternativen.')).toBeVisible();
  await right.getByLabel('Hur ofta').selectOption({ label: 'varje månad' });
  await right.getByRole('button', { name: 'Lägg till' }).click();
  const baseline = page.getByRole('table', { name: 'Beslutsrätter i nuläget' });
  await expect(baseline.getByRole('row', { name: /5\.12 Beslut om trygghetslarm/ })).toContainText('Biståndshandläggare äldre');
  await expect(baseline.getByRole('row', { name: /5\.12 Beslut om trygghetslarm/ })).toContainText('till Socialnämnden, varje månad');

  // The matrix knows the new area at once.
  await openTab(page, 'Införandematris');
  await expect(page.getByRole('table', { name: 'Införandematris' }).getByRole('row', { name: /5\.12 Beslut om trygghetslarm/ })).toContainText(
    'Biståndshandläggare äldre',
  );

  // A stage that ends before it starts: only the plan's validator in the API knows; its answer is on the field.
  await openTab(page, 'Etapper');
  const details = page.getByRole('form', { name: /Om etappen/ });
  await details.getByLabel('Startdatum').fill('2028-03-01');
  await details.getByLabel('Slutdatum').fill('2028-01-31');
  await details.getByRole('button', { name: 'Spara' }).click();
  await expect(details.getByLabel('Slutdatum')).toHaveAttribute('aria-invalid', 'true');
  await expect(details.getByText('Får inte vara före startdatum.')).toBeVisible();
  await expect(details).not.toContainText('startDate');
  await details.getByLabel('Slutdatum').fill('2028-06-30');
  await details.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Tillit i ekonomiskt bistånd sparades/ })).toBeVisible();

  // The definition and a new principle.
  await openTab(page, 'Definition');
  const definition = page.getByRole('form', { name: 'Definition av tillitsbaserad styrning' });
  await definition.getByLabel('Förankrad av').fill('Socialnämnden och samverkansgruppen');
  await definition.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Definitionen sparades.' })).toBeVisible();
  await page.getByRole('button', { name: 'Lägg till i principer' }).click();
  const principle = page.getByRole('form', { name: 'Nytt i principer' });
  await principle.getByLabel('Namn').fill('Lärande');
  await principle.getByLabel('Beskrivning').fill('Vi lär av det som inte blev som vi tänkt.');
  await principle.getByRole('button', { name: 'Lägg till' }).click();
  await expect(page.getByRole('table', { name: 'Principer' })).toContainText('Lärande');
  const settings = page.getByRole('form', { name: 'Gränsvärden för kontrollerna' });
  await settings.getByLabel('Risk: hög från (sannolikhet × konsekvens, 1–25)').fill('30');
  await expect(settings.getByText('Högst 25.')).toBeVisible();
  await settings.getByLabel('Risk: hög från (sannolikhet × konsekvens, 1–25)').fill('12');
  await settings.getByLabel('Tydlighet: lägsta godtagbara värde (1–5)').selectOption('4');
  await settings.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Gränsvärdena sparades.' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await openTab(page, 'Etapper');
  await expect(page.getByText('Under 4 räknas som otydligt.')).toBeVisible();
  await openTab(page, 'Översikt');
  await expect(page.getByText(/Förankrad av Socialnämnden och samverkansgruppen/)).toBeVisible();
  await expect(page.getByRole('list', { name: 'Principer' })).toContainText('Lärande');
});

test('HR keeps competences, holdings and development actions but cannot change the organisation', async ({ page, request }) => {
  const planId = await copyOfDemo(request, 'Redigering: kompetens');
  await logIn(page, DEMO.hr);
  await openPlan(page, planId, 'Redigering: kompetens');
  await openTab(page, 'Kompetens');
  // The tab opens on competence per stage; the catalogue, holdings and actions are a view of their own.
  await page.getByRole('tab', { name: 'Katalog, innehav och insatser' }).click();
  await page.getByRole('button', { name: 'Lägg till i kompetens i nuläget' }).click();
  const holding = page.getByRole('form', { name: 'Nytt i kompetens i nuläget' });
  await holding.getByLabel('Aktör').selectOption({ label: 'Hemtjänstgrupp Norr' });
  await holding.getByLabel('Kompetens').selectOption({ label: 'Planering och schemaläggning' });
  await holding.getByLabel('Nivå').selectOption({ label: '3 – god' });
  await holding.getByRole('button', { name: 'Lägg till' }).click();
  // The team already has a level in planning: a new entry does not overwrite it behind the user's back.
  await expect(holding.getByRole('alert')).toContainText('finns redan');
  await holding.getByLabel('Kompetens').selectOption({ label: 'Ekonomistyrning' });
  await holding.getByRole('button', { name: 'Lägg till' }).click();
  const holdings = page.getByRole('table', { name: 'Kompetens i nuläget' });
  await expect(holdings.getByRole('row', { name: /Hemtjänstgrupp Norr/ }).filter({ hasText: 'Ekonomistyrning' })).toContainText('3 – god');
  await holdings.getByRole('button', { name: 'Ändra Hemtjänstgrupp Norr: Planering och schemaläggning' }).click();
  const edit = page.getByRole('form', { name: 'Ändra Hemtjänstgrupp Norr: Planering och schemaläggning' });
  await expect(edit.getByLabel('Aktör')).toBeDisabled();
  await edit.getByLabel('Nivå').selectOption({ label: '2 – fungerande' });
  await edit.getByRole('button', { name: 'Spara' }).click();
  await expect(holdings.getByRole('row', { name: /Hemtjänstgrupp Norr/ }).filter({ hasText: 'Planering och schemaläggning' })).toContainText(
    '2 – fungerande',
  );

  await page.getByRole('button', { name: 'Lägg till i utvecklingsinsatser' }).click();
  const action = page.getByRole('form', { name: 'Nytt i utvecklingsinsatser' });
  await action.getByLabel('Aktör').selectOption({ label: 'Biståndshandläggare äldre' });
  await action.getByLabel('Kompetens').selectOption({ label: 'Tillitsbaserat ledarskap' });
  await action.getByLabel('Nivå efter insatsen').selectOption({ label: '2 – fungerande' });
  await action.getByLabel('Typ av insats').selectOption({ label: 'Utbildning' });
  await action.getByLabel('Klar före etapp').selectOption({ label: 'Etapp 2: Biståndsbeslut närmare den enskilde' });
  await action.getByLabel('Kostnad (kr)').fill('24000');
  await action.getByRole('button', { name: 'Lägg till' }).click();
  await expect(page.getByRole('table', { name: 'Utvecklingsinsatser' })).toContainText('24 000 kr');
  await expectNoSeriousA11yViolations(page);

  await openTab(page, 'Organisation');
  await expect(page.getByRole('navigation', { name: 'Organisationens hierarki' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Ändra / })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Lägg till i organisationen' })).toHaveCount(0);
});

test('a stage gets changes of every group, its consequences, participation and clarity', async ({ page, request }) => {
  const planId = await copyOfDemo(request, 'Redigering: etapp');
  await logIn(page, DEMO.changeLead);
  await openPlan(page, planId, 'Redigering: etapp');
  await openTab(page, 'Etapper');
  await page.getByLabel('Etapp att redigera').selectOption({ label: 'Etapp 3: En sammanhållen hemtjänst' });

  const kind = page.getByLabel('Typ av förändring');
  await kind.selectOption({ label: 'Ny aktör' });
  const addActor = page.getByRole('form', { name: 'Ny aktör' });
  await addActor.getByLabel('Namn').fill('Hemtjänstens planeringsgrupp');
  await addActor.getByLabel('Typ av aktör').selectOption({ label: 'Arbetslag' });
  await addActor.getByLabel('Ingår i / rapporterar till').selectOption({ label: 'Enhetschef hemtjänst Norr' });
  await addActor.getByRole('button', { name: 'Lägg till i utkastet' }).click();
  await kind.selectOption({ label: 'Ändra återrapportering' });
  const reporting = page.getByRole('form', { name: 'Ändra återrapportering' });
  await reporting.getByLabel('Beslutsområde').selectOption({ label: '5.1 Bistånd i form av hemtjänst' });
  await reporting.getByLabel('Återrapporteras till').selectOption({ label: 'Enhetschef biståndshandläggning äldre' });
  await reporting.getByLabel('Hur ofta').selectOption({ label: 'varje kvartal' });
  await reporting.getByLabel('Timmar per år').fill('4');
  await reporting.getByRole('button', { name: 'Lägg till i utkastet' }).click();
  await kind.selectOption({ label: 'System- eller processförändring' });
  const system = page.getByRole('form', { name: 'System- eller processförändring' });
  await system.getByRole('button', { name: 'Lägg till i utkastet' }).click();
  await expect(system.getByText('Fyll i det här fältet.')).toBeVisible();
  await system.getByLabel('Beskrivning').fill('Gemensamt planeringsverktyg för båda hemtjänstgrupperna');
  await system.getByRole('button', { name: 'Lägg till i utkastet' }).click();

  const draft = page.locator('ol.changes');
  await expect(draft).toContainText('Ny aktör: Hemtjänstens planeringsgrupp');
  await expect(draft).toContainText('Ändrad återrapportering för 5.1 Bistånd i form av hemtjänst');
  await expect(draft).toContainText('System eller process: Gemensamt planeringsverktyg');
  // A change in the draft can be edited in its own form.
  await page.getByRole('button', { name: 'Ändra: System eller process: Gemensamt planeringsverktyg för båda hemtjänstgrupperna' }).click();
  const editing = page.getByRole('form', { name: 'Ändra i utkastet: System- eller processförändring' });
  await editing.getByLabel('Beskrivning').fill('Gemensamt schemaverktyg för hemtjänsten');
  await editing.getByRole('button', { name: 'Uppdatera i utkastet' }).click();
  await expect(draft).toContainText('System eller process: Gemensamt schemaverktyg för hemtjänsten');
  await expect(draft).not.toContainText('planeringsverktyg');
  await expect(page.getByRole('region', { name: 'Kontroll av utkastet' })).toContainText('Nya varningar om du sparar');
  await page.getByRole('button', { name: 'Spara etappens förändringar' }).click();
  await expect(page.getByText('Förändringarna sparades.')).toBeVisible();

  await page.getByRole('button', { name: 'Lägg till i konsekvenser och risker' }).click();
  const consequence = page.getByRole('form', { name: 'Nytt i konsekvenser och risker' });
  await consequence.getByLabel('Beskrivning').fill('Planerarna får mer att göra under omställningen');
  await consequence.getByLabel('Berör').selectOption({ label: 'Medarbetare' });
  await consequence.getByLabel('Effekt').selectOption({ label: 'Negativ' });
  await consequence.getByLabel('Sannolikhet (1–5)').selectOption({ label: '4 – hög' });
  await consequence.getByLabel('Konsekvens (1–5)').selectOption({ label: '3 – medel' });
  await consequence.getByLabel('Åtgärd för att minska risken').fill('Extra planeringstid under de första tre månaderna');
  await consequence.getByRole('button', { name: 'Lägg till' }).click();
  await expect(page.getByRole('table', { name: 'Konsekvenser och risker' })).toContainText('4 × 3 = 12');

  await page.getByRole('button', { name: 'Lägg till i delaktighet och dialog' }).click();
  const dialogue = page.getByRole('form', { name: 'Nytt i delaktighet och dialog' });
  await dialogue.getByLabel('Form').selectOption({ label: 'Arbetsplatsträff' });
  await dialogue.getByLabel('Datum').fill('2028-02-10');
  await dialogue.getByLabel('Deltagare').selectOption([{ label: 'Hemtjänstgrupp Norr' }, { label: 'Hemtjänstgrupp Söder' }]);
  await dialogue.getByLabel('Synpunkter som kom fram').fill('Behåll kontinuiteten\nSchemat ska synas för alla');
  await dialogue.getByRole('button', { name: 'Lägg till' }).click();
  await expect(page.getByRole('table', { name: 'Delaktighet och dialog' })).toContainText('Hemtjänstgrupp Norr, Hemtjänstgrupp Söder');

  await page.getByRole('button', { name: 'Lägg till i tydlighet inför etappen' }).click();
  const clarity = page.getByRole('form', { name: 'Nytt i tydlighet inför etappen' });
  await clarity.getByLabel('Aktör').selectOption({ label: 'Hemtjänstgrupp Söder' });
  await clarity.getByLabel('Uppdrag').selectOption({ label: '4 – hög' });
  await clarity.getByLabel('Mål').selectOption({ label: '2 – låg' });
  await clarity.getByLabel('Riktning').selectOption({ label: '3 – medel' });
  await clarity.getByRole('button', { name: 'Lägg till' }).click();
  await expect(page.getByRole('table', { name: 'Tydlighet inför etappen' }).getByRole('row', { name: /Hemtjänstgrupp Söder/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // A stage that consequences and dialogues refer to is not deleted; an empty one is.
  await page.getByRole('button', { name: 'Ta bort etappen' }).click();
  await page.getByRole('button', { name: 'Bekräfta: ta bort etappen ”En sammanhållen hemtjänst” med dess förändringar' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'En sammanhållen hemtjänst kunde inte tas bort' })).toBeVisible();
  const newStage = page.getByRole('form', { name: 'Ny etapp' });
  await newStage.getByLabel('Namn').fill('Prövotid');
  await newStage.getByRole('button', { name: 'Skapa etapp' }).click();
  await expect(page.getByLabel('Etapp att redigera')).toHaveValue('provotid');
  await page.getByRole('button', { name: 'Ta bort etappen' }).click();
  await page.getByRole('button', { name: 'Bekräfta: ta bort etappen ”Prövotid” med dess förändringar' }).click();
  await expect(page.getByLabel('Etapp att redigera').locator('option', { hasText: 'Prövotid' })).toHaveCount(0);
  await page.getByLabel('Etapp att redigera').selectOption({ label: 'Etapp 3: En sammanhållen hemtjänst' });

  await page.getByLabel('Språk').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Consequences and risks' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add to participation and dialogue' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
