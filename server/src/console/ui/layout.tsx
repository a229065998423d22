import {
  CONSOLE_ENDONYMS,
  CONSOLE_LANGUAGES,
  type ConsoleLanguage,
  type ConsoleMessageId,
  isRtl,
} from "@balagh/shared";
import type { Child } from "hono/jsx";
import type { StaffRole } from "../../tips/scope.js";
import { CONSOLE_CSS_PATH } from "../assets/routes.js";
import type { Translate } from "../i18n.js";
import type { ConsoleSession, SignedInViewer } from "../types.js";
import { Hidden, PostForm } from "./forms.js";

export type LayoutProps = {
  language: ConsoleLanguage;
  t: Translate;
  title: string;
  /** The page shows form errors: the title says so first, as screen readers read it first. */
  hasErrors?: boolean;
  signedIn?: { viewer: SignedInViewer; session: ConsoleSession } | undefined;
  /** This page as a GET path, where the language switch brings the member back. */
  here: string;
  children: Child;
};

const withLanguage = (here: string, language: ConsoleLanguage) => {
  const url = new URL(here, "http://console.invalid");
  url.searchParams.set("lang", language);
  return `${url.pathname}${url.search}`;
};

/** Before sign-in, links (the choice rides in the address); after, a form that stores it on the account. */
const LanguageSwitch = ({ language, t, signedIn, here }: LayoutProps) => (
  <nav class="language-switch" aria-label={t("language.label")}>
    <div class="width-container">
      <SwitchBody language={language} t={t} signedIn={signedIn} here={here} />
    </div>
  </nav>
);

const SwitchBody = ({ language, signedIn, here }: Omit<LayoutProps, "title" | "children">) => {
  const items = CONSOLE_LANGUAGES.map((code) => (
    <li>
      {code === language ? (
        <span lang={code} aria-current="true">
          {CONSOLE_ENDONYMS[code]}
        </span>
      ) : signedIn ? (
        <button type="submit" class="link-button" name="language" value={code} lang={code}>
          {CONSOLE_ENDONYMS[code]}
        </button>
      ) : (
        <a href={withLanguage(here, code)} lang={code} hreflang={code}>
          {CONSOLE_ENDONYMS[code]}
        </a>
      )}
    </li>
  ));
  if (!signedIn) return <ul class="language-switch__list">{items}</ul>;
  return (
    <PostForm action="/console/language" csrfToken={signedIn.session.csrfToken}>
      <Hidden name="return" value={here} />
      <ul class="language-switch__list">{items}</ul>
    </PostForm>
  );
};

/** Where each role works; a link it could not follow is never shown (the route checks again). */
const SECTIONS: { href: string; label: ConsoleMessageId; roles: StaffRole[] }[] = [
  { href: "/console", label: "nav.queue", roles: ["supervisor", "agent"] },
  { href: "/console/intake", label: "nav.newTip", roles: ["supervisor", "agent"] },
  { href: "/console/admin/staff", label: "nav.staff", roles: ["admin"] },
  { href: "/console/admin/agencies", label: "nav.agencies", roles: ["admin"] },
  { href: "/console/admin/partners", label: "nav.partners", roles: ["admin"] },
  { href: "/console/admin/rules", label: "nav.rules", roles: ["admin", "supervisor"] },
  { href: "/console/audit", label: "nav.audit", roles: ["admin", "auditor"] },
];

const SectionNav = ({ t, role }: { t: LayoutProps["t"]; role: StaffRole }) => (
  <nav class="width-container section-nav" aria-label={t("nav.label")}>
    <ul class="section-nav__list">
      {SECTIONS.filter((s) => s.roles.includes(role)).map((s) => (
        <li>
          <a href={s.href}>{t(s.label)}</a>
        </li>
      ))}
    </ul>
  </nav>
);

const Header = ({ t, signedIn }: Pick<LayoutProps, "t" | "signedIn">) => (
  <header class="header">
    <div class="width-container header__bar">
      <a class="header__service" href="/console">
        {t("service.name")}
      </a>
      {signedIn && (
        <div class="header__nav">
          <p class="header__who">
            {t("header.signedInAs", { email: signedIn.viewer.email, role: t(`role.${signedIn.viewer.role}`) })}
          </p>
          <a href="/console/account">{t("nav.account")}</a>
          <PostForm action="/console/sign-out" csrfToken={signedIn.session.csrfToken} className="inline-form">
            <button type="submit" class="link-button">
              {t("nav.signOut")}
            </button>
          </PostForm>
        </div>
      )}
    </div>
    {signedIn && <SectionNav t={t} role={signedIn.viewer.role} />}
  </header>
);

/** The page shell every console page shares: skip link, header, language switch, main. */
export const Layout = (props: LayoutProps) => {
  const { language, t } = props;
  const title = `${props.hasErrors ? `${t("field.errorPrefix")} ` : ""}${props.title} – ${t("service.name")}`;
  return (
    <html lang={language} dir={isRtl(language) ? "rtl" : "ltr"}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{title}</title>
        <link rel="stylesheet" href={CONSOLE_CSS_PATH} />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t("skipLink")}
        </a>
        <Header t={t} signedIn={props.signedIn} />
        <LanguageSwitch {...props} />
        <main id="main" tabindex={-1}>
          <div class="width-container">
            {props.signedIn && (
              <div class="stream-ended" role="alert" data-stream-ended hidden>
                <p>{t("live.ended")}</p>
                <p>
                  <a href="/console">{t("live.signInAgain")}</a>
                </p>
              </div>
            )}
            {props.children}
          </div>
        </main>
      </body>
    </html>
  );
};
