import type { Language } from "@balagh/shared";
import { isArabic, tokenise } from "../normalise.js";
import { arabic } from "./ar.js";
import { english } from "./en.js";
import { spanish } from "./es.js";
import { french } from "./fr.js";
import type { Lexicon, NarrativeSignal } from "./lexicon.js";

export type { Lexicon, NarrativeSignal } from "./lexicon.js";
export { NARRATIVE_SIGNALS } from "./lexicon.js";

export const LEXICONS: readonly Lexicon[] = [french, arabic, english, spanish];

export type Term = { kind: "exact"; text: string } | { kind: "stem"; text: string } | { kind: "minor_age" };

export type Phrase = {
  signal: NarrativeSignal;
  language: Language;
  /** The phrase as the lexicon writes it. */
  written: string;
  terms: Term[];
  /** "pas payé", "no le pagan": the negation is the meaning, not a reason to ignore it. */
  negationInside: boolean;
};

export type Negation = {
  negators: ReadonlySet<string>;
  falseNegations: ReadonlySet<string>;
  scopeBreakers: ReadonlySet<string>;
};

const words = (list: readonly string[]) => list.flatMap((entry) => tokenise(entry).map((t) => t.text));
const pairs = (list: readonly string[]) => list.map((entry) => words([entry]).join(" "));

export const NEGATION: Negation = {
  negators: new Set(LEXICONS.flatMap((l) => words(l.negators))),
  falseNegations: new Set(LEXICONS.flatMap((l) => pairs(l.falseNegations))),
  scopeBreakers: new Set(LEXICONS.flatMap((l) => words(l.scopeBreakers))),
};

const termsOf = (written: string): Term[] =>
  written
    .split(/\s+/u)
    .filter((word) => word !== "")
    .flatMap((word): Term[] => {
      if (word === "#") return [{ kind: "minor_age" }];
      const isStem = word.endsWith("*");
      const parts = tokenise(isStem ? word.slice(0, -1) : word);
      // In "d'enfant*" only the last part is a stem.
      return parts.map((t, i) => ({ kind: isStem && i === parts.length - 1 ? "stem" : "exact", text: t.text }));
    });

const isNegator = (term: Term) => term.kind === "exact" && NEGATION.negators.has(term.text);

const phrasesOf = (lexicon: Lexicon): Phrase[] =>
  Object.entries(lexicon.phrases).flatMap(([signal, list]) =>
    (list ?? []).map((written) => {
      const terms = termsOf(written);
      return {
        signal: signal as NarrativeSignal,
        language: lexicon.language,
        written,
        terms,
        negationInside: terms.some(isNegator),
      };
    }),
  );

const termKey = (term: Term) => (term.kind === "minor_age" ? "#" : `${term.kind}:${term.text}`);
export const phraseKey = (phrase: Phrase) => phrase.terms.map(termKey).join(" ");

/** Every phrase of every language; the same words listed by two languages for one signal count once. */
export const PHRASES: readonly Phrase[] = (() => {
  const seen = new Set<string>();
  const unique: Phrase[] = [];
  for (const phrase of LEXICONS.flatMap(phrasesOf)) {
    const key = `${phrase.signal} ${phraseKey(phrase)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(phrase);
  }
  return unique;
})();

/** In words: how far back a longer phrase may start and still contain a shorter one. */
export const LONGEST_PHRASE = PHRASES.reduce((longest, phrase) => Math.max(longest, phrase.terms.length), 1);

export const ARABIC_PROCLITICS = [
  "وال",
  "فال",
  "بال",
  "كال",
  "ولل",
  "فلل",
  "ال",
  "لل",
  "وب",
  "ول",
  "وك",
  "وس",
  "فب",
  "فل",
  "فس",
  "و",
  "ف",
  "ب",
  "ل",
  "ك",
  "س",
];

export type WordForm = { text: string; conjoined: boolean };

/** A word as written, and for Arabic also without each proclitic it may carry ("والقارب" → "القارب", "قارب"). */
export const formsOf = (word: string): WordForm[] => {
  const forms: WordForm[] = [{ text: word, conjoined: false }];
  if (!isArabic(word)) return forms;
  for (const prefix of ARABIC_PROCLITICS) {
    if (word.startsWith(prefix) && word.length - prefix.length >= 2) {
      forms.push({ text: word.slice(prefix.length), conjoined: prefix.startsWith("و") || prefix.startsWith("ف") });
    }
  }
  return forms;
};

/** Stems are looked up by their first letters; every stem is at least this long. */
export const STEM_KEY_LENGTH = 3;

const byFirstTerm = (() => {
  const words = new Map<string, Phrase[]>();
  const stems = new Map<string, Phrase[]>();
  const ages: Phrase[] = [];
  const add = (map: Map<string, Phrase[]>, key: string, phrase: Phrase) =>
    map.set(key, [...(map.get(key) ?? []), phrase]);
  for (const phrase of PHRASES) {
    const first = phrase.terms[0];
    if (first?.kind === "exact") add(words, first.text, phrase);
    else if (first?.kind === "stem") add(stems, first.text.slice(0, STEM_KEY_LENGTH), phrase);
    else ages.push(phrase);
  }
  return { words, stems, ages };
})();

/** The phrases that may start at a word, whatever form of it matches; `matchAt` confirms. */
export const phrasesStartingWith = (forms: WordForm[]): Set<Phrase> => {
  const found = new Set<Phrase>();
  for (const form of forms) {
    for (const phrase of byFirstTerm.words.get(form.text) ?? []) found.add(phrase);
    for (const phrase of byFirstTerm.stems.get(form.text.slice(0, STEM_KEY_LENGTH)) ?? []) found.add(phrase);
    if (/^\d+$/u.test(form.text)) for (const phrase of byFirstTerm.ages) found.add(phrase);
  }
  return found;
};
