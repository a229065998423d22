import { type Phrase, type Word, wordKey, wordsOf, writtenWith } from "./index.js";

/**
 * Phrases as a reporter could write them, for tests: the k-th example takes the k-th word of every
 * choice, so each word of each choice appears in some example; "#" becomes an age, a stem takes `ending`.
 */
export const examplesOf = (phrase: Phrase, ending = ""): string[] => {
  const choices = wordsOf(phrase.written)
    .filter((word) => word.includes("|"))
    .map((word) => word.split("|"));
  const count = Math.max(1, ...choices.map((choice) => choice.length));
  return Array.from({ length: count }, (_, k) =>
    writtenWith(
      phrase,
      choices.map((choice) => choice[k % choice.length] ?? ""),
    )
      .replaceAll("#", "14")
      .replaceAll("*", ending),
  );
};

/** Every word sequence a phrase matches, one key each: the product of its choices. */
export const sequenceKeysOf = (phrase: Phrase): string[] =>
  phrase.terms
    .reduce<Word[][]>(
      (sequences, term) =>
        sequences.flatMap((sequence) =>
          term.kind === "one_of" ? term.options.map((o) => [...sequence, o.word]) : [[...sequence, term]],
        ),
      [[]],
    )
    .map((sequence) => sequence.map(wordKey).join(" "));
