import { WHEN } from "@shared/taxonomy.js";
import { useI18n } from "../i18n.js";
import { CountrySelect } from "../ui/country.js";
import { Radios, Title } from "../ui/fields.js";
import { TextField } from "../ui/text-field.js";
import type { StepProps } from "./props.js";

export const WhereStep = ({ draft, set, errors, config }: StepProps) => {
  const { t } = useI18n();
  return (
    <>
      <Title>{t("where.title")}</Title>
      <CountrySelect
        id="country"
        label={t("where.country")}
        value={draft.country}
        onChange={(country) => set({ country })}
        partnerCodes={config.countries.map((c) => c.code)}
        error={errors.country}
      />
      <TextField
        name="region"
        label={t("where.region")}
        optional
        value={draft.region}
        error={errors.region}
        onInput={(region) => set({ region })}
      />
      <TextField
        name="town"
        label={t("where.town")}
        optional
        value={draft.town}
        error={errors.town}
        onInput={(town) => set({ town })}
      />
      <TextField
        name="place"
        label={t("where.place")}
        hint={t("where.placeHint")}
        optional
        value={draft.place}
        error={errors.place}
        onInput={(place) => set({ place })}
      />
      <Radios
        name="when"
        legend={t("when.legend")}
        options={WHEN.map((value) => ({ value, label: t(`when.${value}`) }))}
        value={draft.when}
        error={errors.when}
        onChange={(when) => set({ when })}
      />
    </>
  );
};
