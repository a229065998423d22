import type { ComponentChildren } from "preact";
import { type Message, useI18n } from "../i18n.js";
import { describedBy, ErrorText } from "./fields.js";

type TextProps = {
  name: string;
  label: string;
  hint?: string | undefined;
  optional?: boolean;
  value: string;
  onInput: (value: string) => void;
  error?: Message | undefined;
  rows?: number;
  inputMode?: "numeric" | "text" | "tel";
  /** Extra element ids read with the field (a character counter). */
  extraDescription?: string;
  after?: ComponentChildren;
};

/**
 * A labelled text box. `autocomplete="off"` asks the browser not to remember what was typed:
 * the device may be shared or watched. No `maxlength`: it counts UTF-16 units, not characters,
 * so limits are checked and explained instead.
 */
export const TextField = (props: TextProps) => {
  const { t } = useI18n();
  const common = {
    id: props.name,
    name: props.name,
    value: props.value,
    autocomplete: "off",
    dir: "auto" as const,
    "aria-invalid": props.error ? ("true" as const) : undefined,
    "aria-describedby": describedBy(
      props.hint && `${props.name}-hint`,
      props.error && `${props.name}-error`,
      props.extraDescription,
    ),
    onInput: (event: Event) => props.onInput((event.currentTarget as HTMLInputElement).value),
  };
  return (
    <div class="field">
      <label for={props.name} class="label">
        {props.label}
        {props.optional && <span class="optional"> {t("form.optional")}</span>}
      </label>
      {props.hint && (
        <p class="hint" id={`${props.name}-hint`}>
          {props.hint}
        </p>
      )}
      <ErrorText id={`${props.name}-error`} error={props.error} />
      {props.rows ? (
        <textarea rows={props.rows} {...common} />
      ) : (
        <input type="text" inputMode={props.inputMode} {...common} />
      )}
      {props.after}
    </div>
  );
};
