import type { ComponentChildren } from "preact";
import { type Message, useI18n } from "../i18n.js";

/** `icon`: SVG path data on a 24-unit grid, drawn before the label (decorative: the label says it). */
export type Option<V extends string> = { value: V; label: string; icon?: string; hint?: string };

export const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(" ") || undefined;

export const ErrorText = ({ id, error }: { id: string; error?: Message | undefined }) => {
  const { t } = useI18n();
  return error ? (
    <p class="error" id={id}>
      {t(error.id, error.params)}
    </p>
  ) : null;
};

/** A screen's heading; focused when the screen changes so screen readers start from the question. */
export const Title = ({ children, id }: { children: ComponentChildren; id?: string }) => (
  <h1 class="title" tabIndex={-1} id={id}>
    {children}
  </h1>
);

export type GroupProps<V extends string> = {
  name: string;
  legend: string;
  /** The legend is the screen's question: render it as the heading (one question per screen). */
  asTitle?: boolean;
  hint?: string | undefined;
  /** "notice" for a hint that must not be missed (the limits of confidentiality). */
  hintClass?: string;
  options: Option<V>[];
  error?: Message | undefined;
  children?: ComponentChildren;
};

export const Group = <V extends string>({
  name,
  legend,
  asTitle,
  hint,
  hintClass = "hint",
  error,
  children,
  inputs,
}: GroupProps<V> & { inputs: ComponentChildren }) => (
  <fieldset class="group" aria-describedby={describedBy(hint && `${name}-hint`, error && `${name}-error`)}>
    <legend class={asTitle ? "legend-title" : "legend"}>{asTitle ? <Title>{legend}</Title> : legend}</legend>
    {hint && (
      <p class={hintClass} id={`${name}-hint`}>
        {hint}
      </p>
    )}
    <ErrorText id={`${name}-error`} error={error} />
    <div class="options">{inputs}</div>
    {children}
  </fieldset>
);

export const OptionText = ({ option }: { option: Option<string> }) => (
  <span class="option-text">
    {option.icon && (
      <svg class="icon" viewBox="0 0 24 24" aria-hidden="true">
        <path d={option.icon} />
      </svg>
    )}
    <span>
      {option.label}
      {option.hint && <span class="option-hint">{option.hint}</span>}
    </span>
  </span>
);

export const Radios = <V extends string>(props: GroupProps<V> & { value: V | null; onChange: (value: V) => void }) => (
  <Group
    {...props}
    inputs={props.options.map((option, i) => (
      <label class="option" key={option.value}>
        <input
          type="radio"
          name={props.name}
          id={i === 0 ? props.name : undefined}
          value={option.value}
          checked={props.value === option.value}
          aria-invalid={props.error ? "true" : undefined}
          onChange={() => props.onChange(option.value)}
        />
        <OptionText option={option} />
      </label>
    ))}
  />
);
