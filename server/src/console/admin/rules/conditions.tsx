import { type ConsoleLanguage, REGIONS } from "@balagh/shared";
import type { RuleConditions } from "../../../routing/rules.js";
import type { Translate } from "../../i18n.js";

const regionNames = new Map(Object.values(REGIONS).flatMap((regions) => regions.map((r) => [r.code, r.names])));

const regionName = (code: string, language: ConsoleLanguage) => {
  const names = regionNames.get(code) ?? [];
  const shown = (language === "ar" ? names.find((n) => /\p{Script=Arabic}/u.test(n)) : undefined) ?? names[0];
  return shown ? `${shown} (${code})` : code;
};

/** Each condition of a rule as a sentence staff read; codes only where a code is the name (P1, MR-13). */
export const conditionLines = (t: Translate, language: ConsoleLanguage, c: RuleConditions): string[] => {
  const country = new Intl.DisplayNames([language], { type: "region" });
  const languageName = new Intl.DisplayNames([language], { type: "language" });
  const list = <T extends string>(values: readonly T[], name: (v: T) => string) => values.map(name).join(", ");
  const lines: string[] = [];
  if (c.countries) lines.push(t("rules.cond.countries", { values: list(c.countries, (v) => country.of(v) ?? v) }));
  if (c.regions) lines.push(t("rules.cond.regions", { values: list(c.regions, (v) => regionName(v, language)) }));
  if (c.priorities) lines.push(t("rules.cond.priorities", { values: c.priorities.join(", ") }));
  if (c.child !== undefined) lines.push(t(c.child ? "rules.cond.childYes" : "rules.cond.childNo"));
  if (c.classifications)
    lines.push(
      t("rules.cond.classifications", { values: list(c.classifications, (v) => t(`tip.classification.${v}`)) }),
    );
  if (c.situationsAny)
    lines.push(t("rules.cond.situationsAny", { values: list(c.situationsAny, (v) => t(`queue.situation.${v}`)) }));
  if (c.reporterRoles)
    lines.push(t("rules.cond.reporterRoles", { values: list(c.reporterRoles, (v) => t(`rules.reporter.${v}`)) }));
  if (c.consent) lines.push(t("rules.cond.consent", { values: list(c.consent, (v) => t(`rules.consent.${v}`)) }));
  if (c.disclosures)
    lines.push(t("rules.cond.disclosures", { values: list(c.disclosures, (v) => t(`rules.disclosure.${v}`)) }));
  if (c.languages) lines.push(t("rules.cond.languages", { values: list(c.languages, (v) => languageName.of(v) ?? v) }));
  if (c.otherCountry !== undefined)
    lines.push(t(c.otherCountry ? "rules.cond.otherCountryYes" : "rules.cond.otherCountryNo"));
  return lines;
};

export const Conditions = (props: { t: Translate; language: ConsoleLanguage; conditions: RuleConditions }) => {
  const lines = conditionLines(props.t, props.language, props.conditions);
  return (
    <ul class="plain-list rule__conditions">
      {lines.length === 0 ? <li>{props.t("rules.every")}</li> : lines.map((line) => <li>{line}</li>)}
    </ul>
  );
};
