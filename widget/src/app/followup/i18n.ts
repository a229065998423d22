import { format } from "@shared/i18n/format.js";
import type { FollowupCatalog, FollowupMessageId } from "@shared/i18n/types.js";
import type { Language } from "@shared/taxonomy.js";
import { useEffect, useState } from "preact/hooks";
import type { Params } from "../i18n.js";

// One chunk per language, fetched with the follow-up screens, never on the first load.
const loaders: Record<Language, () => Promise<FollowupCatalog>> = {
  fr: () => import("@shared/i18n/followup/fr.js").then((m) => m.followupFr),
  ar: () => import("@shared/i18n/followup/ar.js").then((m) => m.followupAr),
  en: () => import("@shared/i18n/followup/en.js").then((m) => m.followupEn),
  es: () => import("@shared/i18n/followup/es.js").then((m) => m.followupEs),
};

export type FollowupTranslate = (id: FollowupMessageId, params?: Params) => string;

const translator =
  (catalog: FollowupCatalog): FollowupTranslate =>
  (id, params) =>
    params ? format(catalog[id], params) : catalog[id];

/** The follow-up words in `lang`, or null while they download (tried again on each language change). */
export const useFollowupWords = (lang: Language): FollowupTranslate | null => {
  const [loaded, setLoaded] = useState<{ lang: Language; ft: FollowupTranslate } | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    loaders[lang]().then(
      (catalog) => live && setLoaded({ lang, ft: translator(catalog) }),
      // A failed download is tried again a little later: the screen says it is loading meanwhile.
      () => live && setTimeout(() => live && setAttempt((n) => n + 1), 2_000),
    );
    return () => {
      live = false;
    };
  }, [lang, attempt]);
  return loaded?.lang === lang ? loaded.ft : null;
};
