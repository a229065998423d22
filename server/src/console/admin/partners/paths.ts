export const PARTNERS_PATH = "/console/admin/partners";

/** Partner keys are lower-case letters, digits and dashes: nothing to escape in a path. */
export const partnerPath = (key: string, rest = "") => `${PARTNERS_PATH}/${key}${rest}`;

export const POSTER_SIZES = ["a4", "a5"] as const;
export type PosterSize = (typeof POSTER_SIZES)[number];

/** The poster's languages: the public's, as the issue asks, French and Arabic. */
export const POSTER_LANGUAGES = ["fr", "ar"] as const;
export type PosterLanguage = (typeof POSTER_LANGUAGES)[number];

export const posterPath = (key: string, size: PosterSize, lang: PosterLanguage) =>
  partnerPath(key, `/poster?size=${size}&lang=${lang}`);
