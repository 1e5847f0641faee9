/**
 * The prisbasbelopp the government sets each year (socialförsäkringsbalken 2 kap. 7 §), in kronor: what a
 * limit "högst 5 prisbasbelopp" is worth. Each new year's value is added here when it is decided; the
 * wizard lets the user change it for any year.
 */
export const PRICE_BASE_AMOUNTS: Readonly<Record<number, number>> = {
  2022: 48_300,
  2023: 52_500,
  2024: 57_300,
  2025: 58_800,
  2026: 59_200,
};

/** The year's prisbasbelopp, or the latest known one (and its year) for a year not in the table. */
export function priceBaseAmountFor(year: number): { year: number; sek: number } {
  if (PRICE_BASE_AMOUNTS[year] !== undefined) return { year, sek: PRICE_BASE_AMOUNTS[year] };
  const known = Object.keys(PRICE_BASE_AMOUNTS)
    .map(Number)
    .sort((a, b) => a - b);
  const latest = year < known[0] ? known[0] : known[known.length - 1];
  return { year: latest, sek: PRICE_BASE_AMOUNTS[latest] };
}
