/**
 * OCR puts accents where a speck sits over a letter ("Mánufacturas", "Electrómotores"). Spanish spelling says
 * where a written accent can be, from the stressed syllable's place and the word's last letter, so an accent
 * that breaks the rules is a misreading and is dropped:
 *  - on the last syllable only when the word ends in a vowel, n or s ("Bogotá", "Medellín");
 *  - on the second to last only when it does not ("Cóndor", "Gómez");
 *  - on the third to last always ("Técnicas");
 *  - never further back (that place is for verbs with pronouns, not names);
 *  - an accented í or ú beside another vowel splits the two and is always right ("Ingeniería", "Raúl"), as is
 *    the common "Ruíz".
 * Words with more than one accent, or none, are left as they are; an article or preposition loses any.
 */
const ACCENTED = 'áéíóúÁÉÍÓÚ';
const PLAIN = 'aeiouAEIOU';
const STRONG = /[aeoáéóAEOÁÉÓ]/;
const VOWEL = /[aeiouáéíóúüAEIOUÁÉÍÓÚÜ]/;

/** Articles and prepositions of names: one syllable, never written with an accent ("Lá Pradera"). */
const PARTICLES = new Set(['la', 'las', 'los', 'el', 'de', 'del', 'en']);

export function dropImpossibleAccents(text: string): string {
  return text.replace(/\p{L}+/gu, (word) => {
    const plain = unaccented(word);
    if (plain !== word && PARTICLES.has(plain.toLowerCase())) return plain;
    return accentIsPossible(word) ? word : plain;
  });
}

function accentIsPossible(word: string): boolean {
  const accents = [...word].filter((c) => ACCENTED.includes(c));
  if (accents.length !== 1 || word.length < 4) return true;
  const letters = [...word];
  const at = letters.findIndex((c) => ACCENTED.includes(c));
  const accented = letters[at]!;
  const besideVowel = [letters[at - 1], letters[at + 1]].some((c) => c !== undefined && VOWEL.test(c));
  if (/[íúÍÚ]/.test(accented) && besideVowel) return true;
  const nuclei = syllableNuclei(letters);
  const place = nuclei.length - nuclei.findIndex(([start, end]) => at >= start && at <= end);
  const endsInVowelNS = /[aeiouáéíóúns]$/i.test(word);
  if (place === 1) return endsInVowelNS;
  if (place === 2) return !endsInVowelNS;
  return place === 3;
}

/** Index ranges of the vowel groups that make syllables: strong vowels side by side are two. */
function syllableNuclei(letters: string[]): [number, number][] {
  const nuclei: [number, number][] = [];
  for (let i = 0; i < letters.length; i++) {
    if (!VOWEL.test(letters[i]!)) continue;
    const last = nuclei.at(-1);
    const previous = letters[i - 1];
    const joins =
      last !== undefined &&
      last[1] === i - 1 &&
      previous !== undefined &&
      !(STRONG.test(previous) && STRONG.test(letters[i]!)) &&
      // "qu" and "gu" before e/i: the u is silent, not part of a diphthong, but joining it changes nothing.
      !/[íúÍÚ]/.test(letters[i]!) &&
      !/[íúÍÚ]/.test(previous);
    if (joins) last[1] = i;
    else nuclei.push([i, i]);
  }
  return nuclei;
}

function unaccented(word: string): string {
  return [...word].map((c) => (ACCENTED.includes(c) ? PLAIN[ACCENTED.indexOf(c)]! : c)).join('');
}
