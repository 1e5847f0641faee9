import { priceBaseAmountFor } from './price-base-amount';

describe(priceBaseAmountFor.name, () => {
  it('gives a year’s prisbasbelopp', () => {
    expect(priceBaseAmountFor(2026)).toEqual({ year: 2026, sek: 59_200 });
    expect(priceBaseAmountFor(2024)).toEqual({ year: 2024, sek: 57_300 });
  });

  it('gives the nearest known year for one not yet in the table, saying which', () => {
    expect(priceBaseAmountFor(2031)).toEqual({ year: 2026, sek: 59_200 });
    expect(priceBaseAmountFor(1999)).toEqual({ year: 2022, sek: 48_300 });
  });
});
