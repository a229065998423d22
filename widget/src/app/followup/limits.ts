/**
 * FOLLOWUP_MESSAGE_MAX of the contract (shared/src/followup.ts), which the browser cannot import:
 * that module builds its zod schemas as it loads, and would bring zod into the widget's chunks.
 * limits.test.ts keeps the two equal.
 */
export const REPLY_MAX = 10_000;
