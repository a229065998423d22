import type { Language, PartnerConfig } from "@balagh/shared";
import { html, raw } from "hono/html";
import type { WidgetEntry } from "./build.js";

export type BootData = {
  config: PartnerConfig;
  mode: "iframe" | "page";
  lang: Language;
  country: string | null;
  hcaptchaScriptUrl: string;
};

const TITLES: Record<Language, string> = {
  fr: "Signaler une situation de traite ou de trafic",
  ar: "الإبلاغ عن حالة اتجار بالبشر أو تهريب",
  en: "Report trafficking or smuggling",
  es: "Denunciar trata o tráfico de personas",
};

// JSON inside a <script> element ends at the first "</script"; escaping "<" (and the two line
// separators JavaScript once mistook for newlines) keeps partner-supplied text from breaking out.
const scriptSafeJson = (value: unknown) =>
  JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");

export const widgetPage = (boot: BootData, entry: WidgetEntry) =>
  html`<!doctype html>
<html lang="${boot.lang}" dir="${boot.lang === "ar" ? "rtl" : "ltr"}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex" />
    <title>${TITLES[boot.lang]}</title>
    ${entry.css.map((href) => html`<link rel="stylesheet" href="${href}" />`)}
    <script type="module" src="${entry.js}"></script>
    ${
      // The catalog is imported only once the app runs; preloading it saves a round trip on a slow line.
      entry.catalogs[boot.lang] ? html`<link rel="modulepreload" href="${entry.catalogs[boot.lang]}" />` : ""
    }
  </head>
  <body>
    <div id="balagh-app"></div>
    <script type="application/json" id="balagh-boot">${raw(scriptSafeJson(boot))}</script>
  </body>
</html>`;
