/** How the dashboard writes times, durations, money and emissions for people. Pure functions, tested in test/format.test.ts. */

/** A time in the viewer's zone (or `timeZone`), e.g. "1 Dec 2026, 08:00". */
export function localTime(iso: string, timeZone?: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}

/** The same time in UTC, unambiguous: "2026-12-01 00:00 UTC". */
export function utcTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not a time: ${iso}`);
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A `<time>` element showing the local time, with the UTC time on hover (title) and in its datetime attribute. */
export function timeElement(iso: string, timeZone?: string): HTMLTimeElement {
  const el = document.createElement('time');
  el.dateTime = iso;
  el.textContent = localTime(iso, timeZone);
  el.title = utcTime(iso);
  return el;
}

/** Hours as days and hours: 5 → "5 h", 50 → "2 d 2 h", 48 → "2 d". */
export function duration(hours: number): string {
  if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`not a duration: ${hours}`);
  const total = Math.round(hours);
  const days = Math.floor(total / 24);
  const rest = total % 24;
  if (days === 0) return `${rest} h`;
  return rest === 0 ? `${days} d` : `${days} d ${rest} h`;
}

/** Hours between two ISO times. */
export function hoursBetween(fromIso: string, toIso: string): number {
  return (Date.parse(toIso) - Date.parse(fromIso)) / 3_600_000;
}

/** US dollars without cents: "$12,345". */
export function usd(value: number): string {
  return `$${Math.round(value).toLocaleString('en-US')}`;
}

/** Kilograms of CO2e, as tonnes from 1,000 kg: "840 kg CO2e", "3.2 t CO2e". */
export function co2e(kg: number): string {
  return kg < 1000 ? `${Math.round(kg)} kg CO2e` : `${(kg / 1000).toFixed(1)} t CO2e`;
}

/** Kilometres: "8,412 km". */
export function km(value: number): string {
  return `${Math.round(value).toLocaleString('en-US')} km`;
}

/** A country's English name from its ISO 3166-1 alpha-2 code, or the code when the browser does not know it. */
export function countryName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The date part (YYYY-MM-DD) of the day after `now`, in UTC: the planner's default departure day. */
export function tomorrowUtc(now: Date): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  return d.toISOString().slice(0, 10);
}
