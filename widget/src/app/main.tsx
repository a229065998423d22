import "./styles.css";
import { isRtl } from "@shared/i18n/format.js";
import type { Catalog } from "@shared/i18n/types.js";
import type { Language } from "@shared/taxonomy.js";
import { render } from "preact";
import { App } from "./app.js";
import { readBoot } from "./boot.js";
import { loadCatalog } from "./i18n.js";
import { installEscape } from "./keys.js";
import { silence } from "./live.js";
import { leave, postClose, postReady, setMode } from "./parent.js";
import { applyAccent } from "./theme.js";

const boot = readBoot();
setMode(boot.mode);
// Started before anything else: the catalog chunk downloads while the rest of this file runs.
const firstCatalog = loadCatalog(boot.lang).catch(() => loadCatalog(boot.lang));

const root = document.getElementById("balagh-app") ?? document.body.appendChild(document.createElement("div"));
applyAccent(boot.config.theme.accent);

// Live regions exist, empty, before any message is put in them: regions that appear together with
// their text are often not read. Outside the Preact tree so re-renders never recreate them.
for (const [id, role, politeness] of [
  ["balagh-alert", "alert", "assertive"],
  ["balagh-status", "status", "polite"],
] as const) {
  const region = document.createElement("div");
  region.id = id;
  region.className = "sr-only";
  region.setAttribute("role", role);
  region.setAttribute("aria-live", politeness);
  region.setAttribute("aria-atomic", "true");
  document.body.appendChild(region);
}

const applyLanguage = (lang: Language, catalog: Catalog) => {
  const html = document.documentElement;
  html.lang = lang;
  html.dir = isRtl(lang) ? "rtl" : "ltr";
  document.title = catalog["app.title"];
};

const switchLanguage = async (lang: Language) => {
  const catalog = await loadCatalog(lang);
  applyLanguage(lang, catalog);
  return catalog;
};

let exited = false;
/** Wipe first (unmounting drops the draft and empties every field), then leave. */
const quickExit = () => {
  if (exited) return;
  exited = true;
  render(null, root);
  silence();
  leave(boot.config.exitUrl);
};

installEscape(boot.mode, quickExit, postClose);

// The loader passes the partner's data-mode on; inline, the form sits in the partner's page itself.
const inline = new URLSearchParams(location.search).get("mode") === "inline";

// When the partner's dialog gives this frame the focus and nothing in it has it, the quick exit takes it.
if (boot.mode === "iframe") {
  window.addEventListener("focus", () => {
    if (document.activeElement === document.body) root.querySelector<HTMLElement>("button.exit")?.focus();
  });
}

/** A new, empty form in the page's own language. */
const start = (catalog: Catalog) => {
  applyLanguage(boot.lang, catalog);
  render(<App boot={boot} initialCatalog={catalog} onLanguage={switchLanguage} onExit={quickExit} />, root);
  // In the partner's dialog the quick exit is where the keyboard starts: one Enter away from leaving.
  // Not inline: a form in the partner page must not pull the focus out of it as the page loads.
  if (boot.mode === "iframe" && !inline) root.querySelector<HTMLElement>("button.exit")?.focus();
};

firstCatalog.then(
  (catalog) => {
    if (exited) return;
    start(catalog);
    postReady();
    // Leaving the page (a link, Back, another address) takes the report with it. Should the
    // back/forward cache bring the page back, it comes back with a new, empty form, so that a
    // half-written report never reappears for the next person at this device.
    addEventListener("pagehide", () => {
      render(null, root);
      silence();
    });
    addEventListener("pageshow", (event) => {
      if (event.persisted && !exited) start(catalog);
    });
  },
  () => {
    // Without a catalog there are no words to show; say so in the four languages' common script.
    root.textContent = "⚠ Network error. Please reload · Erreur réseau, rechargez · خطأ في الشبكة";
  },
);
