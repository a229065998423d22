import { AGE_BANDS, SEXES } from "@shared/taxonomy.js";
import { useI18n } from "../i18n.js";
import { Checks } from "../ui/checks.js";
import { CountryList } from "../ui/country-list.js";
import { Title } from "../ui/fields.js";
import { TextField } from "../ui/text-field.js";
import type { StepProps } from "./props.js";

export const PeopleStep = ({ draft, set, errors, config }: StepProps) => {
  const { t } = useI18n();
  return (
    <>
      <Title>
        {t("people.title")} <span class="optional">{t("form.optional")}</span>
      </Title>
      <p class="hint">{t("people.hint")}</p>
      <TextField
        name="count"
        label={t("people.count")}
        inputMode="numeric"
        value={draft.count}
        error={errors.count}
        onInput={(count) => set({ count })}
      />
      <Checks
        name="ageBands"
        legend={t("people.ages")}
        options={AGE_BANDS.map((value) => ({ value, label: t(`age.${value}`) }))}
        value={draft.ageBands}
        onChange={(ageBands) => set({ ageBands })}
      />
      <Checks
        name="sexes"
        legend={t("people.sexes")}
        options={SEXES.map((value) => ({ value, label: t(`sex.${value}`) }))}
        value={draft.sexes}
        onChange={(sexes) => set({ sexes })}
      />
      <CountryList
        id="nationalities"
        legend={t("people.nationalities")}
        pickLabel={t("people.nationalityPick")}
        value={draft.nationalities}
        max={20}
        onChange={(nationalities) => set({ nationalities })}
        partnerCodes={config.countries.map((c) => c.code)}
      />
      <TextField
        name="languages"
        label={t("people.languages")}
        value={draft.languages}
        error={errors.languages}
        onInput={(languages) => set({ languages })}
      />
    </>
  );
};
