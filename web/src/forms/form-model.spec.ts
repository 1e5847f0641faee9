import { actorSchema, changeSchema, decisionAreaSchema, decisionRightSchema, holdingSchema } from '@tillit/domain';
import { describe, expect, it } from 'vitest';
import { apiErrorsOnFields, checkEntity, entityOf, FieldSpec, issueText, valuesOf, withEdits } from './form-model';

const actorFields: FieldSpec[] = [
  { name: 'name', label: 'Namn', kind: 'text' },
  { name: 'kind', label: 'Typ', kind: 'select', options: [['role', 'Befattning']] },
  { name: 'reportsTo', label: 'Under', kind: 'select', nullable: true },
  { name: 'headcount', label: 'Antal', kind: 'integer' },
];

describe('form model', () => {
  it('turns an entity into input values and back, keeping what the form does not show', () => {
    const actor = { id: 'bhl', name: 'Biståndshandläggare', kind: 'role', reportsTo: 'ec', headcount: 8 };
    const values = valuesOf(actorFields, actor);
    expect(values).toEqual({ name: 'Biståndshandläggare', kind: 'role', reportsTo: 'ec', headcount: '8' });
    expect(entityOf(actorFields, { ...values, headcount: '', reportsTo: '' }, actor)).toEqual({
      id: 'bhl',
      name: 'Biståndshandläggare',
      kind: 'role',
      reportsTo: null,
    });
  });

  it('names the field and the reason when the schema refuses the values', () => {
    const entity = entityOf(actorFields, { name: ' ', kind: '', reportsTo: '', headcount: 'åtta' }, { id: 'x' });
    const check = checkEntity(actorSchema, actorFields, entity);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.errors.name).toEqual([{ key: 'required' }]);
    expect(check.errors.kind).toEqual([{ key: 'choose' }]);
    expect(check.errors.headcount).toEqual([{ key: 'notANumber' }]);
    expect(check.errors.reportsTo).toBeUndefined();
  });

  it('accepts valid values and gives the parsed entity with the schema defaults', () => {
    const fields: FieldSpec[] = [
      { name: 'code', label: 'Nr', kind: 'text' },
      { name: 'title', label: 'Ärende', kind: 'text' },
      { name: 'section', label: 'Avsnitt', kind: 'text' },
      { name: 'kind', label: 'Typ', kind: 'select' },
      { name: 'requirements', label: 'Krav', kind: 'levels' },
      { name: 'nonDelegable', label: 'Ej delegerbart', kind: 'checkbox' },
    ];
    const values = {
      code: '3.1',
      title: 'Anställa',
      section: 'Personal',
      kind: 'formal',
      requirements: { arbetsratt: '3', ibic: '' },
      nonDelegable: true,
    };
    const check = checkEntity(decisionAreaSchema, fields, entityOf(fields, values, { id: 'da-3-1' }));
    expect(check).toMatchObject({
      ok: true,
      value: { id: 'da-3-1', requirements: [{ competenceId: 'arbetsratt', level: 3 }], nonDelegable: true, onwardDelegationBy: [] },
    });
  });

  it('puts errors of nested fields on them (reporting.hoursPerYear) and out-of-range levels on the levels field', () => {
    const fields: FieldSpec[] = [
      { name: 'decisionAreaId', label: 'Område', kind: 'select' },
      { name: 'deciderId', label: 'Beslutar', kind: 'select' },
      { name: 'reporting.toId', label: 'Till', kind: 'select' },
      { name: 'reporting.frequency', label: 'Hur ofta', kind: 'select' },
      { name: 'reporting.hoursPerYear', label: 'Timmar', kind: 'number' },
    ];
    const entity = entityOf(fields, {
      decisionAreaId: 'a',
      deciderId: 'b',
      'reporting.toId': 'c',
      'reporting.frequency': 'monthly',
      'reporting.hoursPerYear': '-3',
    });
    expect(entity).toEqual({ decisionAreaId: 'a', deciderId: 'b', reporting: { toId: 'c', frequency: 'monthly', hoursPerYear: -3 } });
    const check = checkEntity(decisionRightSchema, fields, entity);
    expect(check.ok ? null : check.errors).toEqual({ 'reporting.hoursPerYear': [{ key: 'tooSmall', values: { min: 0 } }] });
  });

  it('checks each change type by its own fields', () => {
    const fields: FieldSpec[] = [
      { name: 'actor.name', label: 'Namn', kind: 'text' },
      { name: 'actor.kind', label: 'Typ', kind: 'select' },
    ];
    const check = checkEntity(
      changeSchema,
      fields,
      entityOf(fields, { 'actor.name': '', 'actor.kind': 'team' }, { id: 'c1', type: 'add_actor', actor: { id: 'nytt' } }),
    );
    expect(check.ok ? null : Object.keys(check.errors)).toEqual(['actor.name']);
  });

  it('shows the API’s field errors on the fields, whether relative to the body or to the plan', () => {
    const errors = apiErrorsOnFields(actorFields, [
      { field: 'name', code: 'too_short', reason: 'must not be empty' },
      { field: 'actors[3].reportsTo', code: 'unknown_reference', reason: 'unknown actor "x"' },
      { field: 'baseline[2].deciderId', code: 'unknown_reference', reason: 'retired', where: 'Beslutsrätten för 5.1 Bistånd' },
    ]);
    expect(errors).toEqual({ name: ['must not be empty'], reportsTo: ['unknown actor "x"'], form: ['Beslutsrätten för 5.1 Bistånd: retired'] });
  });
});

describe(withEdits.name, () => {
  it('keeps the fields the user changed and takes the rest from the latest save', () => {
    const fields = [
      { name: 'name', label: 'Namn', kind: 'text' },
      { name: 'headcount', label: 'Antal', kind: 'integer' },
      { name: 'kinds', label: 'Typer', kind: 'multi' },
    ] as const;
    const loaded = { name: 'Grupp', headcount: '12', kinds: ['a'] };
    const mine = { name: 'Grupp', headcount: '14', kinds: ['a'] };
    const latest = { name: 'Grupp Östra', headcount: '12', kinds: ['a', 'b'] };
    expect(withEdits(fields, latest, loaded, mine)).toEqual({ name: 'Grupp Östra', headcount: '14', kinds: ['a', 'b'] });
  });
});

describe(issueText.name, () => {
  it('names the date an expiry may not come before, not just "invalid"', () => {
    const result = holdingSchema.safeParse({ actorId: 'a', competenceId: 'c', level: 2, assessedOn: '2026-05-01', expiresOn: '2026-04-01' });
    expect(result.error?.issues.map(issueText)).toEqual([{ key: 'before_assessedOn' }]);
  });
});
