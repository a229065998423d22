import { format } from "@shared/i18n/format.js";
import type { Catalog, MessageId } from "@shared/i18n/types.js";
import type { Language } from "@shared/taxonomy.js";
import { createContext } from "preact";
import { useContext } from "preact/hooks";

// One chunk per language: the reporter downloads only the catalog they read (about 5 KB gzip each).
const loaders: Record<Language, () => Promise<Catalog>> = {
  fr: () => import("@shared/i18n/fr.js").then((m) => m.fr),
  ar: () => import("@shared/i18n/ar.js").then((m) => m.ar),
  en: () => import("@shared/i18n/en.js").then((m) => m.en),
  es: () => import("@shared/i18n/es.js").then((m) => m.es),
};

export const loadCatalog = (lang: Language): Promise<Catalog> => loaders[lang]();

/**
 * A language's own name is shown in that language whatever the page language, so a reporter who
 * cannot read the current one still finds theirs: these are not catalog messages.
 */
export const ENDONYMS: Record<Language, string> = { fr: "Français", ar: "العربية", en: "English", es: "Español" };

export type Params = Record<string, string | number>;
export type Translate = (id: MessageId, params?: Params) => string;

export const translator =
  (catalog: Catalog): Translate =>
  (id, params) =>
    params ? format(catalog[id], params) : catalog[id];

export type I18n = { lang: Language; t: Translate };

export const I18nContext = createContext<I18n>({ lang: "en", t: (id) => id });

export const useI18n = () => useContext(I18nContext);

/** A message and its parameters, translated when shown, so that switching language updates errors too. */
export type Message = { id: MessageId; params?: Params };
