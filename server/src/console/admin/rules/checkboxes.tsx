import type { Translate } from "../../i18n.js";
import type { Choice } from "../../tip/fields.js";

/** GOV.UK checkboxes: the legend is the question; the first box carries the id the error summary links to. */
export const Checkboxes = (props: {
  t: Translate;
  id: string;
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  choices: Choice[];
  checked: readonly string[];
}) => {
  const described = [props.hint && `${props.id}-hint`, props.error && `${props.id}-error`].filter(Boolean).join(" ");
  return (
    <div class={`form-group${props.error ? " form-group--error" : ""}`}>
      <fieldset class="fieldset" aria-describedby={described || undefined}>
        <legend class="label">{props.label}</legend>
        {props.hint && (
          <p class="hint" id={`${props.id}-hint`}>
            {props.hint}
          </p>
        )}
        {props.error && (
          <p class="error-message" id={`${props.id}-error`}>
            <span class="visually-hidden">{props.t("field.errorPrefix")} </span>
            {props.error}
          </p>
        )}
        <div class="radios">
          {props.choices.map((choice, index) => {
            const id = index === 0 ? props.id : `${props.id}-${choice.value}`;
            return (
              <div class="radios__item">
                <input
                  class="radios__input"
                  id={id}
                  name={props.name}
                  type="checkbox"
                  value={choice.value}
                  checked={props.checked.includes(choice.value)}
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
};
