import { type ConsoleLanguage, countryCode, ROUTE_COUNTRIES } from "@balagh/shared";
import type { Choice } from "../ui/fields.js";

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
/** Every code the tip schema accepts as a country, from the same check. */
const ALL_COUNTRIES = [...LETTERS].flatMap((a) =>
  [...LETTERS].map((b) => `${a}${b}`).filter((code) => countryCode.safeParse(code).success),
);

/** The hotline's countries first, then every other one by its name in the page's language. */
export const countryChoices = (language: ConsoleLanguage): Choice[] => {
  const names = new Intl.DisplayNames([language], { type: "region" });
  const label = (code: string) => `${names.of(code) ?? code} (${code})`;
  const first = ROUTE_COUNTRIES.map((c) => c.code);
  const collator = new Intl.Collator(language);
  const rest = ALL_COUNTRIES.filter((code) => !first.includes(code))
    .map((code) => ({ value: code, label: label(code) }))
    .sort((a, b) => collator.compare(a.label, b.label));
  return [...first.map((code) => ({ value: code, label: label(code) })), ...rest];
};
