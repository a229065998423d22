import { z } from "zod";

export const NARRATIVE_MAX = 10_000;
export const SHORT_TEXT_MAX = 500;

// Bidi embeddings, overrides and isolates can make text read differently from what is stored
// ("Trojan source"); C0/C1 controls and NUL break logs, terminals and some drivers. Tab and
// newlines stay legal, as do LRM/RLM/ALM, which Arabic keyboards insert on their own.
const FORBIDDEN = /(?![\t\n\r])\p{Cc}|[\u202A-\u202E\u2066-\u2069\uFEFF]/u;
const LONE_SURROGATE = /\p{Surrogate}/u;

export const codePointLength = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

const describe = (ch: string) => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;

/** Free text from the public, counted in characters (code points) as a person counts them. */
export const boundedText = (max: number, { min = 0 }: { min?: number } = {}) =>
  z.string().superRefine((value, ctx) => {
    const bad = FORBIDDEN.exec(value);
    if (bad) {
      ctx.addIssue({
        code: "custom",
        message: `contains an invisible control character (${describe(bad[0])}); remove it and try again`,
      });
      return;
    }
    if (LONE_SURROGATE.test(value)) {
      ctx.addIssue({ code: "custom", message: "contains a broken character (unpaired surrogate)" });
      return;
    }
    const length = codePointLength(value);
    if (length > max) {
      ctx.addIssue({ code: "custom", message: `is too long: ${length} characters, at most ${max} allowed` });
    }
    if (value.trim().length < min) {
      ctx.addIssue({ code: "custom", message: min === 1 ? "must not be empty" : `needs at least ${min} characters` });
    }
  });

export const shortText = () => boundedText(SHORT_TEXT_MAX);
