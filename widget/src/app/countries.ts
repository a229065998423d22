import type { Language } from "@shared/taxonomy.js";

// ISO 3166-1 alpha-2 codes, as the server's validator accepts them; names come from the browser (Intl).
const ALL =
  "ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCDCFCGCHCICKCLCMCNCOCRCUCVCWCXCYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHUIDIEILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNANCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVIVNVUWFWSXKYEYTZAZMZW";

export const ALL_COUNTRIES: readonly string[] = ALL.match(/../g) ?? [];

const namers = new Map<Language, Intl.DisplayNames | null>();

export const countryName = (lang: Language, code: string): string => {
  if (!namers.has(lang)) {
    try {
      namers.set(lang, new Intl.DisplayNames([lang], { type: "region" }));
    } catch {
      namers.set(lang, null);
    }
  }
  return namers.get(lang)?.of(code) ?? code;
};

/** The partner's countries first (in its order), then every other country by name. */
export const countryGroups = (lang: Language, partnerCodes: readonly string[]) => {
  const first = partnerCodes.filter((code) => ALL_COUNTRIES.includes(code));
  const collator = new Intl.Collator(lang);
  const rest = ALL_COUNTRIES.filter((code) => !first.includes(code))
    .map((code) => ({ code, name: countryName(lang, code) }))
    .sort((a, b) => collator.compare(a.name, b.name));
  return { first: first.map((code) => ({ code, name: countryName(lang, code) })), rest };
};
