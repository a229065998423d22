import type { Language } from "@balagh/shared";
import { isArabic, tokenise } from "../normalise.js";
import { arabic } from "./ar.js";
import { arabizi } from "./arabizi.js";
import { english } from "./en.js";
import { spanish } from "./es.js";
import { french } from "./fr.js";
import { type Lexicon, type NarrativeSignal, withPart } from "./lexicon.js";

export type { Lexicon, NarrativeSignal } from "./lexicon.js";
export { NARRATIVE_SIGNALS } from "./lexicon.js";

export const LEXICONS: readonly Lexicon[] = [french, withPart(arabic, arabizi), english, spanish];

export type Word = { kind: "exact"; text: string } | { kind: "stem"; text: string } | { kind: "minor_age" };
/** One word of a phrase, or a choice of words ("mon|mes|nos"), each kept as the lexicon writes it. */
export type Term = Word | { kind: "one_of"; options: { written: string; word: Word }[] };

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
  /** "first second", each word folded. */
  negatorPairs: ReadonlySet<string>;
  openers: ReadonlySet<string>;
  falseNegations: ReadonlySet<string>;
  scopeBreakers: ReadonlySet<string>;
};

const words = (list: readonly string[]) => list.flatMap((entry) => tokenise(entry).map((t) => t.text));
const pairs = (list: readonly string[]) => list.map((entry) => words([entry]).join(" "));

export const NEGATION: Negation = {
  negators: new Set(LEXICONS.flatMap((l) => words(l.negators))),
  openers: new Set(LEXICONS.flatMap((l) => words(l.negationOpeners ?? []))),
  negatorPairs: new Set(LEXICONS.flatMap((l) => pairs(l.negatorPairs ?? []))),
  falseNegations: new Set(LEXICONS.flatMap((l) => pairs(l.falseNegations))),
  scopeBreakers: new Set(LEXICONS.flatMap((l) => words(l.scopeBreakers))),
};

export const wordsOf = (written: string) => written.split(/\s+/u).filter((word) => word !== "");

const wordTerms = (word: string): Word[] => {
  if (word === "#") return [{ kind: "minor_age" }];
  const isStem = word.endsWith("*");
  const parts = tokenise(isStem ? word.slice(0, -1) : word);
  // In "d'enfant*" only the last part is a stem.
  return parts.map((t, i) => ({ kind: isStem && i === parts.length - 1 ? "stem" : "exact", text: t.text }));
};

const termsOf = (written: string): Term[] =>
  wordsOf(written).flatMap((word): Term[] => {
    if (!word.includes("|")) return wordTerms(word);
    const options = word.split("|").map((option) => {
      const [only, ...more] = wordTerms(option);
      if (!only || more.length > 0) throw new Error(`lexicon: "${option}" in "${written}" must be one word`);
      return { written: option, word: only };
    });
    return [{ kind: "one_of", options }];
  });

const isNegator = (term: Term): boolean =>
  term.kind === "one_of"
    ? term.options.every((option) => isNegator(option.word))
    : term.kind === "exact" && NEGATION.negators.has(term.text);

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

export const wordKey = (word: Word) => (word.kind === "minor_age" ? "#" : `${word.kind}:${word.text}`);
const termKey = (term: Term) =>
  term.kind === "one_of" ? `(${term.options.map((o) => wordKey(o.word)).join("|")})` : wordKey(term);
export const phraseKey = (phrase: Phrase) => phrase.terms.map(termKey).join(" ");

/** The phrase with one word chosen from each choice, in order: what staff read as the phrase that matched. */
export const writtenWith = (phrase: Phrase, chosen: readonly string[]) => {
  let next = 0;
  return wordsOf(phrase.written)
    .map((word) => (word.includes("|") ? (chosen[next++] ?? word) : word))
    .join(" ");
};

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
  const index = (first: Word, phrase: Phrase) => {
    if (first.kind === "exact") add(words, first.text, phrase);
    else if (first.kind === "stem") add(stems, first.text.slice(0, STEM_KEY_LENGTH), phrase);
    else ages.push(phrase);
  };
  for (const phrase of PHRASES) {
    const first = phrase.terms[0];
    if (!first) continue;
    if (first.kind === "one_of") for (const option of first.options) index(option.word, phrase);
    else index(first, phrase);
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
