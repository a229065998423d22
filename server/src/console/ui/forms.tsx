import type { Child } from "hono/jsx";
import type { Translate } from "../i18n.js";
import { describedBy, groupClass, HintAndError } from "./fields.js";

/**
 * A problem with one field; `field` is the id of its input, which the error summary links to.
 * `beside: false` keeps it out of the field itself, for a message that must not say which field
 * was wrong (the sign-in's one message for every failure).
 */
export type FieldError = { field: string; message: string; beside?: boolean };

export const errorFor = (errors: FieldError[], field: string) =>
  errors.find((e) => e.field === field && e.beside !== false)?.message;

/** GOV.UK's error summary: at the top of the page, announced, each problem a link to its field. */
export const ErrorSummary = ({ t, errors }: { t: Translate; errors: FieldError[] }) =>
  errors.length === 0 ? null : (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 class="error-summary__title" id="error-summary-title">
        {t("errorSummary.title")}
      </h2>
      <ul>
        {errors.map((error) => (
          <li>
            <a href={`#${error.field}`}>{error.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );

type TextFieldProps = {
  t: Translate;
  id: string;
  name?: string;
  label: string;
  type?: "text" | "email" | "password";
  value?: string;
  hint?: string;
  error?: string | undefined;
  autocomplete?: string;
  inputmode?: "text" | "email" | "numeric";
  /** Codes, keys and addresses read left to right even on an Arabic page. */
  dir?: "ltr" | "auto";
  className?: string;
};

/** A label, its hint, its error beside it, and the input they describe. */
export const TextField = (props: TextFieldProps) => {
  const { id, error } = props;
  return (
    <div class={groupClass(error)}>
      <label class="label" for={id}>
        {props.label}
      </label>
      <HintAndError {...props} />
      <input
        class={`input${props.className ? ` ${props.className}` : ""}${error ? " input--error" : ""}`}
        id={id}
        name={props.name ?? id}
        type={props.type ?? "text"}
        value={props.value ?? ""}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        dir={props.dir}
        spellcheck={false}
        aria-describedby={describedBy(props)}
        aria-invalid={error ? "true" : undefined}
      />
    </div>
  );
};

export const Button = ({
  children,
  variant,
  name,
  value,
}: {
  children: Child;
  variant?: "secondary" | "warning";
  name?: string;
  value?: string;
}) => (
  <button type="submit" class={`button${variant ? ` button--${variant}` : ""}`} name={name} value={value}>
    {children}
  </button>
);

/** The session's token, which every state-changing form carries back. */
export const CsrfField = ({ token }: { token: string }) => <input type="hidden" name="csrf" value={token} />;

export const Hidden = ({ name, value }: { name: string; value: string | null | undefined }) =>
  value ? <input type="hidden" name={name} value={value} /> : null;

/** A plain POST form to the console; the session's token goes with it. */
export const PostForm = ({
  action,
  csrfToken,
  className,
  children,
}: {
  action: string;
  csrfToken: string;
  className?: string;
  children: Child;
}) => (
  <form method="post" action={action} class={className} novalidate>
    <CsrfField token={csrfToken} />
    {children}
  </form>
);
