/** Letters with no Unicode decomposition, as they are written in English ("Łódź" is typed "Lodz", "Ələt" "Alat"). */
const UNDECOMPOSED: Record<string, string> = { ı: 'i', ł: 'l', ø: 'o', đ: 'd', ð: 'd', ħ: 'h', ŧ: 't', ə: 'a', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th' };

/**
 * Text folded for matching what a person types: lower case, diacritics off, the letters above as written in English,
 * dashes as a hyphen and apostrophes left out ("Xian" finds Xi'an, "Constanta" Constanța). The same rule as the
 * server's and the CLI's (Caravan.Core.Network.PlaceNames).
 */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[ıłøđðħŧəßæœþ]/g, (c) => UNDECOMPOSED[c] ?? c)
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/['`\u2018\u2019\u02bc]/g, '')
    .trim();
}
