import { limitRaised, limitText } from './limits';

describe(limitRaised.name, () => {
  it('compares money across kr, tkr and mnkr', () => {
    expect(limitRaised({ amount: 500, unit: 'tkr' }, { amount: 1, unit: 'mnkr' })).toBe(true);
    expect(limitRaised({ amount: 1, unit: 'mnkr' }, { amount: 999_999, unit: 'kr' })).toBe(false);
  });

  it('compares prisbasbelopp with kronor only when the year’s value is given', () => {
    expect(limitRaised({ amount: 1, unit: 'prisbasbelopp', year: 2027, priceBaseAmountSek: 59_000 }, { amount: 100, unit: 'tkr' })).toBe(true);
    expect(limitRaised({ amount: 1, unit: 'prisbasbelopp' }, { amount: 100, unit: 'tkr' })).toBe(false);
    expect(limitRaised({ amount: 1, unit: 'prisbasbelopp' }, { amount: 2, unit: 'prisbasbelopp' })).toBe(true);
  });

  it('compares durations, never with money', () => {
    expect(limitRaised({ amount: 3, unit: 'weeks' }, { amount: 1, unit: 'months' })).toBe(true);
    expect(limitRaised({ amount: 6, unit: 'months' }, { amount: 1, unit: 'mnkr' })).toBe(false);
  });

  it('calls a limit that is removed raised, and a new one not', () => {
    expect(limitRaised({ amount: 1, unit: 'kr' }, undefined)).toBe(true);
    expect(limitRaised(undefined, { amount: 1, unit: 'kr' })).toBe(false);
  });
});

describe(limitText.name, () => {
  it('words a limit as an ordinance does', () => {
    expect(limitText({ amount: 0.5, unit: 'prisbasbelopp' })).toBe('0,5 prisbasbelopp');
    expect(limitText({ amount: 5, unit: 'prisbasbelopp', year: 2027 })).toBe('5 prisbasbelopp (2027)');
    expect(limitText({ amount: 1, unit: 'months' })).toBe('1 månad');
    expect(limitText({ amount: 6, unit: 'months' })).toBe('6 månader');
  });
});
