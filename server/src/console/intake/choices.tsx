import type { Translate } from "../i18n.js";
import { type Choice, describedBy, type FieldProps, groupClass, HintAndError } from "../ui/fields.js";

/** After a group's question, so the legend itself says the answer may be left out. */
export const Optional = ({ t }: { t: Translate }) => <span class="optional"> {t("intake.optional")}</span>;

/** Several countries from the whole list; a phone shows its own picker for it. */
export const MultiSelect = (props: FieldProps & { choices: Choice[]; selected: string[] }) => (
  <div class={groupClass(props.error)}>
    <label class="label" for={props.id}>
      {props.label}
    </label>
    <HintAndError {...props} />
    <select
      class={`select intake-multiple${props.error ? " input--error" : ""}`}
      id={props.id}
      name={props.name}
      multiple
      size={6}
      aria-describedby={describedBy(props)}
      aria-invalid={props.error ? "true" : undefined}
    >
      {props.choices.map((choice) => (
        <option value={choice.value} selected={props.selected.includes(choice.value)}>
          {choice.label}
        </option>
      ))}
    </select>
  </div>
);
