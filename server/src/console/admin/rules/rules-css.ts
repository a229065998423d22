import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

/** The rules pages' own layout; served by their router so the console's shared assets stay as they are. */
export const RULES_CSS = `
.rules { margin: 30px 0 0; }
.rule { padding: 15px 0 20px; border-top: 1px solid #b1b4b6; }
.rule__title { font-size: 1.1875rem; margin: 0 0 10px; }
.rule__conditions { margin-bottom: 10px; }
.rule-actions, .page-actions { display: flex; flex-wrap: wrap; align-items: center; gap: 10px 15px; margin: 10px 0 20px; }
.rule-actions .button, .page-actions .button { margin: 0; }
.coverage { padding-inline-start: 20px; }
.coverage__problem { margin-bottom: 10px; }
.fired > li { margin-bottom: 8px; }
.try-result { border: 3px solid #1d70b8; padding: 15px; margin: 20px 0 30px; }
.try-result h3 { margin-top: 25px; }
`;

export const RULES_CSS_PATH = `/console/admin/rules/assets/rules.${bytesToHex(sha256(utf8ToBytes(RULES_CSS))).slice(0, 16)}.css`;
