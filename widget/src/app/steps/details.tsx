import type { MessageId } from "@shared/i18n/types.js";
import { useI18n } from "../i18n.js";
import type { Field } from "../state.js";
import { CountryList } from "../ui/country-list.js";
import { Title } from "../ui/fields.js";
import { TextField } from "../ui/text-field.js";
import type { StepProps } from "./props.js";

const FIELDS = ["suspects", "vehicles", "boats", "phoneNumbers", "places"] as const satisfies readonly Field[];

export const DetailsStep = ({ draft, set, errors, config }: StepProps) => {
  const { t } = useI18n();
  return (
    <>
      <Title>
        {t("details.title")} <span class="optional">{t("form.optional")}</span>
      </Title>
      <p class="hint">{t("details.hint")}</p>
      <p class="notice">{t("safety.noConfront")}</p>
      {FIELDS.map((field) => (
        <TextField
          key={field}
          name={field}
          label={t(`details.${field}` as MessageId)}
          rows={2}
          value={draft[field]}
          error={errors[field]}
          onInput={(value) => set({ [field]: value })}
        />
      ))}
      <CountryList
        id="otherCountries"
        legend={t("details.otherCountries")}
        pickLabel={t("details.countryPick")}
        value={draft.otherCountries}
        max={10}
        onChange={(otherCountries) => set({ otherCountries })}
        partnerCodes={config.countries.map((c) => c.code)}
      />
    </>
  );
};
