/**
 * The loader's own few words, [launcher, close button], kept here so the loader stays small; the
 * app carries the full catalogs. The launcher's words also name the dialog and the form's frame:
 * they say what the reporter opened.
 */
export const LOADER_TEXT = {
  fr: ["Signaler une situation", "Fermer"],
  ar: ["الإبلاغ عن حالة", "إغلاق"],
  en: ["Report a situation", "Close"],
  es: ["Denunciar una situación", "Cerrar"],
} as const;

export type LoaderLang = keyof typeof LOADER_TEXT;
