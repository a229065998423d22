import { Secret, TOTP } from "otpauth";

const PERIOD_SECONDS = 30;
const ISSUER = "Balagh";

const totpFor = (secretBase32: string, label = "") =>
  new TOTP({
    issuer: ISSUER,
    label,
    algorithm: "SHA1",
    digits: 6,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });

/** 160 random bits, RFC 4226's recommended length, in base32 as authenticator apps take it. */
export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

export const totpUri = (secretBase32: string, email: string): string => totpFor(secretBase32, email).toString();

/** The key as a person types it: groups of four. */
export const spelledOut = (secretBase32: string): string => secretBase32.match(/.{1,4}/g)?.join(" ") ?? "";

const EASTERN_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/gu;
// Spaces, dashes, and the direction marks that copying from a right-to-left page adds.
const SEPARATORS = /[\s\-\u2010-\u2015\u2212\u200e\u200f\u061c]/gu;

/** What was typed, as ASCII digits: separators dropped, Arabic-Indic and Persian digits read as digits. */
export const normaliseCode = (typed: string): string =>
  typed.replace(SEPARATORS, "").replace(EASTERN_DIGITS, (d) => String(d.charCodeAt(0) & 0xf));

export const isCodeShaped = (code: string) => /^\d{6}$/.test(code);

/**
 * The time step the code belongs to (one step either side of now, for clock drift), or null.
 * The caller refuses a step at or before the last one accepted: a code is good once.
 */
export const totpStep = (secretBase32: string, code: string, now: Date): number | null => {
  if (!isCodeShaped(code)) return null;
  const delta = totpFor(secretBase32).validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  return Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + delta;
};
