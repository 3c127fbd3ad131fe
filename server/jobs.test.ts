import { describe, expect, it } from 'vitest';
import { vietnamDate } from './jobs';

describe('vietnamDate', () => {
  it('is the calendar date in Vietnam (UTC+7), not the server clock date', () => {
    expect(vietnamDate(new Date('2026-11-24T16:59:59Z'))).toBe('2026-11-24');
    expect(vietnamDate(new Date('2026-11-24T17:00:00Z'))).toBe('2026-11-25');
    expect(vietnamDate(new Date('2026-12-31T18:30:00Z'))).toBe('2027-01-01');
  });
});
