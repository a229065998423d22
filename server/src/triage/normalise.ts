const LETTER_FOLDS: Record<string, string> = {
  "\u0671": "\u0627", // alef wasla → alef (the other hamza/madda forms fold through NFD)
  "\u0629": "\u0647", // ta marbuta → ha
  "\u0649": "\u064A", // alef maqsura → ya
  "\u06CC": "\u064A", // Farsi yeh, typed on some keyboards
  "\u06A9": "\u0643", // keheh → kaf
  "\u06AF": "\u0643", // gaf, Maghrebi spelling of /g/
  "\u06A4": "\u0641", // veh, Maghrebi spelling of /v/
  "\u06A8": "\u0642", // qaf with three dots, Algerian spelling of /g/
  "\u0153": "oe",
  "\u00E6": "ae",
  "\u00DF": "ss",
};
const FOLDABLE = new RegExp(`[${Object.keys(LETTER_FOLDS).join("")}]`, "gu");

const ARABIC_INDIC_ZERO = 0x0660;
const EXTENDED_ARABIC_INDIC_ZERO = 0x06f0;
const ARABIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/gu;
const toAsciiDigit = (d: string) => {
  const code = d.codePointAt(0) ?? 0;
  return String(code >= EXTENDED_ARABIC_INDIC_ZERO ? code - EXTENDED_ARABIC_INDIC_ZERO : code - ARABIC_INDIC_ZERO);
};

// Tatweel only stretches a word; the zero-width joiners and direction marks are invisible.
const INVISIBLE = /[\u0640\u061C\u200C-\u200F]/gu;
const COMBINING_MARK = /\p{M}/gu;

/**
 * Folds case, Latin accents, Arabic tashkeel, tatweel and letter variants, so that "Enfermés",
 * "enfermes", "أُحتُجِزَ" and "احتجز" compare equal. Works character by character, so the
 * normalised form of a slice is a slice of the normalised whole.
 */
export const normalise = (text: string): string =>
  text
    .normalize("NFKC")
    .toLowerCase()
    .normalize("NFD")
    .replace(COMBINING_MARK, "")
    .replace(INVISIBLE, "")
    .replace(FOLDABLE, (ch) => LETTER_FOLDS[ch] ?? ch)
    .replace(ARABIC_DIGITS, toAsciiDigit);

export type Token = {
  /** Normalised text of the word. */
  text: string;
  /** Position of the word in the original text, to quote it back unchanged. */
  start: number;
  end: number;
  /** Words in different clauses never form one phrase, and a negation never crosses a clause. */
  clause: number;
};

const WORD_OR_CLAUSE_BREAK =
  /(?<word>[\p{L}\p{M}\p{N}\u061C\u200C-\u200F]+)|[.!?;:,\n\r\u060C\u061B\u061F\u06D4\u2026\u2013\u2014]/gu;

export const tokenise = (text: string): Token[] => {
  const tokens: Token[] = [];
  let clause = 0;
  for (const match of text.matchAll(WORD_OR_CLAUSE_BREAK)) {
    const raw = match.groups?.word;
    if (raw === undefined) {
      clause++;
      continue;
    }
    const normalised = normalise(raw);
    if (normalised === "") continue;
    tokens.push({ text: normalised, start: match.index, end: match.index + raw.length, clause });
  }
  return tokens;
};

const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]/u;
export const isArabic = (word: string) => ARABIC_LETTER.test(word);
