import type { Child } from "hono/jsx";
import type { Translate } from "../i18n.js";

export type FieldProps = {
  t: Translate;
  id: string;
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
};

export const describedBy = ({ id, hint, error }: Pick<FieldProps, "id" | "hint" | "error">) =>
  [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;

export const HintAndError = ({ t, id, hint, error }: Pick<FieldProps, "t" | "id" | "hint" | "error">) => (
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

export const groupClass = (error: string | undefined) => `form-group${error ? " form-group--error" : ""}`;

/** Free text typed by staff: in its own direction, whatever the page's. */
export const TextArea = (props: FieldProps & { value?: string | undefined; rows?: number }) => (
  <div class={groupClass(props.error)}>
    <label class="label" for={props.id}>
      {props.label}
    </label>
    <HintAndError {...props} />
    <textarea
      class={`textarea${props.error ? " input--error" : ""}`}
      id={props.id}
      name={props.name}
      rows={props.rows ?? 4}
      dir="auto"
      aria-describedby={describedBy(props)}
      aria-invalid={props.error ? "true" : undefined}
    >
      {props.value ?? ""}
    </textarea>
  </div>
);

export const ShortText = (props: FieldProps & { value?: string | undefined; code?: boolean }) => (
  <div class={groupClass(props.error)}>
    <label class="label" for={props.id}>
      {props.label}
    </label>
    <HintAndError {...props} />
    <input
      class={`input${props.code ? " input--id" : ""}${props.error ? " input--error" : ""}`}
      id={props.id}
      name={props.name}
      type="text"
      value={props.value ?? ""}
      dir={props.code ? "ltr" : "auto"}
      spellcheck={false}
      autocomplete="off"
      aria-describedby={describedBy(props)}
      aria-invalid={props.error ? "true" : undefined}
    />
  </div>
);

export type Choice = { value: string; label: string };

type ChoiceGroupProps = Omit<FieldProps, "label"> & { label: Child; choices: Choice[] };

/** The legend is the question; the first input carries the id the error summary links to. */
const ChoiceGroup = (
  props: ChoiceGroupProps & { type: "radio" | "checkbox"; isChecked: (value: string) => boolean },
) => (
  <div class={groupClass(props.error)}>
    <fieldset class="fieldset" aria-describedby={describedBy(props)}>
      <legend class="label">{props.label}</legend>
      <HintAndError {...props} />
      <div class="radios">
        {props.choices.map((choice, index) => {
          const id = index === 0 ? props.id : `${props.id}-${choice.value}`;
          return (
            <div class="radios__item">
              <input
                class="radios__input"
                id={id}
                name={props.name}
                type={props.type}
                value={choice.value}
                checked={props.isChecked(choice.value)}
              />
              <label class="radios__label" for={id}>
                {choice.label}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  </div>
);

/** GOV.UK radios: one answer. */
export const Radios = (props: ChoiceGroupProps & { checked?: string | undefined }) => (
  <ChoiceGroup {...props} type="radio" isChecked={(value) => props.checked === value} />
);

/** GOV.UK checkboxes: any number of answers. */
export const Checkboxes = (props: ChoiceGroupProps & { checked: readonly string[] }) => (
  <ChoiceGroup {...props} type="checkbox" isChecked={(value) => props.checked.includes(value)} />
);

export const Select = (props: FieldProps & { choices: Choice[]; selected?: string | undefined }) => (
  <div class={groupClass(props.error)}>
    <label class="label" for={props.id}>
      {props.label}
    </label>
    <HintAndError {...props} />
    <select
      class={`select${props.error ? " input--error" : ""}`}
      id={props.id}
      name={props.name}
      aria-describedby={describedBy(props)}
      aria-invalid={props.error ? "true" : undefined}
    >
      {props.choices.map((choice) => (
        <option value={choice.value} selected={props.selected === choice.value} dir="auto">
          {choice.label}
        </option>
      ))}
    </select>
  </div>
);
