import { unstorableText } from './body-limits';

describe(unstorableText.name, () => {
  it('names the field path of a nested value the database cannot store', () => {
    const body = { title: 'Plan', stages: [{ changes: [{ rationale: 'ok' }, { rationale: 'bad \ud800' }] }] };
    expect(unstorableText(body)).toEqual({ field: 'stages[0].changes[1].rationale', code: 'invalid_unicode' });
    expect(unstorableText([['ok', 'nul \u0000']])).toEqual({ field: '[0][1]', code: 'invalid_character' });
  });

  it("names a key's object, or the body at the top", () => {
    expect(unstorableText({ a: { b: { '\udc00': 1 } } })).toEqual({ field: 'a.b', code: 'invalid_unicode' });
    expect(unstorableText({ '\u0000': 1 })).toEqual({ field: 'body', code: 'invalid_character' });
  });

  it('passes text that is whole Unicode, surrogate pairs included', () => {
    expect(unstorableText({ name: 'Åsa 😀', list: [1, null, true, { x: 'ä' }] })).toBeNull();
  });
});
