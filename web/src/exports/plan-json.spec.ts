import { ErrorCode } from '@tillit/contract';
import { describe, expect, it } from 'vitest';
import { apiErrorOf } from '../api/http';
import { i18n } from '../i18n/i18n';
import { MAX_PLAN_FILE_BYTES, readPlanFile, uploadErrorLines } from './plan-json';

const file = (text: string, size = new TextEncoder().encode(text).length) => ({ size, text: () => Promise.resolve(text) });
const sv = i18n.getFixedT('sv');

describe(readPlanFile.name, () => {
  it('reads a plan document, with or without a byte-order mark', async () => {
    expect(await readPlanFile(file('{"title":"Plan"}'))).toEqual({ ok: true, document: { title: 'Plan' } });
    expect(await readPlanFile(file('\uFEFF{"title":"Plan"}'))).toEqual({ ok: true, document: { title: 'Plan' } });
  });

  it('says what is wrong with a file before anything is sent', async () => {
    expect(await readPlanFile(file('{}', MAX_PLAN_FILE_BYTES + 1))).toEqual({ ok: false, problem: 'too_large' });
    expect(await readPlanFile(file('Nr;Ärende;Delegat'))).toEqual({ ok: false, problem: 'not_json' });
    expect(await readPlanFile(file('[1, 2]'))).toEqual({ ok: false, problem: 'not_object' });
    expect(await readPlanFile(file('"plan"'))).toEqual({ ok: false, problem: 'not_object' });
  });
});

describe(uploadErrorLines.name, () => {
  it('lists the API’s field errors in Swedish, by the thing they lie in, never by path', () => {
    const err = apiErrorOf(400, {
      statusCode: 400,
      code: ErrorCode.ValidationFailed,
      message: 'Invalid input',
      errors: [
        { field: 'actors[1].kind', code: 'invalid_value', params: { in: { kind: 'actor', label: 'Enhetschef' } }, reason: 'Invalid option' },
        { field: 'title', code: 'required', reason: 'is required' },
      ],
    });
    const lines = uploadErrorLines(sv, err);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Aktören Enhetschef: /);
    for (const line of lines) {
      expect(line).not.toMatch(/actors\[|Invalid|required/);
    }
  });

  it('shows at most the first errors, and how many more there are', () => {
    const errors = Array.from({ length: 14 }, (_, i) => ({ field: `actors[${i}].name`, code: 'required', reason: 'is required' }));
    const lines = uploadErrorLines(sv, apiErrorOf(400, { code: ErrorCode.ValidationFailed, errors }));
    expect(lines).toHaveLength(11);
    expect(lines.at(-1)).toBe('… och 4 fel till.');
  });

  it('says other refusals by their code', () => {
    expect(uploadErrorLines(sv, apiErrorOf(413, { code: ErrorCode.PayloadTooLarge }))).toEqual(['Det är för mycket på en gång (högst 20 MB).']);
  });
});
