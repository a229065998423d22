import type { Translate } from "../i18n.js";
import type { Choice } from "../tip/fields.js";

type GroupProps = {
  t: Translate;
  id: string;
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  optional?: boolean;
};

const describedBy = ({ id, hint, error }: Pick<GroupProps, "id" | "hint" | "error">) =>
  [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;

export const HintAndError = ({ t, id, hint, error }: Pick<GroupProps, "t" | "id" | "hint" | "error">) => (
  <>
    {hint && (
      <p class="hint" id={`${id}-hint`}>
        {hint}
      </p>
    )}
    {error && (
      <p class="error-message" id={`${id}-error`}>
        <span class="visually-hidden">{t("field.errorPrefix")} </span>
        {error}
      </p>
    )}
  </>
);

export const Optional = ({ t, optional }: { t: Translate; optional?: boolean | undefined }) =>
  optional ? <span class="optional"> {t("intake.optional")}</span> : null;

/** GOV.UK checkboxes: one question, its legend; the first box carries the id the error summary links to. */
export const Checkboxes = (props: GroupProps & { choices: Choice[]; checked: string[] }) => (
  <div class={`form-group${props.error ? " form-group--error" : ""}`}>
    <fieldset class="fieldset" aria-describedby={describedBy(props)}>
      <legend class="label">
        {props.label}
        <Optional t={props.t} optional={props.optional} />
      </legend>
      <HintAndError {...props} />
      <div class="intake-checkboxes">
        {props.choices.map((choice, index) => {
          const id = index === 0 ? props.id : `${props.id}-${choice.value}`;
          return (
            <div class="intake-checkbox">
              <input
                id={id}
                name={props.name}
                type="checkbox"
                value={choice.value}
                checked={props.checked.includes(choice.value)}
              />
              <label for={id}>{choice.label}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  </div>
);

/** Several countries from the whole list; a phone shows its own picker for it. */
export const MultiSelect = (props: GroupProps & { choices: Choice[]; selected: string[] }) => (
  <div class={`form-group${props.error ? " form-group--error" : ""}`}>
    <label class="label" for={props.id}>
      {props.label}
      <Optional t={props.t} optional={props.optional} />
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
