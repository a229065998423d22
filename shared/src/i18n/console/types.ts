import type { en } from "./en.js";

export type ConsoleMessageId = keyof typeof en;
/** Exactly the source's keys: a missing or an extra key in a translation is a type error. */
export type ConsoleCatalog = Record<ConsoleMessageId, string>;
