import { parseIsoDateTime } from './iso-date-time';

describe('parseIsoDateTime', () => {
  it.each([
    ['2026-03-02T10:15:00+01:00', '2026-03-02T09:15:00.000Z'],
    ['2026-03-02T10:15:00Z', '2026-03-02T10:15:00.000Z'],
    ['2026-03-02T10:15Z', '2026-03-02T10:15:00.000Z'],
    ['2024-02-29T23:59:59.999-05:30', '2024-03-01T05:29:59.999Z'],
  ])('accepts %s as %s', (input, iso) => {
    expect(parseIsoDateTime(input)?.toISOString()).toBe(iso);
  });

  it.each([
    '2026-06-31T00:00:00Z', // June has 30 days: rejected, not rolled over to July 1st
    '2025-02-29T00:00:00Z', // not a leap year
    '2026-13-01T00:00:00Z',
    '2026-01-01T24:00:00Z',
    '2026-01-01T10:60:00Z',
    '2026-01-01T10:00:00', // no offset
    '2026-01-01',
    '2026-01-01T10:00:00+15:00',
    '2026-01-01 10:00:00Z',
    'yesterday',
    '',
    1735689600000,
    null,
  ])('rejects %p', (input) => {
    expect(parseIsoDateTime(input)).toBeNull();
  });
});
