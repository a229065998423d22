import type { ConsoleMessageId } from "@balagh/shared";
import type { PartnerField, PartnerInput, PartnerProblem } from "../../../partners/fields.js";
import type { Translate } from "../../i18n.js";
import type { FieldError } from "../../ui/forms.js";
import { isolate } from "./isolate.js";

const text = (value: unknown) => (typeof value === "string" ? value : "");
const list = (value: unknown) => (Array.isArray(value) ? value : [value]).filter((v) => typeof v === "string");

/** The form as sent (`parseBody({ all: true })`): ticked boxes arrive as one value or several. */
export const partnerInputOf = (body: Record<string, unknown>): PartnerInput => ({
  key: text(body.key),
  name: text(body.name),
  allowedOrigins: text(body.allowedOrigins),
  languages: list(body.languages),
  defaultLanguage: text(body.defaultLanguage),
  countries: text(body.countries),
  defaultCountry: text(body.defaultCountry),
  captchaProviders: list(body.captchaProviders),
  exitUrl: text(body.exitUrl),
  accent: text(body.accent),
  launcherLabel: text(body.launcherLabel),
});

const REQUIRED: Record<PartnerField, ConsoleMessageId> = {
  key: "partners.error.key.required",
  name: "partners.error.name.required",
  allowedOrigins: "partners.error.allowedOrigins.required",
  languages: "partners.error.languages.required",
  defaultLanguage: "partners.error.defaultLanguage.required",
  countries: "partners.error.countries.required",
  defaultCountry: "partners.error.defaultCountry.required",
  captchaProviders: "partners.error.captchaProviders.required",
  exitUrl: "partners.error.exitUrl.required",
  accent: "partners.error.accent.format",
  launcherLabel: "partners.error.control",
};

const messageOf = (t: Translate, problem: PartnerProblem): string => {
  switch (problem.code) {
    case "required":
      return t(REQUIRED[problem.field]);
    case "control":
      return t("partners.error.control");
    case "notAmong":
      return t(
        problem.field === "defaultLanguage"
          ? "partners.error.defaultLanguage.notAmong"
          : "partners.error.defaultCountry.notAmong",
      );
    case "pattern":
      return t("partners.error.key.pattern");
    case "taken":
      return t("partners.error.key.taken");
    case "reserved":
      return t("partners.error.key.reserved");
    case "tooLong":
      return t(problem.field === "name" ? "partners.error.name.tooLong" : "partners.error.launcherLabel.tooLong", {
        max: problem.max,
      });
    case "country":
      return t("partners.error.countries.country", { value: isolate(problem.value) });
    case "format":
      return t("partners.error.accent.format");
    case "contrast":
      return t("partners.error.accent.contrast", { ratio: problem.ratio, minimum: problem.minimum });
    case "duplicate":
      return t("partners.error.origin.duplicate", { line: problem.line, value: isolate(problem.value) });
    case "invalid":
    case "scheme":
      if (problem.field === "exitUrl") return t(`partners.error.exitUrl.${problem.code}`);
      return t(`partners.error.origin.${problem.code}`, { line: problem.line, value: isolate(problem.value) });
    case "credentials":
    case "path":
    case "query":
    case "notCanonical":
      return t(`partners.error.origin.${problem.code}`, {
        line: problem.line,
        value: isolate(problem.value),
        suggestion: isolate(problem.suggestion),
      });
  }
};

/** One message per field, the first found: a list of origins names its first bad line. */
export const fieldErrorsOf = (t: Translate, problems: PartnerProblem[]): FieldError[] => {
  const seen = new Set<PartnerField>();
  return problems.flatMap((problem) => {
    if (seen.has(problem.field)) return [];
    seen.add(problem.field);
    return [{ field: problem.field, message: messageOf(t, problem) }];
  });
};
