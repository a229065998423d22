import type { Translate } from "../../i18n.js";
import type { Choice } from "../../tip/fields.js";

/** GOV.UK checkboxes: the legend is the question; the first box carries the id the error summary links to. */
export const Checkboxes = (props: {
  t: Translate;
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  choices: Choice[];
  checked: string[];
}) => {
  const { t, id, hint, error } = props;
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div class={`form-group${error ? " form-group--error" : ""}`}>
      <fieldset class="fieldset" aria-describedby={described}>
        <legend class="label">{props.label}</legend>
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
        {props.choices.map((choice, index) => {
          const boxId = index === 0 ? id : `${id}-${choice.value}`;
          return (
            <div class="checkboxes__item">
              <input
                class="checkboxes__input"
                id={boxId}
                name={props.name}
                type="checkbox"
                value={choice.value}
                checked={props.checked.includes(choice.value)}
              />
              <label class="checkboxes__label" for={boxId}>
                {choice.label}
              </label>
            </div>
          );
        })}
      </fieldset>
    </div>
  );
};
