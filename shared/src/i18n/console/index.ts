import { ar } from "./ar.js";
import { en } from "./en.js";
import { fr } from "./fr.js";
import type { ConsoleCatalog } from "./types.js";

export type { ConsoleCatalog, ConsoleMessageId } from "./types.js";

/** The languages hotline staff work in; French first, as most of the Mauritanian hotline does. */
export const CONSOLE_LANGUAGES = ["fr", "ar", "en"] as const;
export type ConsoleLanguage = (typeof CONSOLE_LANGUAGES)[number];

/** Each language named in itself, so that a reader finds their own whatever the page's language. */
export const CONSOLE_ENDONYMS: Record<ConsoleLanguage, string> = { fr: "Français", ar: "العربية", en: "English" };

export const consoleCatalogs: Record<ConsoleLanguage, ConsoleCatalog> = { fr, ar, en };
