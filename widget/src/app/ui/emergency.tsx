import type { MessageId } from "@shared/i18n/types.js";
import type { PartnerConfig } from "@shared/partner-config.js";
import { useI18n } from "../i18n.js";
import { CountrySelect } from "./country.js";

/** Same rule as shared `telHref`, kept here so the app does not pull in the server-side country tables. */
const telHref = (number: string) => `tel:${number.replace(/[^0-9+]/g, "")}`;

type Props = {
  config: PartnerConfig;
  country: string;
  onCountry: (code: string) => void;
  urgent: boolean;
};

/**
 * The chosen country's emergency numbers as tap-to-call links, visible from the first screen
 * (DOMAIN.md, safety requirement 1); large and first when the reporter says someone is in danger.
 */
export const Emergency = ({ config, country, onCountry, urgent }: Props) => {
  const { t } = useI18n();
  const numbers = config.countries.find((c) => c.code === country)?.emergency ?? [];
  return (
    <section class={urgent ? "emergency urgent" : "emergency"} aria-labelledby="emergency-title">
      <h2 id="emergency-title" class="h2">
        {t("emergency.title")}
      </h2>
      <p class={urgent ? "lead" : "hint"}>{t(urgent ? "danger.callNow" : "danger.callIfNeeded")}</p>
      <CountrySelect
        id="emergency-country"
        label={t("emergency.countryLabel")}
        value={country}
        onChange={onCountry}
        partnerCodes={config.countries.map((c) => c.code)}
        compact
      />
      {numbers.length === 0 ? (
        <p>{t("emergency.none")}</p>
      ) : (
        <ul class="numbers">
          {numbers.map((n) => {
            const service = t(`emergency.service.${n.service}` as MessageId) ?? n.service;
            return (
              <li key={`${n.service}-${n.number}`}>
                <a class="call" href={telHref(n.number)}>
                  <span class="call-service">{service}</span>
                  <span class="call-number" dir="ltr">
                    {n.number}
                  </span>
                </a>
                {(!n.verified || n.note) && (
                  <span class="call-note">
                    {[!n.verified && t("emergency.unverified"), n.note].filter(Boolean).join(" · ")}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
};
