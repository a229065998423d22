import type { Language } from "../../taxonomy.js";
import type { FollowupCatalog } from "../types.js";
import { followupAr } from "./ar.js";
import { followupEn } from "./en.js";
import { followupEs } from "./es.js";
import { followupFr } from "./fr.js";

/** All four at once, for tests; the widget imports one at a time with the follow-up screens. */
export const followupCatalogs: Record<Language, FollowupCatalog> = {
  en: followupEn,
  fr: followupFr,
  ar: followupAr,
  es: followupEs,
};
