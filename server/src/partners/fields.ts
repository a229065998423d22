import { countryCode, LANGUAGES, type Language, partnerKey } from "@balagh/shared";
import { AA_CONTRAST, contrastRatio, failingRatioText, isHexColour, WIDGET_TEXT_ON_ACCENT } from "./contrast.js";
import { canonicalOrigin, exitUrlProblem, type OriginProblem, originProblem } from "./origin.js";

export const CAPTCHA_PROVIDERS = ["hcaptcha", "altcha"] as const;
export type CaptchaProvider = (typeof CAPTCHA_PROVIDERS)[number];

export const PARTNER_NAME_MAX = 200;

/** Addresses of the console's own partner pages (/console/admin/partners/new): no partner's kit could live there. */
const RESERVED_KEYS = ["new"];
/** As shared's theme schema allows. */
export const LAUNCHER_LABEL_MAX = 60;

/** A partner's settings as stored (the `partners` row without its id, state and date). */
export type PartnerValues = {
  key: string;
  name: string;
  allowedOrigins: string[];
  languages: Language[];
  defaultLanguage: Language;
  countries: string[];
  defaultCountry: string;
  captchaProviders: CaptchaProvider[];
  exitUrl: string;
  theme: { accent?: string; launcherLabel?: string };
};

/** What a form sends: text as typed (origins one per line, countries separated by spaces or commas). */
export type PartnerInput = {
  key: string;
  name: string;
  allowedOrigins: string;
  languages: string[];
  defaultLanguage: string;
  countries: string;
  defaultCountry: string;
  captchaProviders: string[];
  exitUrl: string;
  accent: string;
  launcherLabel: string;
};

export type PartnerField = keyof PartnerInput;

export type PartnerProblem =
  | { field: PartnerField; code: "required" | "control" | "notAmong" }
  | { field: "key"; code: "pattern" | "taken" | "reserved" }
  | { field: "name" | "launcherLabel"; code: "tooLong"; max: number }
  | { field: "allowedOrigins"; code: OriginProblem; line: number; value: string; suggestion: string }
  | { field: "allowedOrigins"; code: "duplicate"; line: number; value: string }
  | { field: "countries"; code: "country"; value: string }
  | { field: "exitUrl"; code: "invalid" | "scheme" }
  | { field: "accent"; code: "format" }
  | { field: "accent"; code: "contrast"; ratio: string; minimum: string };

export type PartnerCheck = { ok: true; value: PartnerValues } | { ok: false; problems: PartnerProblem[] };

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

const linesOf = (text: string) => text.split(/\r?\n/).map((line) => line.trim());
const wordsOf = (text: string) => text.split(/[\s,;]+/).filter((w) => w !== "");

const originProblems = (text: string): PartnerProblem[] => {
  const seen = new Set<string>();
  const problems: PartnerProblem[] = [];
  linesOf(text).forEach((value, index) => {
    if (value === "") return;
    const line = index + 1;
    const code = originProblem(value);
    if (code) problems.push({ field: "allowedOrigins", code, line, value, suggestion: canonicalOrigin(value) });
    else if (seen.has(value)) problems.push({ field: "allowedOrigins", code: "duplicate", line, value });
    seen.add(value);
  });
  return problems;
};

const textProblem = (field: "name" | "launcherLabel", value: string, max: number): PartnerProblem | null => {
  if (CONTROL.test(value)) return { field, code: "control" };
  return [...value].length > max ? { field, code: "tooLong", max } : null;
};

const accentProblem = (accent: string): PartnerProblem | null => {
  if (accent === "") return null;
  if (!isHexColour(accent)) return { field: "accent", code: "format" };
  const ratio = contrastRatio(accent, WIDGET_TEXT_ON_ACCENT);
  return ratio >= AA_CONTRAST
    ? null
    : {
        field: "accent",
        code: "contrast",
        ratio: failingRatioText(ratio, AA_CONTRAST),
        minimum: AA_CONTRAST.toFixed(1),
      };
};

const isLanguage = (value: string): value is Language => (LANGUAGES as readonly string[]).includes(value);

/**
 * Every problem of a partner's form at once, each on its field, so one answer shows them all. A
 * list of origins with one bad line is refused whole: a half-saved list would frame-allow a site
 * the admin did not mean, or drop one they did.
 */
export const checkPartner = (input: PartnerInput, { keyTaken }: { keyTaken: boolean }): PartnerCheck => {
  const problems: PartnerProblem[] = [];
  const need = (field: PartnerField, empty: boolean) => {
    if (empty) problems.push({ field, code: "required" });
    return !empty;
  };
  const key = input.key.trim();
  if (need("key", key === "")) {
    if (!partnerKey.safeParse(key).success) problems.push({ field: "key", code: "pattern" });
    else if (RESERVED_KEYS.includes(key)) problems.push({ field: "key", code: "reserved" });
    else if (keyTaken) problems.push({ field: "key", code: "taken" });
  }
  const name = input.name.trim();
  const nameIssue = need("name", name === "") && textProblem("name", name, PARTNER_NAME_MAX);
  if (nameIssue) problems.push(nameIssue);

  const origins = linesOf(input.allowedOrigins).filter((line) => line !== "");
  if (need("allowedOrigins", origins.length === 0)) problems.push(...originProblems(input.allowedOrigins));

  const languages = LANGUAGES.filter((l) => input.languages.includes(l));
  // Without a language or a country, "the default is not among them" would only repeat that.
  const someLanguage = need("languages", languages.length === 0);
  const defaultLanguage = input.defaultLanguage;
  const languageGiven = need("defaultLanguage", defaultLanguage === "");
  if (languageGiven && someLanguage && !(isLanguage(defaultLanguage) && languages.includes(defaultLanguage)))
    problems.push({ field: "defaultLanguage", code: "notAmong" });

  const countries = [...new Set(wordsOf(input.countries.toUpperCase()))];
  const someCountry = need("countries", countries.length === 0);
  const unknown = countries.find((code) => !countryCode.safeParse(code).success);
  if (unknown) problems.push({ field: "countries", code: "country", value: unknown });
  const defaultCountry = input.defaultCountry.trim().toUpperCase();
  if (need("defaultCountry", defaultCountry === "") && someCountry && !countries.includes(defaultCountry))
    problems.push({ field: "defaultCountry", code: "notAmong" });

  const captchaProviders = CAPTCHA_PROVIDERS.filter((p) => input.captchaProviders.includes(p));
  need("captchaProviders", captchaProviders.length === 0);

  const exitUrl = input.exitUrl.trim();
  if (need("exitUrl", exitUrl === "")) {
    const code = exitUrlProblem(exitUrl);
    if (code) problems.push({ field: "exitUrl", code });
  }
  const accent = input.accent.trim();
  const accentIssue = accentProblem(accent);
  if (accentIssue) problems.push(accentIssue);
  const launcherLabel = input.launcherLabel.trim();
  const labelIssue = textProblem("launcherLabel", launcherLabel, LAUNCHER_LABEL_MAX);
  if (labelIssue) problems.push(labelIssue);

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      key,
      name,
      allowedOrigins: origins,
      languages,
      defaultLanguage: defaultLanguage as Language,
      countries,
      defaultCountry,
      captchaProviders,
      exitUrl,
      theme: { ...(accent && { accent: accent.toLowerCase() }), ...(launcherLabel && { launcherLabel }) },
    },
  };
};

/** A stored partner as its form shows it, for editing. */
export const inputOf = (partner: PartnerValues): PartnerInput => ({
  key: partner.key,
  name: partner.name,
  allowedOrigins: partner.allowedOrigins.join("\n"),
  languages: partner.languages,
  defaultLanguage: partner.defaultLanguage,
  countries: partner.countries.join(" "),
  defaultCountry: partner.defaultCountry,
  captchaProviders: partner.captchaProviders,
  exitUrl: partner.exitUrl,
  accent: partner.theme.accent ?? "",
  launcherLabel: partner.theme.launcherLabel ?? "",
});
