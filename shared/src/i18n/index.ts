import type { Language } from "../taxonomy.js";
import { ar } from "./ar.js";
import { en } from "./en.js";
import { es } from "./es.js";
import { fr } from "./fr.js";
import type { Catalog } from "./types.js";

export { format, isRtl, placeholders } from "./format.js";
export type { Catalog, MessageId } from "./types.js";

/** All four at once, for the server and tests; the widget imports one catalog at a time to stay small. */
export const catalogs: Record<Language, Catalog> = { en, fr, ar, es };
