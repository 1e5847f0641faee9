import { ErrorCode } from '@tillit/contract';
import { Actor, actorSchema } from '@tillit/domain';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/http';
import { i18n } from '../i18n/i18n';
import { EntityForm } from './entity-form';
import { FieldSpec } from './form-model';

const FIELDS: FieldSpec[] = [
  { name: 'name', label: 'Namn', kind: 'text' },
  {
    name: 'kind',
    label: 'Typ',
    kind: 'select',
    options: [
      ['team', 'Arbetslag'],
      ['role', 'Befattning'],
    ],
    empty: 'Välj …',
  },
  { name: 'headcount', label: 'Antal', kind: 'integer' },
];
const ACTOR: Actor = { id: 'htg', name: 'Hemtjänstgrupp', kind: 'team', headcount: 12 };

function renderForm(onSubmit: (value: Actor) => Promise<void>, onConflict?: () => Promise<object>) {
  render(
    <I18nextProvider i18n={i18n}>
      <EntityForm
        heading="Ändra"
        fields={FIELDS}
        schema={actorSchema}
        entity={ACTOR}
        submitLabel="Spara"
        onSubmit={onSubmit}
        onConflict={onConflict}
      />
    </I18nextProvider>,
  );
}

describe(EntityForm.name, () => {
  beforeEach(async () => {
    await i18n.changeLanguage('sv');
  });

  it('checks a field as the user types and sends nothing while it is wrong', async () => {
    const onSubmit = vi.fn(() => Promise.resolve());
    renderForm(onSubmit);
    fireEvent.change(screen.getByLabelText('Antal'), { target: { value: 'tolv' } });
    expect(screen.getByText('Skriv ett tal.')).toBeTruthy();
    expect(screen.getByLabelText('Antal').getAttribute('aria-invalid')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    expect(onSubmit).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('Antal'), { target: { value: '14' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith({ ...ACTOR, headcount: 14 }));
  });

  it('shows the API’s field errors on their fields and the rest for the whole form', async () => {
    renderForm(() =>
      Promise.reject(
        new ApiError(400, ErrorCode.ValidationFailed, 'invalid', [
          { field: 'actors[3].name', code: 'duplicate', reason: 'is taken' },
          { field: 'baseline[0].deciderId', code: 'unknown_reference', reason: 'unknown actor' },
        ]),
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    await waitFor(() => expect(screen.getByText('is taken')).toBeTruthy());
    expect(screen.getByLabelText('Namn').getAttribute('aria-describedby')).toContain('error');
    expect(screen.getByRole('list', { name: 'Att rätta' }).textContent).toContain('unknown actor');
    expect(screen.getByRole('list', { name: 'Att rätta' }).textContent).not.toContain('baseline[0]');
  });

  it('keeps the user’s edits through a conflict and saves them on the latest version', async () => {
    const saved: Actor[] = [];
    let fail = true;
    const onSubmit = vi.fn((value: Actor) => {
      if (fail) return Promise.reject(new ApiError(409, ErrorCode.VersionConflict, 'stale', [], 3));
      saved.push(value);
      return Promise.resolve();
    });
    const onConflict = vi.fn(() => Promise.resolve({ ...ACTOR, name: 'Hemtjänstgrupp Östra', kind: 'role' }));
    renderForm(onSubmit, onConflict);
    fireEvent.change(screen.getByLabelText('Namn'), { target: { value: 'Hemtjänstgrupp Öster' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Någon annan har sparat'));
    fireEvent.click(screen.getByRole('button', { name: 'Hämta senaste versionen och behåll mina ändringar' }));
    await waitFor(() => expect(screen.getByText(/Spara igen för att lägga in dem/)).toBeTruthy());
    expect((screen.getByLabelText('Namn') as HTMLInputElement).value).toBe('Hemtjänstgrupp Öster');
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    // The field the user changed wins; the other person's change of another field (the kind) stays.
    await waitFor(() => expect(saved).toEqual([{ ...ACTOR, name: 'Hemtjänstgrupp Öster', kind: 'role' }]));
  });

  it('can drop the user’s edits for the latest version instead', async () => {
    renderForm(
      () => Promise.reject(new ApiError(409, ErrorCode.VersionConflict, 'stale', [], 3)),
      () => Promise.resolve({ ...ACTOR, name: 'Hemtjänstgrupp Östra' }),
    );
    fireEvent.change(screen.getByLabelText('Namn'), { target: { value: 'Mitt namn' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    await waitFor(() => screen.getByRole('button', { name: 'Hämta senaste versionen och släng mina ändringar' }));
    fireEvent.click(screen.getByRole('button', { name: 'Hämta senaste versionen och släng mina ändringar' }));
    await waitFor(() => expect((screen.getByLabelText('Namn') as HTMLInputElement).value).toBe('Hemtjänstgrupp Östra'));
  });
});
