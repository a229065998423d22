import type { Language } from "@balagh/shared";
import {
  formsOf,
  LONGEST_PHRASE,
  type NarrativeSignal,
  NEGATION,
  type Phrase,
  phrasesStartingWith,
  type Term,
  type Word,
  type WordForm,
  writtenWith,
} from "./lexicon/index.js";
import { normalise, type Token, tokenise } from "./normalise.js";

export type NarrativeHit = {
  signal: NarrativeSignal;
  /** The words as the reporter wrote them. */
  quote: string;
  /** The lexicon phrase they matched, and its language. */
  phrase: string;
  language: Language;
};

/** How far back (in words, within one clause) a negator reaches: "ne sont pas du tout en danger". */
const NEGATION_REACH = 3;
/** Enough to show staff why; a long narrative repeating a word adds nothing after that. */
const QUOTES_PER_SIGNAL = 3;
const CHILD_AGE = /^\d{1,2}$/u;

const wordMatches = (word: Word, form: WordForm) => {
  switch (word.kind) {
    case "exact":
      return form.text === word.text;
    case "stem":
      return form.text.startsWith(word.text);
    case "minor_age": {
      if (!CHILD_AGE.test(form.text)) return false;
      const age = Number(form.text);
      return age >= 1 && age < 18;
    }
  }
};

/** What a term matches in one form of a word: the lexicon's own word for a choice, "" for a plain word. */
const termMatch = (term: Term, form: WordForm): string | undefined =>
  term.kind === "one_of"
    ? term.options.find((option) => wordMatches(option.word, form))?.written
    : wordMatches(term, form)
      ? ""
      : undefined;

const firstMatch = (term: Term, forms: WordForm[]) => {
  for (const form of forms) {
    const choice = termMatch(term, form);
    if (choice !== undefined) return { form, choice };
  }
  return undefined;
};

type Span = { phrase: Phrase; first: number; last: number; conjoined: boolean; chosen: string[] };

const matchAt = (phrase: Phrase, tokens: Token[], forms: WordForm[][], first: number): Span | null => {
  let conjoined = false;
  const chosen: string[] = [];
  for (const [offset, term] of phrase.terms.entries()) {
    const at = first + offset;
    const token = tokens[at];
    if (!token || token.clause !== tokens[first]?.clause) return null;
    const match = firstMatch(term, forms[at] ?? []);
    if (!match) return null;
    if (term.kind === "one_of") chosen.push(match.choice);
    if (offset === 0) conjoined = match.form.conjoined;
  }
  return { phrase, first, last: first + phrase.terms.length - 1, conjoined, chosen };
};

// "ولا"/"فلم" carry the negator behind "and"; "بما" does not negate.
const negatorIn = (forms: WordForm[]) =>
  forms.find((form, i) => (i === 0 || form.conjoined) && NEGATION.negators.has(form.text));

const endsNegatorPair = (tokens: Token[], at: number) => {
  const [first, second] = [tokens[at - 1], tokens[at]];
  return first?.clause === second?.clause && NEGATION.negatorPairs.has(`${first?.text} ${second?.text}`);
};

const negates = (phrase: Phrase, tokens: Token[], forms: WordForm[][], at: number) => {
  if (endsNegatorPair(tokens, at)) return true;
  const negator = negatorIn(forms[at] ?? []);
  if (!negator) return false;
  if (phrase.negationInside && NEGATION.openers.has(negator.text)) return false;
  const next = tokens[at + 1];
  return !(next && NEGATION.falseNegations.has(`${negator.text} ${next.text}`));
};

const isNegated = (span: Span, tokens: Token[], forms: WordForm[][]) => {
  // A phrase led by "و"/"ف" ("and") starts a new coordinated clause, out of an earlier negation's reach.
  if (span.conjoined) return false;
  const clause = tokens[span.first]?.clause;
  for (let at = span.first - 1; at >= Math.max(0, span.first - NEGATION_REACH); at--) {
    const token = tokens[at];
    if (!token || token.clause !== clause || NEGATION.scopeBreakers.has(token.text)) return false;
    if (negates(span.phrase, tokens, forms, at)) return true;
  }
  return false;
};

const contains = (outer: Span, inner: Span) =>
  outer.first <= inner.first && inner.last <= outer.last && outer.last - outer.first > inner.last - inner.first;

const allSpans = (tokens: Token[], forms: WordForm[][]): Span[] => {
  const startingAt: Span[][] = tokens.map((_, first) =>
    [...phrasesStartingWith(forms[first] ?? [])].flatMap((phrase) => matchAt(phrase, tokens, forms, first) ?? []),
  );
  const isShadowed = (span: Span) =>
    startingAt
      .slice(Math.max(0, span.first - LONGEST_PHRASE + 1), span.first + 1)
      .some((spans) => spans.some((other) => contains(other, span)));
  // "الليلة الماضية" (last night) must not also count as "الليلة" (tonight): the longer phrase wins.
  return startingAt.flat().filter((span) => !isShadowed(span));
};

/**
 * Reads a narrative with every lexicon at once (narratives mix languages), case-, accent- and
 * diacritic-blind, on word boundaries; a negated phrase ("pas en danger") raises nothing.
 */
export const readNarrative = (narrative: string): NarrativeHit[] => {
  const tokens = tokenise(narrative);
  const forms = tokens.map((t) => formsOf(t.text));
  const hits: NarrativeHit[] = [];
  const quoted = new Map<NarrativeSignal, Set<string>>();
  for (const span of allSpans(tokens, forms)) {
    if (isNegated(span, tokens, forms)) continue;
    const seen = quoted.get(span.phrase.signal) ?? new Set<string>();
    if (seen.size >= QUOTES_PER_SIGNAL) continue;
    const quote = narrative.slice(tokens[span.first]?.start, tokens[span.last]?.end);
    const key = normalise(quote);
    if (seen.has(key)) continue;
    seen.add(key);
    quoted.set(span.phrase.signal, seen);
    hits.push({
      signal: span.phrase.signal,
      quote,
      phrase: writtenWith(span.phrase, span.chosen),
      language: span.phrase.language,
    });
  }
  return hits;
};
