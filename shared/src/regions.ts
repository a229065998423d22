/**
 * First-level regions (ISO 3166-2) that routing rules and statistics may name. The reporter types
 * the region as free text, which is sealed with the rest of the place; only the code of a region
 * the text names exactly is kept in the clear. Countries not listed here keep no region in the clear.
 */
export type Region = { code: string; names: readonly string[] };

const MAURITANIA: readonly Region[] = [
  { code: "MR-01", names: ["Hodh ech Chargui", "Hodh Ech Chargui", "Hodh Chargui", "الحوض الشرقي"] },
  { code: "MR-02", names: ["Hodh el Gharbi", "Hodh El Gharbi", "Hodh Gharbi", "الحوض الغربي"] },
  { code: "MR-03", names: ["Assaba", "لعصابة", "العصابة"] },
  { code: "MR-04", names: ["Gorgol", "كوركول", "غورغول"] },
  { code: "MR-05", names: ["Brakna", "لبراكنة", "البراكنة"] },
  { code: "MR-06", names: ["Trarza", "الترارزة", "اترارزة"] },
  { code: "MR-07", names: ["Adrar", "آدرار", "أدرار"] },
  { code: "MR-08", names: ["Dakhlet Nouadhibou", "Nouadhibou", "داخلت نواذيبو", "داخلة نواذيبو", "نواذيبو"] },
  { code: "MR-09", names: ["Tagant", "تكانت"] },
  { code: "MR-10", names: ["Guidimaka", "Guidimakha", "كيدي ماغا", "غيديماغا"] },
  { code: "MR-11", names: ["Tiris Zemmour", "Tiris Zemour", "تيرس زمور"] },
  { code: "MR-12", names: ["Inchiri", "إينشيري", "اينشيري"] },
  { code: "MR-13", names: ["Nouakchott-Ouest", "Nouakchott Ouest", "Nouakchott West", "نواكشوط الغربية"] },
  { code: "MR-14", names: ["Nouakchott-Nord", "Nouakchott Nord", "Nouakchott North", "نواكشوط الشمالية"] },
  { code: "MR-15", names: ["Nouakchott-Sud", "Nouakchott Sud", "Nouakchott South", "نواكشوط الجنوبية"] },
];

export const REGIONS: Readonly<Record<string, readonly Region[]>> = { MR: MAURITANIA };

const comparable = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[\s\-‐-―_'’.]+/gu, " ")
    .trim()
    .toLowerCase();

/** The code of the region that `text` names exactly (case, accents and dashes aside), or null. */
export const regionCodeOf = (country: string, text: string | undefined): string | null => {
  if (!text) return null;
  const wanted = comparable(text);
  return REGIONS[country]?.find((region) => region.names.some((name) => comparable(name) === wanted))?.code ?? null;
};
