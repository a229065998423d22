import { type ConsoleLanguage, LANGUAGES } from "@balagh/shared";
import type { Context } from "hono";
import { CAPTCHA_PROVIDERS, LAUNCHER_LABEL_MAX, type PartnerInput } from "../../../partners/fields.js";
import { TIP_CSS_PATH } from "../../assets/routes.js";
import type { Translate } from "../../i18n.js";
import { renderPage, textOf } from "../../render.js";
import type { ViewerEnv } from "../../types.js";
import { Checkboxes, Select, ShortText, TextArea } from "../../ui/fields.js";
import { Button, ErrorSummary, errorFor, type FieldError, PostForm } from "../../ui/forms.js";
import { PARTNERS_CSS_PATH } from "./assets.js";
import { isolate } from "./isolate.js";
import { PARTNERS_PATH, partnerPath } from "./paths.js";

export type PartnerFormView = {
  /** null: a new partner, whose key is typed here; else the key, which never changes. */
  key: string | null;
  values: PartnerInput;
  errors: FieldError[];
};

export const EMPTY_PARTNER: PartnerInput = {
  key: "",
  name: "",
  allowedOrigins: "",
  languages: ["fr", "ar"],
  defaultLanguage: "fr",
  countries: "",
  defaultCountry: "",
  captchaProviders: ["altcha"],
  exitUrl: "",
  accent: "",
  launcherLabel: "",
};

const languageChoices = (language: ConsoleLanguage) => {
  const names = new Intl.DisplayNames([language], { type: "language" });
  return LANGUAGES.map((code) => ({ value: code, label: `${names.of(code) ?? code} (${code})` }));
};

const Fields = ({ t, language, view }: { t: Translate; language: ConsoleLanguage; view: PartnerFormView }) => {
  const { values, errors } = view;
  const field = (name: keyof PartnerInput) => ({ t, id: name, name, error: errorFor(errors, name) });
  return (
    <>
      {view.key === null && (
        <ShortText
          {...field("key")}
          label={t("partners.field.key")}
          hint={t("partners.hint.key")}
          value={values.key}
          code
        />
      )}
      <ShortText {...field("name")} label={t("partners.field.name")} value={values.name} />
      <TextArea
        {...field("allowedOrigins")}
        label={t("partners.field.allowedOrigins")}
        hint={t("partners.hint.allowedOrigins")}
        value={values.allowedOrigins}
        rows={4}
      />
      <Checkboxes
        {...field("languages")}
        label={t("partners.field.languages")}
        choices={languageChoices(language)}
        checked={values.languages}
      />
      <Select
        {...field("defaultLanguage")}
        label={t("partners.field.defaultLanguage")}
        choices={languageChoices(language)}
        selected={values.defaultLanguage}
      />
      <ShortText
        {...field("countries")}
        label={t("partners.field.countries")}
        hint={t("partners.hint.countries")}
        value={values.countries}
        code
      />
      <ShortText
        {...field("defaultCountry")}
        label={t("partners.field.defaultCountry")}
        hint={t("partners.hint.defaultCountry")}
        value={values.defaultCountry}
        code
      />
      <Checkboxes
        {...field("captchaProviders")}
        label={t("partners.field.captchaProviders")}
        hint={t("partners.hint.captchaProviders")}
        choices={CAPTCHA_PROVIDERS.map((p) => ({ value: p, label: t(`partners.captcha.${p}`) }))}
        checked={values.captchaProviders}
      />
      <ShortText
        {...field("exitUrl")}
        label={t("partners.field.exitUrl")}
        hint={t("partners.hint.exitUrl")}
        value={values.exitUrl}
        code
      />
      <ShortText
        {...field("accent")}
        label={t("partners.field.accent")}
        hint={t("partners.hint.accent")}
        value={values.accent}
        code
      />
      <ShortText
        {...field("launcherLabel")}
        label={t("partners.field.launcherLabel")}
        hint={t("partners.hint.launcherLabel", { max: LAUNCHER_LABEL_MAX })}
        value={values.launcherLabel}
      />
    </>
  );
};

/** The create and edit form; a refused one comes back with every value as typed and each message beside its field. */
export const partnerFormPage = (c: Context<ViewerEnv>, view: PartnerFormView) => {
  const t = textOf(c);
  const title = view.key === null ? t("partners.new.title") : t("partners.edit.title", { key: isolate(view.key) });
  const action = view.key === null ? `${PARTNERS_PATH}/new` : partnerPath(view.key, "/edit");
  return renderPage(
    c,
    { title, status: view.errors.length > 0 ? 422 : 200, hasErrors: view.errors.length > 0 },
    <div class="narrow">
      <link rel="stylesheet" href={TIP_CSS_PATH} />
      <link rel="stylesheet" href={PARTNERS_CSS_PATH} />
      <ErrorSummary t={t} errors={view.errors} />
      <h1>{title}</h1>
      {view.key !== null && <p class="hint">{t("partners.edit.keyFixed")}</p>}
      <PostForm action={action} csrfToken={c.var.session.csrfToken}>
        <Fields t={t} language={c.var.language} view={view} />
        <div class="button-row">
          <Button>{t(view.key === null ? "partners.new.submit" : "partners.edit.submit")}</Button>
          <a class="button button--secondary" href={view.key === null ? PARTNERS_PATH : partnerPath(view.key)}>
            {t("partners.cancel")}
          </a>
        </div>
      </PostForm>
    </div>,
  );
};
