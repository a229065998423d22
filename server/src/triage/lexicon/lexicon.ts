import type { Language } from "@balagh/shared";

/** What a phrase in a narrative is read as. */
export const NARRATIVE_SIGNALS = [
  "danger",
  "now",
  "ongoing",
  "released",
  "earlier_time",
  "boat",
  "fishing_boat",
  "departure",
  "smuggling",
  "captivity",
  "ransom",
  "violence",
  "begging",
  "domestic_servitude",
  "slavery",
  "forced_labour",
  "sexual_exploitation",
  "forced_marriage",
  "trafficking_term",
  "deception",
  "threats",
  "debt",
  "papers_taken",
  "wages_withheld",
  "minor",
  "unaccompanied_child",
  "weapon",
  "armed_now",
] as const;
export type NarrativeSignal = (typeof NARRATIVE_SIGNALS)[number];

/**
 * One language's words. A phrase is a space-separated list of words, each folded by `normalise`:
 * `word*` matches any word that starts with `word`, `#` matches an age under 18 written in digits,
 * and `mon|mes|nos` matches any one of the words between the bars (each a phrase of its own).
 * Arabic words also match behind a proclitic (و، ف، ب، ل، ك، ال، لل...), so list the bare word.
 */
export type Lexicon = {
  language: Language;
  /** Words that negate a phrase that follows closely in the same clause. */
  negators: readonly string[];
  /**
   * Negators that open a negation the phrase itself closes ("ne" in "ils ne sont pas payés"): they never
   * negate a phrase with a negator inside. Any other negator does: "pas de mineurs non accompagnés".
   */
  negationOpeners?: readonly string[];
  /**
   * Two words that negate together though neither does alone: Hassaniya "ma fih" (there is no), where "ma"
   * alone is French for "my" and "fih" alone says there is.
   */
  negatorPairs?: readonly string[];
  /** Two-word sequences that start with a negator yet do not negate ("not only", "ما زال" = still). */
  falseNegations: readonly string[];
  /** Words that end a negation's reach ("and", "but"): "not paid and locked up" is still locked up. */
  scopeBreakers: readonly string[];
  phrases: { readonly [S in NarrativeSignal]?: readonly string[] };
};

/** Words a language shares with its dialects written another way (Arabic in Latin letters), kept in their own file. */
export type LexiconPart = Omit<Lexicon, "language">;

export const withPart = (lexicon: Lexicon, part: LexiconPart): Lexicon => {
  const phrases: { [S in NarrativeSignal]?: readonly string[] } = { ...lexicon.phrases };
  for (const [signal, list] of Object.entries(part.phrases) as [NarrativeSignal, readonly string[]][]) {
    phrases[signal] = [...(phrases[signal] ?? []), ...list];
  }
  return {
    language: lexicon.language,
    negators: [...lexicon.negators, ...part.negators],
    negationOpeners: [...(lexicon.negationOpeners ?? []), ...(part.negationOpeners ?? [])],
    negatorPairs: [...(lexicon.negatorPairs ?? []), ...(part.negatorPairs ?? [])],
    falseNegations: [...lexicon.falseNegations, ...part.falseNegations],
    scopeBreakers: [...lexicon.scopeBreakers, ...part.scopeBreakers],
    phrases,
  };
};
