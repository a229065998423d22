import {
  CONSOLE_LANGUAGES,
  type ConsoleLanguage,
  type ConsoleMessageId,
  consoleCatalogs,
  format,
} from "@balagh/shared";
import type { MiddlewareHandler } from "hono";
import { languageDetector } from "hono/language";
import type { ConsoleEnv } from "./types.js";

export type Translate = (id: ConsoleMessageId, params?: Record<string, string | number>) => string;

export const translator =
  (language: ConsoleLanguage): Translate =>
  (id, params) =>
    format(consoleCatalogs[language][id], params);

export const isConsoleLanguage = (value: unknown): value is ConsoleLanguage =>
  (CONSOLE_LANGUAGES as readonly unknown[]).includes(value);

const detect = languageDetector({
  supportedLanguages: [...CONSOLE_LANGUAGES],
  fallbackLanguage: "fr",
  order: ["querystring", "header"],
  lookupQueryString: "lang",
  caches: false,
});

/**
 * Before sign-in: `?lang=` (the language switch), else the browser's languages, else French.
 * After sign-in, `requireViewer` replaces it with the member's own choice.
 */
export const pageLanguage: MiddlewareHandler<ConsoleEnv> = (c, next) => detect(c, next);
