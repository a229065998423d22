import type { Translate } from "../i18n.js";

type FieldProps = { t: Translate; id: string; name: string; label: string; hint?: string; error?: string | undefined };

const describedBy = ({ id, hint, error }: Pick<FieldProps, "id" | "hint" | "error">) =>
  [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;

const HintAndError = ({ t, id, hint, error }: Pick<FieldProps, "t" | "id" | "hint" | "error">) => (
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

const groupClass = (error: string | undefined) => `form-group${error ? " form-group--error" : ""}`;

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

/** GOV.UK radios: the legend is the question; the first radio carries the id the error summary links to. */
export const Radios = (props: FieldProps & { choices: Choice[]; checked?: string | undefined }) => (
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
                type="radio"
                value={choice.value}
                checked={props.checked === choice.value}
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
