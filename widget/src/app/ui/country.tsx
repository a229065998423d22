import { useMemo } from "preact/hooks";
import { countryGroups } from "../countries.js";
import { type Message, useI18n } from "../i18n.js";
import { ErrorText } from "./fields.js";

const useGroups = (partnerCodes: readonly string[]) => {
  const { lang } = useI18n();
  return useMemo(() => countryGroups(lang, partnerCodes), [lang, partnerCodes]);
};

export const Options = ({ partnerCodes }: { partnerCodes: readonly string[] }) => {
  const { t } = useI18n();
  const { first, rest } = useGroups(partnerCodes);
  return (
    <>
      {first.map((c) => (
        <option key={c.code} value={c.code}>
          {c.name}
        </option>
      ))}
      <optgroup label={t("where.otherCountries")}>
        {rest.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </optgroup>
    </>
  );
};

type SelectProps = {
  id: string;
  label: string;
  value: string;
  onChange: (code: string) => void;
  partnerCodes: readonly string[];
  error?: Message | undefined;
  compact?: boolean;
};

export const CountrySelect = ({ id, label, value, onChange, partnerCodes, error, compact }: SelectProps) => (
  <div class={compact ? "field field-inline" : "field"}>
    <label for={id} class="label">
      {label}
    </label>
    <ErrorText id={`${id}-error`} error={error} />
    <select
      id={id}
      value={value}
      aria-invalid={error ? "true" : undefined}
      aria-describedby={error ? `${id}-error` : undefined}
      onChange={(event) => onChange(event.currentTarget.value)}
    >
      <Options partnerCodes={partnerCodes} />
    </select>
  </div>
);
