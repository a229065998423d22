import type { Context } from "hono";
import type { Child } from "hono/jsx";
import type { Partner } from "../../../partners/repository.js";
import { EMBED_OPTIONS, embedSnippet, fullPageUrl } from "../../../partners/snippet.js";
import { TIP_CSS_PATH } from "../../assets/routes.js";
import type { Translate } from "../../i18n.js";
import { renderPage, textOf } from "../../render.js";
import type { ViewerEnv } from "../../types.js";
import { Button, PostForm } from "../../ui/forms.js";
import { PARTNERS_CSS_PATH } from "./assets.js";
import { isolate } from "./isolate.js";
import { PARTNERS_PATH, POSTER_LANGUAGES, POSTER_SIZES, partnerPath, posterPath } from "./paths.js";
import { StateTag } from "./state-tag.js";

export const PARTNER_DONE = ["created", "saved", "disabled", "enabled"] as const;
export type PartnerDone = (typeof PARTNER_DONE)[number];

export type KitView = { partner: Partner; publicUrl: string; cacheSeconds: number; done: PartnerDone | null };

const Settings = ({ t, partner }: { t: Translate; partner: Partner }) => {
  const rows: [string, Child][] = [
    [t("partners.field.key"), <span class="code">{partner.key}</span>],
    [
      t("partners.field.allowedOrigins"),
      <ul class="plain-list">
        {partner.allowedOrigins.map((o) => (
          <li>
            <span class="code">{o}</span>
          </li>
        ))}
      </ul>,
    ],
    [t("partners.field.languages"), <span class="code">{partner.languages.join(" ")}</span>],
    [t("partners.field.defaultLanguage"), <span class="code">{partner.defaultLanguage}</span>],
    [t("partners.field.countries"), <span class="code">{partner.countries.join(" ")}</span>],
    [t("partners.field.defaultCountry"), <span class="code">{partner.defaultCountry}</span>],
    [t("partners.field.captchaProviders"), partner.captchaProviders.map((p) => t(`partners.captcha.${p}`)).join(", ")],
    [t("partners.field.exitUrl"), <span class="code">{partner.exitUrl}</span>],
    [t("partners.field.accent"), <span class="code">{partner.theme.accent ?? t("partners.kit.defaultAccent")}</span>],
    [
      t("partners.field.launcherLabel"),
      <span dir="auto">{partner.theme.launcherLabel ?? t("partners.kit.defaultLabel")}</span>,
    ],
  ];
  return (
    <dl class="summary-list">
      {rows.map(([term, value]) => (
        <div>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
};

/** Each option in plain words, with what this partner may put in it. */
const Options = ({ t, partner }: { t: Translate; partner: Partner }) => (
  <dl class="options">
    {EMBED_OPTIONS.map((option) => (
      <div>
        <dt>
          <code class="code">data-{option}</code>
        </dt>
        <dd>
          {t(`partners.option.${option}`, {
            key: isolate(partner.key),
            languages: isolate(partner.languages.join(", ")),
            defaultLanguage: isolate(partner.defaultLanguage),
            countries: isolate(partner.countries.join(", ")),
            defaultCountry: isolate(partner.defaultCountry),
          })}
        </dd>
      </div>
    ))}
  </dl>
);

const StateForm = ({ t, partner, csrf }: { t: Translate; partner: Partner; csrf: string }) => (
  <PostForm action={partnerPath(partner.key, partner.disabled ? "/enable" : "/disable")} csrfToken={csrf}>
    <p class="hint">{t(partner.disabled ? "partners.kit.enableHint" : "partners.kit.disableHint")}</p>
    <Button variant={partner.disabled ? undefined : "warning"}>
      {t(partner.disabled ? "partners.kit.enable" : "partners.kit.disable")}
    </Button>
  </PostForm>
);

/** GET /console/admin/partners/:key: everything a partner needs to go live, and the admin's actions. */
export const kitPage = (c: Context<ViewerEnv>, view: KitView) => {
  const t = textOf(c);
  const { partner, publicUrl } = view;
  const page = fullPageUrl(publicUrl, partner.key);
  return renderPage(
    c,
    { title: partner.name },
    <>
      <link rel="stylesheet" href={TIP_CSS_PATH} />
      <link rel="stylesheet" href={PARTNERS_CSS_PATH} />
      <p>
        <a href={PARTNERS_PATH}>{t("partners.list.title")}</a>
      </p>
      {view.done && (
        <div class="notice notice--success" role="status">
          <p>{t(`partners.done.${view.done}`)}</p>
        </div>
      )}
      <h1 dir="auto">{partner.name}</h1>
      <p>
        <StateTag t={t} disabled={partner.disabled} />
      </p>
      {partner.disabled && (
        <div class="notice">
          <p>{t("partners.kit.disabledNotice")}</p>
        </div>
      )}
      <p>
        {view.cacheSeconds > 0 ? t("partners.kit.cache", { seconds: view.cacheSeconds }) : t("partners.kit.cacheNone")}
      </p>

      <h2 id="snippet-title">{t("partners.kit.snippet")}</h2>
      <p>{t("partners.kit.snippetLead")}</p>
      <pre class="snippet">
        <code id="snippet">{embedSnippet(publicUrl, partner)}</code>
      </pre>
      <p>{t("partners.kit.csp", { hotline: isolate(publicUrl) })}</p>

      <h2>{t("partners.kit.options")}</h2>
      <Options t={t} partner={partner} />

      <h2>{t("partners.kit.preview")}</h2>
      {partner.disabled ? (
        <p>{t("partners.kit.previewDisabled")}</p>
      ) : (
        <>
          <p>{t("partners.kit.previewLead")}</p>
          <iframe
            class="preview"
            src={`/w/${partner.key}?lang=${partner.defaultLanguage}`}
            title={t("partners.kit.previewTitle", { name: isolate(partner.name) })}
            referrerpolicy="no-referrer"
          />
        </>
      )}

      <h2>{t("partners.kit.fullPage")}</h2>
      <p>{t("partners.kit.fullPageLead")}</p>
      <p>
        <a class="code" href={page}>
          {page}
        </a>
      </p>

      <h2>{t("partners.kit.poster")}</h2>
      <p>{t("partners.kit.posterLead")}</p>
      {partner.disabled ? (
        <p>{t("partners.kit.posterDisabled")}</p>
      ) : (
        <ul class="link-list">
          {POSTER_SIZES.flatMap((size) =>
            POSTER_LANGUAGES.map((lang) => (
              <li>
                <a href={posterPath(partner.key, size, lang)}>
                  {t("partners.kit.posterLink", {
                    size: size.toUpperCase(),
                    language: t(`partners.posterLanguage.${lang}`),
                  })}
                </a>
              </li>
            )),
          )}
        </ul>
      )}

      <h2>{t("partners.kit.settings")}</h2>
      <Settings t={t} partner={partner} />
      <div class="button-row">
        <a class="button button--secondary" href={partnerPath(partner.key, "/edit")}>
          {t("partners.kit.edit")}
        </a>
      </div>
      <StateForm t={t} partner={partner} csrf={c.var.session.csrfToken} />
    </>,
  );
};
