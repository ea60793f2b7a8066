/** ISO 6346 container numbers: owner code (3 letters), category (U, J or Z), 6 digits and a check digit. */

const LETTER_VALUES: Record<string, number> = (() => {
  // A=10, then skipping multiples of 11 (11, 22, 33).
  const values: Record<string, number> = {};
  let v = 10;
  for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
    if (v % 11 === 0) v++;
    values[c] = v++;
  }
  return values;
})();

/** The check digit of the first 10 characters of a container number, or null when they are not well formed. */
export function checkDigit(first10: string): number | null {
  if (!/^[A-Z]{3}[UJZ][0-9]{6}$/.test(first10)) return null;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const c = first10[i]!;
    const value = i < 4 ? LETTER_VALUES[c]! : Number(c);
    sum += value * 2 ** i;
  }
  return (sum % 11) % 10;
}

/** What is wrong with a container number, or null when it is valid (the check digit included). */
export function containerProblem(text: string): string | null {
  const n = text.trim().toUpperCase().replace(/\s+/g, '');
  if (!/^[A-Z]{3}[UJZ][0-9]{7}$/.test(n)) return `'${text.trim()}' is not a container number (4 letters ending in U, J or Z, then 7 digits, e.g. CSQU3054383).`;
  const expected = checkDigit(n.slice(0, 10));
  if (expected !== Number(n[10])) return `The check digit of ${n.slice(0, 10)} is ${expected}, not ${n[10]}.`;
  return null;
}
