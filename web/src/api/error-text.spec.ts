import { ErrorCode, FIELD_ERROR_CODES, FieldError } from '@tillit/contract';
import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n/i18n';
import { errorCodeText, fieldErrorText, whereText } from './error-text';

const sv = i18n.getFixedT('sv');
const en = i18n.getFixedT('en');

describe(fieldErrorText.name, () => {
  it('says the cases the API refuses in Swedish, by name, with no ids, paths or English', () => {
    const cases: Array<[FieldError, string]> = [
      [
        { field: 'justifications', code: 'unjustified_blocker', params: { count: 1 }, reason: '1 blocking finding(s) need a written justification' },
        '1 hindrande brist behöver en skriftlig motivering till nämnden.',
      ],
      [
        { field: 'justifications', code: 'unjustified_blocker', params: { count: 3 }, reason: '3 blocking finding(s) need a written justification' },
        '3 hindrande brister behöver var sin skriftlig motivering till nämnden.',
      ],
      [
        { field: 'endDate', code: 'date_before', params: { other: 'startDate' }, reason: 'must not be before startDate' },
        'Får inte vara före startdatum.',
      ],
      [
        {
          field: 'id',
          code: 'in_use',
          params: {
            by: [
              { kind: 'decisionRight', label: '5.1 Bistånd enligt SoL' },
              { kind: 'change', label: 'Etapp 2: 5.1 Bistånd enligt SoL' },
            ],
          },
          reason: 'is still in use',
        },
        'Används fortfarande av beslutsrätten för 5.1 Bistånd enligt SoL och förändringen i Etapp 2: 5.1 Bistånd enligt SoL.',
      ],
      [{ field: 'level', code: 'invalid_value', params: { values: [1] }, reason: 'Invalid input: expected 1' }, 'Välj ett av alternativen.'],
      [{ field: 'body', code: 'not_storable', reason: 'null value in column "title" of relation "plan"' }, 'Ett värde kan inte sparas.'],
      [
        { field: 'reportsTo', code: 'unknown_reference', params: { kind: 'actor', id: 'fc' }, reason: 'unknown actor "fc"' },
        'Aktören finns inte i planen.',
      ],
      [{ field: 'name', code: 'too_short', params: { minimum: 1 }, reason: 'too short' }, 'Får inte vara tomt.'],
    ];
    for (const [error, text] of cases) expect(fieldErrorText(sv, error)).toBe(text);
  });

  it('has a Swedish and an English text for every field error code', () => {
    for (const code of FIELD_ERROR_CODES) {
      const e = {
        field: 'x',
        code,
        params: {
          minimum: 1,
          maximum: 5,
          count: 2,
          other: 'startDate',
          kind: 'actor',
          by: [],
          format: 'email',
          present: 2,
          members: 5,
          ja: 3,
          nej: 1,
        },
        reason: 'English reason',
      };
      for (const t of [sv, en]) {
        const text = fieldErrorText(t, e);
        expect(text).not.toMatch(/apiErrors\.|English reason|\{\{/);
      }
    }
  });

  it('names what an error lies in, and each error code', () => {
    expect(
      whereText(sv, {
        field: 'baseline[6].deciderId',
        code: 'unknown_reference',
        params: { in: { kind: 'decisionRight', label: '5.1 Bistånd' } },
        reason: '',
      }),
    ).toBe('Beslutsrätten för 5.1 Bistånd');
    for (const code of Object.values(ErrorCode)) expect(errorCodeText(sv, code)).not.toMatch(/apiErrors\./);
    expect(errorCodeText(sv, ErrorCode.PlanFrozen)).toBe('Planen ligger för beslut eller är beslutad och kan inte ändras.');
  });
});
