/**
 * Latvian personal names in the cases a sentence needs (issue 18 §4):
 * "Pārcelt Jāni Bērziņu (S028) uz 5.b?" takes the accusative, "Paziņojums
 * nosūtīts Annai Liepai" the dative, "Jāņa Bērziņa atzīmes" the genitive.
 *
 * Latvian names decline by their ending, each word on its own (a hyphenated
 * surname too): -s/-š (1st declension: Ozols, Bērziņš), -is (2nd: Jānis),
 * -us (3rd: Ingus), -a (4th: Anna, Liepa), -e (5th: Zane, Ābele). Other
 * endings (Hugo, Alex, Nikolai) are not declined, as Latvian writes foreign
 * names. The 2nd declension's genitive alternates its consonant (Jānis →
 * Jāņa, Kārlis → Kārļa); the rare exceptions (Dzintars is 1st, not -is) fall
 * out of the ending rule anyway.
 */
export type NameCase = 'nominative' | 'genitive' | 'dative' | 'accusative';

const LOWER = /\p{Ll}$/u;

/** 2nd-declension genitive: the stem's last consonant softens (n→ņ, l→ļ, s→š, z→ž, t→š, d→ž, c→č, k? no). */
function softened(stem: string): string {
  const pairs: [RegExp, string][] = [
    [/ln$/u, 'lņ'],
    [/sn$/u, 'šņ'],
    [/zn$/u, 'žņ'],
    [/n$/u, 'ņ'],
    [/l$/u, 'ļ'],
    [/st$/u, 'šļ'],
    [/s$/u, 'š'],
    [/z$/u, 'ž'],
    [/t$/u, 'š'],
    [/d$/u, 'ž'],
    [/c$/u, 'č'],
    [/p$/u, 'pj'],
    [/b$/u, 'bj'],
    [/m$/u, 'mj'],
    [/v$/u, 'vj'],
  ];
  for (const [pattern, replacement] of pairs) if (pattern.test(stem)) return stem.replace(pattern, replacement);
  return stem;
}

const ENDINGS: { ending: string; cases: Record<Exclude<NameCase, 'nominative'>, (stem: string) => string> }[] = [
  { ending: 'is', cases: { genitive: (s) => `${softened(s)}a`, dative: (s) => `${s}im`, accusative: (s) => `${s}i` } },
  { ending: 'us', cases: { genitive: (s) => `${s}us`, dative: (s) => `${s}um`, accusative: (s) => `${s}u` } },
  { ending: 'š', cases: { genitive: (s) => `${s}a`, dative: (s) => `${s}am`, accusative: (s) => `${s}u` } },
  { ending: 's', cases: { genitive: (s) => `${s}a`, dative: (s) => `${s}am`, accusative: (s) => `${s}u` } },
  { ending: 'a', cases: { genitive: (s) => `${s}as`, dative: (s) => `${s}ai`, accusative: (s) => `${s}u` } },
  { ending: 'e', cases: { genitive: (s) => `${s}es`, dative: (s) => `${s}ei`, accusative: (s) => `${s}i` } },
];

/** One word of a name in the given case; a word too short to have a stem, or written in capitals, is left as it is. */
export function declineWord(word: string, nameCase: NameCase): string {
  if (nameCase === 'nominative' || word.length < 3 || !LOWER.test(word)) return word;
  for (const { ending, cases } of ENDINGS) {
    if (word.endsWith(ending) && word.length > ending.length + 1) return cases[nameCase](word.slice(0, -ending.length));
  }
  return word;
}

/** A full name ("Jānis Bērziņš", "Anna Liepa-Ozola") in the given case, each word and each part of a hyphenated word declined. */
export function declineName(name: string, nameCase: NameCase): string {
  return name
    .split(/(\s+|-)/u)
    .map((part) => (/^(\s+|-)$/u.test(part) ? part : declineWord(part, nameCase)))
    .join('');
}
