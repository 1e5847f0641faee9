import { swedishDate } from './today';

describe(swedishDate.name, () => {
  it('is the date in Stockholm, not in UTC, in summer and in winter', () => {
    expect(swedishDate(new Date('2026-06-01T12:00:00Z'))).toBe('2026-06-01');
    // 23:30 UTC is 01:30 the next day in summer (UTC+2) and 00:30 in winter (UTC+1).
    expect(swedishDate(new Date('2026-06-01T23:30:00Z'))).toBe('2026-06-02');
    expect(swedishDate(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(swedishDate(new Date('2026-12-31T22:30:00Z'))).toBe('2026-12-31');
    expect(swedishDate(new Date('2026-06-01T21:59:00Z'))).toBe('2026-06-01');
  });
});
