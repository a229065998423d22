import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { Hono } from "hono";
import { IMMUTABLE } from "../../assets/routes.js";

/** The partner pages' styles, beside the shell's and the workspace's (fields, tags). */
export const PARTNERS_CSS = `
.partner-table { width: 100%; border-collapse: collapse; margin-bottom: 30px; }
.partner-table th, .partner-table td { text-align: start; vertical-align: top; padding: 10px 10px 10px 0; padding-inline: 0 15px; border-bottom: 1px solid #b1b4b6; overflow-wrap: anywhere; }
@media (max-width: 640px) {
  .partner-table thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  .partner-table tr, .partner-table td { display: block; }
  .partner-table tr { border-bottom: 1px solid #b1b4b6; padding-block: 10px; }
  .partner-table td { border: 0; padding: 2px 0; }
}
.code { font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; direction: ltr; unicode-bidi: isolate; }
.tag--disabled { background: #f6d7d2; color: #942514; }
.tag--enabled { background: #cce2d8; color: #005a30; }
.textarea--origins { max-width: 30em; font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; }
.input--short { max-width: 12em; }
.select { max-width: 20em; }
.swatch { display: inline-block; width: 1.2em; height: 1.2em; vertical-align: middle; border: 1px solid #0b0c0c; margin-inline-end: 5px; }
.snippet { direction: ltr; text-align: left; background: #0b0c0c; color: #fff; padding: 15px; overflow-x: auto; white-space: pre-wrap; overflow-wrap: anywhere; margin: 0 0 20px; }
.snippet code { font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; font-size: 0.9em; }
.options { margin: 0 0 30px; }
.options > div { border-bottom: 1px solid #b1b4b6; padding-block: 10px; }
.options dt { font-weight: 700; }
.options dd { margin: 0; overflow-wrap: anywhere; }
.preview { display: block; width: 100%; max-width: 420px; height: 640px; border: 2px solid #0b0c0c; margin: 0 0 20px; background: #fff; }
.link-list { padding-inline-start: 1.2em; }
.link-list > li { margin-bottom: 10px; overflow-wrap: anywhere; }
.button-row { display: flex; flex-wrap: wrap; gap: 0 15px; align-items: flex-start; }
`;

/**
 * The poster is a page of its own, printed: an A4 or A5 sheet with nothing of the console on it.
 * On screen it shows as the sheet, with the other sizes and languages above. The paper size is a
 * sheet of its own per size (below): named pages would start the print with a blank default page.
 */
export const POSTER_CSS = `
*, *::before, *::after { box-sizing: border-box; }
html { background: #f3f2f1; }
body { margin: 0; color: #0b0c0c; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
:lang(ar) body, body:lang(ar), .sheet:lang(ar) { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", Tahoma, system-ui, sans-serif; }
.poster-tools { padding: 15px; display: flex; flex-wrap: wrap; gap: 10px 20px; align-items: center; }
.poster-tools a { color: #1d70b8; }
.sheet { background: #fff; margin: 0 auto 30px; display: flex; flex-direction: column; align-items: center; text-align: center; border-top: 16px solid #1f5a96; }
.sheet--a4 { width: 210mm; min-height: 297mm; padding: 14mm 16mm; }
.sheet--a5 { width: 148mm; min-height: 210mm; padding: 9mm 10mm; font-size: 0.66em; }
.sheet__title { font-size: 2.6em; line-height: 1.15; margin: 0 0 0.4em; }
.sheet__lead { font-size: 1.4em; line-height: 1.4; margin: 0 0 1em; max-width: 30em; }
.sheet__qr { width: 72mm; height: 72mm; margin: 0 0 0.6em; }
.sheet__qr svg { display: block; width: 100%; height: 100%; }
.sheet--a5 .sheet__qr { width: 54mm; height: 54mm; }
.sheet__url { font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; font-size: 1.2em; direction: ltr; unicode-bidi: isolate; overflow-wrap: anywhere; margin: 0 0 1.2em; }
.sheet__phone { font-size: 1.5em; margin: 0 0 0.2em; }
.sheet__number { display: block; font-size: 2.6em; font-weight: 700; direction: ltr; unicode-bidi: isolate; }
.sheet__emergency { font-size: 1.25em; margin: 1em 0 0; }
.sheet__emergency ul { list-style: none; margin: 0.4em 0 0; padding: 0; display: flex; flex-wrap: wrap; justify-content: center; gap: 0.3em 1.5em; }
.sheet__emergency b { direction: ltr; unicode-bidi: isolate; }
.sheet__safety { margin-top: auto; padding-top: 1.2em; font-size: 1.1em; max-width: 34em; }
@media print {
  html, body { background: #fff; }
  .poster-tools { display: none; }
  /* A hair under the paper: a sheet of exactly its height can round over onto a blank second page. */
  .sheet { margin: 0; }
  .sheet--a4 { min-height: 296mm; }
  .sheet--a5 { min-height: 209mm; }
}
`;

export const PAPER_CSS = { a4: "@page { size: A4; margin: 0; }", a5: "@page { size: A5; margin: 0; }" } as const;

const contentHash = (text: string) => bytesToHex(sha256(utf8ToBytes(text))).slice(0, 16);

export const PARTNERS_CSS_PATH = `/console/admin/partners/assets/partners.${contentHash(PARTNERS_CSS)}.css`;
export const POSTER_CSS_PATH = `/console/admin/partners/assets/poster.${contentHash(POSTER_CSS)}.css`;
export const PAPER_CSS_PATH = {
  a4: `/console/admin/partners/assets/paper-a4.${contentHash(PAPER_CSS.a4)}.css`,
  a5: `/console/admin/partners/assets/paper-a5.${contentHash(PAPER_CSS.a5)}.css`,
};

const css = (body: string) => () =>
  new Response(body, { headers: { "Content-Type": "text/css; charset=utf-8", "Cache-Control": IMMUTABLE } });

/** Public like the shell's sheet: styles say nothing about partners. Paths relative to the partners router. */
export const partnerAssetRoutes = () =>
  new Hono()
    .get(PARTNERS_CSS_PATH.replace("/console/admin/partners", ""), css(PARTNERS_CSS))
    .get(POSTER_CSS_PATH.replace("/console/admin/partners", ""), css(POSTER_CSS))
    .get(PAPER_CSS_PATH.a4.replace("/console/admin/partners", ""), css(PAPER_CSS.a4))
    .get(PAPER_CSS_PATH.a5.replace("/console/admin/partners", ""), css(PAPER_CSS.a5));
