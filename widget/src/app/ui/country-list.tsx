import { useState } from "preact/hooks";
import { countryName } from "../countries.js";
import { useI18n } from "../i18n.js";
import { Options } from "./country.js";

type ListProps = {
  id: string;
  legend: string;
  pickLabel: string;
  value: string[];
  max: number;
  onChange: (codes: string[]) => void;
  partnerCodes: readonly string[];
};

/**
 * Several countries: a select and an Add button. Adding on `change` alone would add every country
 * the arrow keys pass over in browsers that fire `change` while a closed select is browsed.
 */
export const CountryList = ({ id, legend, pickLabel, value, max, onChange, partnerCodes }: ListProps) => {
  const { t, lang } = useI18n();
  const [pick, setPick] = useState("");
  const add = () => {
    if (pick && !value.includes(pick) && value.length < max) onChange([...value, pick]);
    setPick("");
  };
  return (
    <fieldset class="group">
      <legend class="legend">{legend}</legend>
      {value.length > 0 && (
        <ul class="chips">
          {value.map((code) => {
            const name = countryName(lang, code);
            return (
              <li key={code} class="chip">
                <span>{name}</span>
                <button
                  type="button"
                  class="chip-remove"
                  aria-label={t("people.remove", { name })}
                  onClick={() => onChange(value.filter((c) => c !== code))}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div class="add-row">
        <label for={id} class="sr-only">
          {pickLabel}
        </label>
        <select id={id} value={pick} onChange={(event) => setPick(event.currentTarget.value)}>
          <option value="">{pickLabel}</option>
          <Options partnerCodes={partnerCodes} />
        </select>
        <button type="button" class="button secondary" onClick={add} disabled={value.length >= max}>
          {t("people.add")}
        </button>
      </div>
    </fieldset>
  );
};
