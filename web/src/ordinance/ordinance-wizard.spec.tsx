import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { OrdinancePreviewResponse } from '@tillit/contract';
import type { OrdinancePreview } from '@tillit/domain/ordinance-schema';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../i18n/i18n';
import { OrdinanceWizard } from './ordinance-wizard';
import { priceBaseAmountFor } from '@tillit/domain/ordinance-schema';

function aPreview(over: Partial<OrdinancePreview> = {}): OrdinancePreview {
  return {
    format: 'csv',
    encoding: 'utf-8',
    separator: ';',
    headerRow: 1,
    columns: [
      { index: 0, header: 'Nr', field: 'code', manual: false },
      { index: 1, header: 'Ärende', field: 'matter', manual: false },
      { index: 2, header: 'Delegat', field: 'delegate', manual: false },
    ],
    governingBody: 'Socialnämnden',
    glossary: [],
    sections: [{ title: '1 Allmänt', level: 1, line: 2 }],
    items: [
      {
        line: 3,
        code: '1.1',
        matter: 'Brådskande ärenden',
        sections: ['1 Allmänt'],
        delegate: 'Ordförande',
        kind: 'formal',
        nonDelegable: false,
        reporting: 'yes',
        onwardDelegation: false,
        inherited: [],
      },
    ],
    actors: [],
    problems: [],
    counts: { rows: 3, items: 1, sections: 1, skippedHeaders: 0, errors: 0, warnings: 0 },
    ...over,
  };
}

/** An XMLHttpRequest that answers each request from a queue, and records what was sent. */
class FakeXhr {
  static queue: Array<{ status: number; body: unknown }> = [];
  static sent: Array<{ url: string; form: FormData }> = [];
  status = 0;
  responseText = '';
  url = '';
  upload: { onprogress: ((e: ProgressEvent) => void) | null; onload: (() => void) | null } = { onprogress: null, onload: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  open(_method: string, url: string) {
    this.url = url;
  }
  setRequestHeader() {}
  send(form: FormData) {
    FakeXhr.sent.push({ url: this.url, form });
    const answer = FakeXhr.queue.shift();
    if (!answer) throw new Error(`no answer queued for ${this.url}`);
    setTimeout(() => {
      this.upload.onload?.();
      this.status = answer.status;
      this.responseText = JSON.stringify(answer.body);
      this.onload?.();
    }, 0);
  }
}

const previewAnswer = (planVersion: number, preview = aPreview()): { status: number; body: OrdinancePreviewResponse } => ({
  status: 200,
  body: { planVersion, target: 'baseline', preview, previewId: '22222222-2222-4222-8222-222222222222', expiresAt: '2026-12-03T10:00:00.000Z' },
});

function renderWizard() {
  return render(
    <I18nextProvider i18n={i18n}>
      <OrdinanceWizard planId="11111111-1111-4111-8111-111111111111" planActors={[]} />
    </I18nextProvider>,
  );
}

const chooseFile = (file: File) => fireEvent.change(screen.getByLabelText('Fil med delegationsordning'), { target: { files: [file] } });

const THIS_YEAR = priceBaseAmountFor(new Date().getFullYear());

describe(OrdinanceWizard.name, () => {
  beforeEach(async () => {
    await i18n.changeLanguage('sv');
    FakeXhr.queue = [];
    FakeXhr.sent = [];
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('refuses a file over 20 MB on the field and sends nothing', () => {
    renderWizard();
    const big = new File(['x'], 'stor.csv', { type: 'text/csv' });
    Object.defineProperty(big, 'size', { value: 20 * 1024 * 1024 + 1 });
    chooseFile(big);
    expect(screen.getByRole('alert').textContent).toMatch(/högst 20 MB tas emot/);
    expect(screen.getByRole('button', { name: 'Läs filen' })).toHaveProperty('disabled', true);
    expect(FakeXhr.sent).toEqual([]);
  });

  it('imports by the stored preview’s id without the file, and sends the file again once the preview has expired', async () => {
    renderWizard();
    chooseFile(new File(['Nr;Ärende;Delegat\n'], 'do.csv', { type: 'text/csv' }));
    FakeXhr.queue.push(previewAnswer(2));
    fireEvent.click(screen.getByRole('button', { name: 'Läs filen' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Vidare till förhandsgranskningen' }));
    const importButton = await screen.findByRole('button', { name: 'Importera till planen (version 2)' });
    FakeXhr.queue.push({ status: 410, body: { code: 'gone', message: 'The preview has expired' } });
    FakeXhr.queue.push(previewAnswer(2));
    fireEvent.click(importButton);
    await waitFor(() =>
      expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain(
        'Förhandsgranskningen hade gått ut, så filen har skickats och kontrollerats igen. Granska och importera igen.',
      ),
    );
    expect(FakeXhr.sent.map((s) => s.url.replace(/.*\/ordinance\//, ''))).toEqual(['preview', 'import', 'preview']);
    expect(FakeXhr.sent[1].form.get('previewId')).toBe('22222222-2222-4222-8222-222222222222');
    expect(FakeXhr.sent[1].form.get('file')).toBeNull();
    expect(FakeXhr.sent[2].form.get('file')).not.toBeNull();
  });

  it('reads the file again against the current plan when the import meets a newer version, and says so', async () => {
    renderWizard();
    chooseFile(new File(['Nr;Ärende;Delegat\n'], 'do.csv', { type: 'text/csv' }));
    FakeXhr.queue.push(previewAnswer(2));
    fireEvent.click(screen.getByRole('button', { name: 'Läs filen' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Vidare till förhandsgranskningen' }));
    const importButton = await screen.findByRole('button', { name: 'Importera till planen (version 2)' });

    FakeXhr.queue.push({ status: 409, body: { code: 'version_conflict', message: 'Plan was changed', currentVersion: 3 } });
    FakeXhr.queue.push(previewAnswer(3));
    fireEvent.click(importButton);

    await screen.findByRole('button', { name: 'Importera till planen (version 3)' });
    await waitFor(() =>
      expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain(
        'Någon annan har ändrat planen sedan förhandsgranskningen (nu version 3). Filen har kontrollerats igen mot planen som den är nu – granska och importera igen.',
      ),
    );
    expect(FakeXhr.sent.map((s) => s.url.replace(/.*\/ordinance\//, ''))).toEqual(['preview', 'import', 'preview']);
    expect(FakeXhr.sent[1].form.get('version')).toBe('2');
  });

  it('sends a fixed row as mapping.rows when the user checks again', async () => {
    renderWizard();
    chooseFile(new File(['x'], 'do.csv', { type: 'text/csv' }));
    const flagged = aPreview({
      items: [{ ...aPreview().items[0], delegate: undefined }],
      problems: [
        {
          code: 'missing_delegate',
          severity: 'error',
          line: 3,
          column: 'Delegat',
          field: 'delegate',
          params: {},
          reason: 'the row names no delegate',
        },
      ],
      counts: { rows: 3, items: 1, sections: 1, skippedHeaders: 0, errors: 1, warnings: 0 },
    });
    FakeXhr.queue.push(previewAnswer(1, flagged));
    fireEvent.click(screen.getByRole('button', { name: 'Läs filen' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Vidare till förhandsgranskningen' }));
    expect((await screen.findAllByText(/Raden anger ingen delegat\./)).length).toBeGreaterThan(0);
    expect(screen.queryByText(/the row names no delegate/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Importera till planen (version 1)' })).toHaveProperty('disabled', true);

    fireEvent.click(screen.getByRole('button', { name: 'Rätta rad 3' }));
    fireEvent.change(screen.getByLabelText('Delegat'), { target: { value: 'Ordförande' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara rättelsen' }));
    FakeXhr.queue.push(previewAnswer(1));
    fireEvent.click(screen.getByRole('button', { name: 'Kontrollera igen' }));
    await screen.findByText('Inga fel. Delegationsordningen kan importeras.');
    expect(JSON.parse(String(FakeXhr.sent[1].form.get('mapping')))).toEqual({
      priceBaseAmount: THIS_YEAR,
      rows: [{ line: 3, values: { delegate: 'Ordförande' } }],
    });
  });

  it('shows this year’s prisbasbelopp, sends it with the first read, and sends the user’s value when changed', async () => {
    renderWizard();
    chooseFile(new File(['x'], 'do.csv', { type: 'text/csv' }));
    FakeXhr.queue.push(previewAnswer(1));
    fireEvent.click(screen.getByRole('button', { name: 'Läs filen' }));
    const year = await screen.findByLabelText('År');
    expect(JSON.parse(String(FakeXhr.sent[0].form.get('mapping')))).toEqual({ priceBaseAmount: THIS_YEAR });
    expect((year as HTMLInputElement).value).toBe(String(THIS_YEAR.year));
    expect((screen.getByLabelText('Prisbasbelopp i kronor') as HTMLInputElement).value).toBe(String(THIS_YEAR.sek));
    // A known year fills in its value; the amount can still be changed by hand.
    fireEvent.change(year, { target: { value: '2024' } });
    expect((screen.getByLabelText('Prisbasbelopp i kronor') as HTMLInputElement).value).toBe('57300');
    fireEvent.change(screen.getByLabelText('Prisbasbelopp i kronor'), { target: { value: '57 500' } });
    fireEvent.change(screen.getByLabelText('År'), { target: { value: '20x' } });
    expect(screen.getByText('Ange ett årtal med fyra siffror, till exempel 2026.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('År'), { target: { value: '2019' } });
    FakeXhr.queue.push(previewAnswer(1));
    fireEvent.click(screen.getByRole('button', { name: 'Vidare till förhandsgranskningen' }));
    await screen.findByText('Inga fel. Delegationsordningen kan importeras.');
    expect(JSON.parse(String(FakeXhr.sent[1].form.get('mapping')))).toEqual({ priceBaseAmount: { year: 2019, sek: 57500 } });
  });

  it('offers to pick one of two titles or to split the matter, and sends the split as mapping.rows', async () => {
    renderWizard();
    chooseFile(new File(['x'], 'do.csv', { type: 'text/csv' }));
    const item = { ...aPreview().items[0], delegate: undefined };
    const flagged = aPreview({
      items: [item],
      problems: [
        {
          code: 'two_delegates',
          severity: 'error',
          line: 3,
          column: 'Delegat',
          field: 'delegate',
          params: { options: ['Enhetschef', '1:e socialsekreterare'] },
          reason: 'the cell names more than one delegate',
        },
      ],
      counts: { rows: 3, items: 1, sections: 1, skippedHeaders: 0, errors: 1, warnings: 0 },
    });
    FakeXhr.queue.push(previewAnswer(1, flagged));
    fireEvent.click(screen.getByRole('button', { name: 'Läs filen' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Vidare till förhandsgranskningen' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Rätta rad 3' }));
    expect(screen.getByRole('radio', { name: 'Enhetschef' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: '1:e socialsekreterare' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Dela upp ärendet i 2 rader: Enhetschef, 1:e socialsekreterare' }));
    const split = aPreview({
      items: [
        { ...item, code: `${item.code}a`, delegate: 'Enhetschef', part: { index: 1, of: 2 } },
        { ...item, code: `${item.code}b`, delegate: '1:e socialsekreterare', part: { index: 2, of: 2 } },
      ],
    });
    FakeXhr.queue.push(previewAnswer(1, split));
    fireEvent.click(screen.getByRole('button', { name: 'Kontrollera igen' }));
    await screen.findByText('Inga fel. Delegationsordningen kan importeras.');
    expect(JSON.parse(String(FakeXhr.sent[1].form.get('mapping')))).toEqual({
      priceBaseAmount: THIS_YEAR,
      rows: [{ line: 3, values: {}, split: true }],
    });
    expect(screen.getByText('Del 1 av 2 (uppdelat ärende)')).toBeTruthy();
    expect(screen.getByText('Del 2 av 2 (uppdelat ärende)')).toBeTruthy();
    // One fix button for the row the file had.
    expect(screen.getAllByRole('button', { name: 'Rätta rad 3' })).toHaveLength(1);
  });
});
