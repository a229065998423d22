import { CHILD_INVOLVED, type ConsoleLanguage, catalogs, REGIONS, SITUATIONS } from "@balagh/shared";
import type { Child } from "hono/jsx";
import { TIP_CHANNELS } from "../../intake/store.js";
import { STAFF_STATUSES } from "../../tips/statuses.js";
import { PRIORITIES } from "../../triage/index.js";
import type { Translate } from "../i18n.js";
import { Button, type FieldError } from "../ui/forms.js";
import {
  ALL_STATUSES,
  COUNTRY_CODES,
  type FilterChoices,
  type FilterField,
  type FilterValues,
  WAITING_FOR_US,
} from "./filters.js";

type Option = { value: string; label: string; dir?: "ltr" };

const fieldId = (field: FilterField) => `filter-${field}`;

export const ignoredErrors = (t: Translate, ignored: FilterField[]): FieldError[] =>
  ignored.map((field) => ({
    field: field === "priority" ? `${fieldId(field)}-${PRIORITIES[0]}` : fieldId(field),
    message: `${t(`queue.filter.${field}`)}: ${t("queue.filter.ignored")}`,
  }));

const Problem = ({ t, id, ignored }: { t: Translate; id: string; ignored: boolean }) =>
  ignored ? (
    <p class="error-message" id={`${id}-error`}>
      <span class="visually-hidden">{t("field.errorPrefix")} </span>
      {t("queue.filter.ignored")}
    </p>
  ) : null;

const Select = (props: {
  t: Translate;
  field: FilterField;
  value: string;
  options: Option[];
  anyLabel?: string;
  ignored: boolean;
}) => {
  const id = fieldId(props.field);
  return (
    <div class={`form-group filter${props.ignored ? " form-group--error" : ""}`}>
      <label class="label" for={id}>
        {props.t(`queue.filter.${props.field}`)}
      </label>
      <Problem t={props.t} id={id} ignored={props.ignored} />
      <select class="select" id={id} name={props.field} aria-describedby={props.ignored ? `${id}-error` : undefined}>
        <option value="">{props.anyLabel ?? props.t("queue.filter.any")}</option>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value} dir={o.dir}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
};

const DateField = ({
  t,
  field,
  value,
  ignored,
}: {
  t: Translate;
  field: "from" | "to";
  value: string;
  ignored: boolean;
}) => {
  const id = fieldId(field);
  return (
    <div class={`form-group filter${ignored ? " form-group--error" : ""}`}>
      <label class="label" for={id}>
        {t(`queue.filter.${field}`)}
      </label>
      <Problem t={t} id={id} ignored={ignored} />
      <input
        class="input"
        type="date"
        id={id}
        name={field}
        value={value}
        dir="ltr"
        aria-describedby={ignored ? `${id}-error` : undefined}
      />
    </div>
  );
};

const PriorityBoxes = ({ t, values, ignored }: { t: Translate; values: FilterValues; ignored: boolean }) => (
  <fieldset class={`fieldset filter filter--priority${ignored ? " form-group--error" : ""}`}>
    <legend class="label">{t("queue.filter.priority")}</legend>
    <Problem t={t} id={fieldId("priority")} ignored={ignored} />
    <div class="checkboxes">
      {PRIORITIES.map((p) => (
        <div class="checkbox">
          <input
            type="checkbox"
            id={`${fieldId("priority")}-${p}`}
            name="priority"
            value={p}
            checked={values.priority.includes(p)}
          />
          <label for={`${fieldId("priority")}-${p}`}>{p}</label>
        </div>
      ))}
    </div>
  </fieldset>
);

const regionName = (names: readonly string[], language: ConsoleLanguage) =>
  (language === "ar" ? names.find((n) => /\p{Script=Arabic}/u.test(n)) : undefined) ?? names[0] ?? "";

/** The queue's filters: a GET form, so a filtered queue is an address to reload, bookmark or share. */
export const FilterForm = (props: {
  t: Translate;
  language: ConsoleLanguage;
  values: FilterValues;
  ignored: FilterField[];
  choices: FilterChoices;
}): Child => {
  const { t, language, values, ignored, choices } = props;
  const countryName = new Intl.DisplayNames([language], { type: "region" });
  const widgetText = catalogs[language];
  const is = (field: FilterField) => ignored.includes(field);
  return (
    <form method="get" action="/console" class="filters" aria-labelledby="filters-title">
      <h2 id="filters-title" class="filters__title">
        {t("queue.filters")}
      </h2>
      <div class="filters__grid">
        <Select
          t={t}
          field="status"
          value={values.status}
          anyLabel={t("queue.filter.statusOpen")}
          options={[
            ...STAFF_STATUSES.map((s) => ({ value: s, label: t(`queue.status.${s}`) })),
            { value: ALL_STATUSES, label: t("queue.filter.statusAll") },
          ]}
          ignored={is("status")}
        />
        <Select
          t={t}
          field="waiting"
          value={values.waiting}
          options={[{ value: WAITING_FOR_US, label: t("followup.queue.waitingForUs") }]}
          ignored={is("waiting")}
        />
        <Select
          t={t}
          field="channel"
          value={values.channel}
          options={TIP_CHANNELS.map((ch) => ({ value: ch, label: t(`intake.channel.${ch}`) }))}
          ignored={is("channel")}
        />
        <PriorityBoxes t={t} values={values} ignored={is("priority")} />
        <Select
          t={t}
          field="agency"
          value={values.agency}
          options={choices.agencies.map((a) => ({ value: a.slug, label: a.name }))}
          ignored={is("agency")}
        />
        <Select
          t={t}
          field="country"
          value={values.country}
          options={COUNTRY_CODES.map((code) => ({ value: code, label: `${countryName.of(code) ?? code} (${code})` }))}
          ignored={is("country")}
        />
        <Select
          t={t}
          field="region"
          value={values.region}
          options={Object.values(REGIONS).flatMap((regions) =>
            regions.map((r) => ({ value: r.code, label: `${r.code} ${regionName(r.names, language)}` })),
          )}
          ignored={is("region")}
        />
        <Select
          t={t}
          field="situation"
          value={values.situation}
          options={SITUATIONS.map((s) => ({ value: s, label: t(`queue.situation.${s}`) }))}
          ignored={is("situation")}
        />
        <Select
          t={t}
          field="child"
          value={values.child}
          options={CHILD_INVOLVED.map((c) => ({ value: c, label: widgetText[`child.${c}`] }))}
          ignored={is("child")}
        />
        <Select
          t={t}
          field="partner"
          value={values.partner}
          options={choices.partnerKeys.map((key) => ({ value: key, label: key, dir: "ltr" as const }))}
          ignored={is("partner")}
        />
        <DateField t={t} field="from" value={values.from} ignored={is("from")} />
        <DateField t={t} field="to" value={values.to} ignored={is("to")} />
      </div>
      <div class="button-group">
        <Button>{t("queue.filter.apply")}</Button>
        <a class="filters__clear" href="/console">
          {t("queue.filter.clear")}
        </a>
      </div>
    </form>
  );
};
