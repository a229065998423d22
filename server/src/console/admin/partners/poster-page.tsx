import { catalogs, emergencyNumbersFor, isRtl } from "@balagh/shared";
import type { Context } from "hono";
import type { Partner } from "../../../partners/repository.js";
import { fullPageUrl } from "../../../partners/snippet.js";
import { translator } from "../../i18n.js";
import { textOf } from "../../render.js";
import type { ViewerEnv } from "../../types.js";
import { QrCode } from "../../ui/qr-code.js";
import { PAPER_CSS_PATH, POSTER_CSS_PATH } from "./assets.js";
import { isolate } from "./isolate.js";
import {
  POSTER_LANGUAGES,
  POSTER_SIZES,
  type PosterLanguage,
  type PosterSize,
  partnerPath,
  posterPath,
} from "./paths.js";

export type PosterView = {
  partner: Partner;
  publicUrl: string;
  size: PosterSize;
  language: PosterLanguage;
  freePhone: string | undefined;
};

/**
 * Only numbers the source confirmed: a printed poster stays on a wall for years, and an unconfirmed
 * number there could leave someone in danger calling nobody.
 */
const confirmedNumbers = (country: string) => emergencyNumbersFor(country).filter((n) => n.verified);

const Sheet = ({ view }: { view: PosterView }) => {
  const t = translator(view.language);
  const service = catalogs[view.language];
  const url = fullPageUrl(view.publicUrl, view.partner.key);
  const numbers = confirmedNumbers(view.partner.defaultCountry);
  return (
    <article class={`sheet sheet--${view.size}`} lang={view.language} dir={isRtl(view.language) ? "rtl" : "ltr"}>
      <h1 class="sheet__title">{t("partners.poster.title")}</h1>
      <p class="sheet__lead">{t("partners.poster.lead")}</p>
      <div class="sheet__qr">
        <QrCode text={url} label={t("partners.poster.qrLabel", { url: isolate(url) })} />
      </div>
      <p class="sheet__url">{url}</p>
      {view.freePhone && (
        <p class="sheet__phone">
          {t("partners.poster.freePhone")}
          <span class="sheet__number">{view.freePhone}</span>
        </p>
      )}
      {numbers.length > 0 && (
        <section class="sheet__emergency">
          <h2>{t("partners.poster.emergency")}</h2>
          <ul>
            {numbers.map((n) => (
              <li>
                {service[`emergency.service.${n.service}`]} <b>{n.number}</b>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p class="sheet__safety">{t("partners.poster.safety", { partner: isolate(view.partner.name) })}</p>
    </article>
  );
};

/** GET /console/admin/partners/:key/poster: a printable sheet, not a console page (no header to print). */
export const posterPage = (c: Context<ViewerEnv>, view: PosterView) => {
  const t = textOf(c);
  const here = c.var.language;
  const page = (
    <html lang={here} dir={isRtl(here) ? "rtl" : "ltr"}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${t("partners.poster.pageTitle", { name: view.partner.name, size: view.size.toUpperCase() })} – ${t("service.name")}`}</title>
        <link rel="stylesheet" href={POSTER_CSS_PATH} />
        <link rel="stylesheet" href={PAPER_CSS_PATH[view.size]} />
      </head>
      <body>
        <nav class="poster-tools" aria-label={t("partners.poster.tools")}>
          <a href={partnerPath(view.partner.key)}>{t("partners.poster.back")}</a>
          <span>{t("partners.poster.print", { size: view.size.toUpperCase() })}</span>
          {POSTER_SIZES.flatMap((size) =>
            POSTER_LANGUAGES.filter((lang) => size !== view.size || lang !== view.language).map((lang) => (
              <a href={posterPath(view.partner.key, size, lang)}>
                {t("partners.kit.posterLink", {
                  size: size.toUpperCase(),
                  language: t(`partners.posterLanguage.${lang}`),
                })}
              </a>
            )),
          )}
        </nav>
        <main>
          <Sheet view={view} />
        </main>
      </body>
    </html>
  );
  return c.html(`<!doctype html>${page}`);
};
