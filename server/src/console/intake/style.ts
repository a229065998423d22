import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

/**
 * The intake pages' styles, beside the shell's and the workspace's sheets. The receipt is large,
 * in Latin digits left to right even on an Arabic page, in groups a person reads out one at a time.
 */
export const INTAKE_CSS = `
.intake-lead { max-width: 40em; }
.intake-form { max-width: 40em; }
.intake-form .input, .intake-form .select { width: 100%; max-width: 30em; box-sizing: border-box; }
.intake-form .input--id { max-width: 8em; }
.intake-group { border: 0; margin: 0 0 30px; padding: 0; min-width: 0; }
.intake-group__legend { font-size: 1.3rem; font-weight: 700; margin-bottom: 15px; padding: 0; }
.optional { font-weight: 400; color: #505a5f; }
.intake-multiple { min-height: 9em; }
.intake-receipt { max-width: 48em; }
.receipt-box { border: 5px solid #00703c; padding: 20px; margin: 20px 0 30px; }
.receipt-box__label { font-weight: 700; margin: 0 0 10px; }
.receipt-digits { font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; font-size: clamp(1.5rem, 7vw, 2.75rem);
  font-weight: 700; letter-spacing: 0.05em; line-height: 1.3; margin: 0; direction: ltr; unicode-bidi: isolate; }
html[dir="rtl"] .receipt-digits { text-align: right; }
.receipt-digits__group { display: inline-block; margin-inline-end: 0.6em; white-space: nowrap; }
.receipt-digits__group:last-child { margin-inline-end: 0; }
`;

const contentHash = (text: string) => bytesToHex(sha256(utf8ToBytes(text))).slice(0, 16);

/** The name changes whenever the content does, so the file may be cached for good. */
export const INTAKE_CSS_PATH = `/console/intake/assets/intake.${contentHash(INTAKE_CSS)}.css`;
