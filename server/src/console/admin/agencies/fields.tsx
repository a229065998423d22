import { AGENCY_KINDS } from "../../../deployments/schema.js";
import type { Translate } from "../../i18n.js";
import { Select, ShortText } from "../../ui/fields.js";
import { errorFor, type FieldError } from "../../ui/forms.js";

export type AgencyFormValues = {
  slug?: string;
  name?: string;
  kind?: string;
  country?: string;
  phone?: string;
  unverified?: boolean;
  fallback?: boolean;
};

const Checkbox = (props: {
  id: string;
  label: string;
  hint: string;
  checked: boolean;
  error?: string | undefined;
  t: Translate;
}) => (
  <div class={`form-group${props.error ? " form-group--error" : ""}`}>
    {props.error && (
      <p class="error-message" id={`${props.id}-error`}>
        <span class="visually-hidden">{props.t("field.errorPrefix")} </span>
        {props.error}
      </p>
    )}
    <div class="radios__item">
      <input
        class="radios__input"
        id={props.id}
        name={props.id}
        type="checkbox"
        value="yes"
        checked={props.checked}
        aria-describedby={[`${props.id}-hint`, props.error && `${props.id}-error`].filter(Boolean).join(" ")}
      />
      <label class="radios__label" for={props.id}>
        {props.label}
      </label>
    </div>
    <p class="hint" id={`${props.id}-hint`}>
      {props.hint}
    </p>
  </div>
);

/** The agency's fields, as the deployment file has them; the slug only when it is created (tips and rules name it). */
export const AgencyFields = ({
  t,
  values,
  errors,
  withSlug,
}: {
  t: Translate;
  values: AgencyFormValues;
  errors: FieldError[];
  withSlug: boolean;
}) => {
  const field = (name: "slug" | "name" | "kind" | "country" | "phone") => ({
    t,
    id: name,
    name,
    label: t(`agencies.${name}`),
    error: errorFor(errors, name),
  });
  return (
    <>
      {withSlug && <ShortText {...field("slug")} hint={t("agencies.slug.hint")} value={values.slug} code />}
      <ShortText {...field("name")} value={values.name} />
      <Select
        {...field("kind")}
        choices={[
          { value: "", label: t("agencies.kind.choose") },
          ...AGENCY_KINDS.map((kind) => ({ value: kind, label: t(`agencies.kind.${kind}`) })),
        ]}
        selected={values.kind ?? ""}
      />
      <ShortText {...field("country")} hint={t("agencies.country.hint")} value={values.country} code />
      <ShortText {...field("phone")} hint={t("agencies.phone.hint")} value={values.phone} code />
      <Checkbox
        t={t}
        id="unverified"
        label={t("agencies.unverified")}
        hint={t("agencies.unverified.hint")}
        checked={values.unverified ?? false}
      />
      <Checkbox
        t={t}
        id="fallback"
        label={t("agencies.fallback")}
        hint={t("agencies.fallback.hint")}
        checked={values.fallback ?? false}
        error={errorFor(errors, "fallback")}
      />
    </>
  );
};

/** A kind in the page's words; a kind this version does not know (an older file) as its code. */
export const kindLabel = (t: Translate, kind: string) =>
  (AGENCY_KINDS as readonly string[]).includes(kind)
    ? t(`agencies.kind.${kind as (typeof AGENCY_KINDS)[number]}`)
    : kind;
