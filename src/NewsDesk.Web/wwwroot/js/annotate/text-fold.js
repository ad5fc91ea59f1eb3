// Folds a name for comparison: case and accents ignored ("Hézbollah" = "hezbollah"), Arabic diacritics and tatweel
// dropped, spaces squeezed, as the server's TextFolding does for search.

export function fold(value) {
  return (value ?? '')
    .normalize('NFKD')
    .replace(/[\p{M}\u0640]/gu, '')
    .toLocaleLowerCase('und')
    .replace(/\s+/gu, ' ')
    .trim();
}
