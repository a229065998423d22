export const RECEIPT_DIGITS = 20;

/** 20 uniformly random decimal digits (rejection sampling keeps every digit equally likely). */
export const generateReceipt = (): string => {
  let digits = "";
  const bytes = new Uint8Array(32);
  while (digits.length < RECEIPT_DIGITS) {
    crypto.getRandomValues(bytes);
    for (const b of bytes) {
      if (b < 250 && digits.length < RECEIPT_DIGITS) digits += String(b % 10);
    }
  }
  return digits;
};

/** "1234 5678 9012 3456 7890": groups of four are easier to copy by hand and read aloud. */
export const formatReceipt = (digits: string): string => digits.replace(/(\d{4})(?=\d)/g, "$1 ");

const EASTERN_ARABIC_ZERO = 0x0660;
const PERSIAN_ZERO = 0x06f0;
// Spaces, dashes of every kind, and the direction marks that copying from a right-to-left page adds.
const SEPARATORS = /[\s\-\u2010-\u2015\u2212\u200E\u200F\u061C]/gu;

/** Accepts what a person types or pastes back; returns 20 ASCII digits, or null if it is not a receipt. */
export const normaliseReceipt = (input: string): string | null => {
  const ascii = input.replace(SEPARATORS, "").replace(/[\u0660-\u0669\u06F0-\u06F9]/gu, (d) => {
    const code = d.codePointAt(0) ?? 0;
    return String(code - (code >= PERSIAN_ZERO ? PERSIAN_ZERO : EASTERN_ARABIC_ZERO));
  });
  return new RegExp(`^\\d{${RECEIPT_DIGITS}}$`).test(ascii) ? ascii : null;
};
