import { describe, expect, it } from 'vitest';
import { co2e, countryName, duration, km, localTime, tomorrowUtc, usd, utcTime } from '../src/format';

describe('times', () => {
  it('shows a UTC time unambiguously', () => {
    expect(utcTime('2026-12-01T00:00:00Z')).toBe('2026-12-01 00:00 UTC');
    expect(utcTime('2026-12-01T05:30:00+05:00')).toBe('2026-12-01 00:30 UTC');
  });
  it('refuses text that is not a time', () => {
    expect(() => utcTime('tomorrow')).toThrow(RangeError);
  });
  it('shows local times in the viewer zone', () => {
    expect(localTime('2026-12-01T00:00:00Z', 'Asia/Almaty', 'en-GB')).toBe('1 Dec 2026, 05:00');
    expect(localTime('2026-12-01T00:00:00Z', 'Europe/Berlin', 'en-GB')).toBe('1 Dec 2026, 01:00');
  });
  it('gives the next UTC day as the default departure', () => {
    expect(tomorrowUtc(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });
});

describe('durations and figures', () => {
  it('writes hours as days and hours', () => {
    expect(duration(5)).toBe('5 h');
    expect(duration(48)).toBe('2 d');
    expect(duration(50.4)).toBe('2 d 2 h');
    expect(() => duration(-1)).toThrow(RangeError);
  });
  it('writes money, distance and emissions', () => {
    expect(usd(12345.6)).toBe('$12,346');
    expect(km(8412.3)).toBe('8,412 km');
    expect(co2e(840.4)).toBe('840 kg CO2e');
    expect(co2e(3240)).toBe('3.2 t CO2e');
  });
  it('names countries from their ISO codes', () => {
    expect(countryName('KZ')).toBe('Kazakhstan');
  });
});
