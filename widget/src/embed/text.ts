/** The loader's own few words, kept here so the loader stays small; the app carries the full catalogs. */
export const LOADER_TEXT = {
  fr: { launch: "Signaler une situation", close: "Fermer", frame: "Formulaire de signalement" },
  ar: { launch: "الإبلاغ عن حالة", close: "إغلاق", frame: "استمارة الإبلاغ" },
  en: { launch: "Report a situation", close: "Close", frame: "Reporting form" },
  es: { launch: "Denunciar una situación", close: "Cerrar", frame: "Formulario de denuncia" },
} as const;

export type LoaderLang = keyof typeof LOADER_TEXT;
