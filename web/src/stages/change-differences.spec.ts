import { describe, expect, it } from 'vitest';
import { FieldSpec } from '../forms/form-model';
import { changeDifferences } from './change-differences';

const fields: FieldSpec[] = [
  {
    name: 'toDeciderId',
    label: 'Ny beslutsfattare',
    kind: 'select',
    options: [
      ['ssek', 'Socialsekreterare'],
      ['ec', 'Enhetschef'],
    ],
    empty: 'Välj …',
  },
  {
    name: 'level',
    label: 'Delegeringsnivå',
    kind: 'select',
    options: [
      ['5', '5'],
      ['6', '6'],
    ],
    empty: 'Behåll nuvarande',
    numeric: true,
  },
  { name: 'rationale', label: 'Motivering', kind: 'textarea' },
  {
    name: 'principleIds',
    label: 'Principer',
    kind: 'multi',
    options: [
      ['tillit', 'Tillit'],
      ['helhet', 'Helhetssyn'],
    ],
  },
];
const move = {
  id: 'flytt',
  type: 'move_decision',
  decisionAreaId: 's-4-2',
  toDeciderId: 'ssek',
  level: 6,
  rationale: 'Nära hushållet.',
  principleIds: ['tillit'],
};

describe(changeDifferences.name, () => {
  it('names the fields that differ with the texts the form shows, never ids', () => {
    expect(changeDifferences(fields, move, { ...move, toDeciderId: 'ec', principleIds: ['tillit', 'helhet'] })).toEqual([
      { label: 'Ny beslutsfattare', before: 'Socialsekreterare', after: 'Enhetschef' },
      { label: 'Principer', before: 'Tillit', after: 'Tillit, Helhetssyn' },
    ]);
  });

  it('shows a value left out as the form’s empty choice', () => {
    const { level: _, rationale: __, ...bare } = move;
    expect(changeDifferences(fields, move, bare)).toEqual([
      { label: 'Delegeringsnivå', before: '6', after: 'Behåll nuvarande' },
      { label: 'Motivering', before: 'Nära hushållet.', after: '–' },
    ]);
  });

  it('finds nothing between equal versions', () => {
    expect(changeDifferences(fields, move, { ...move })).toEqual([]);
  });
});
