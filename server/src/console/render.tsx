import type { ConsoleLanguage } from "@balagh/shared";
import type { Context } from "hono";
import type { Child } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { isConsoleLanguage, translator } from "./i18n.js";
import type { ConsoleSession, SignedInViewer } from "./types.js";
import { Layout } from "./ui/layout.js";

export type PageOptions = {
  title: string;
  status?: ContentfulStatusCode;
  hasErrors?: boolean;
  /** This page as a GET path (for the language switch); the request's own path by default. */
  here?: string;
};

const hereOf = (c: Context) => {
  const url = new URL(c.req.url);
  url.searchParams.delete("lang");
  return `${url.pathname}${url.search}`;
};

/**
 * A whole page in the shell, in the page's language, with the member's name and sign-out when
 * `requireViewer` ran before. The body is a function of the translator, so pages need no context.
 */
/** Page helpers take any console context: the variables below are set by `pageLanguage` and `requireViewer`. */
const languageOf = (c: Context): ConsoleLanguage => {
  const language: unknown = c.get("language");
  return isConsoleLanguage(language) ? language : "fr";
};

export const renderPage = (c: Context, options: PageOptions, body: Child) => {
  const language = languageOf(c);
  const viewer: SignedInViewer | undefined = c.get("viewer");
  const session: ConsoleSession | undefined = c.get("session");
  const page = (
    <Layout
      language={language}
      t={translator(language)}
      title={options.title}
      hasErrors={options.hasErrors ?? false}
      signedIn={viewer && session ? { viewer, session } : undefined}
      here={options.here ?? hereOf(c)}
    >
      {body}
    </Layout>
  );
  return c.html(`<!doctype html>${page}`, options.status ?? 200);
};

/** The translator of the page being built. */
export const textOf = (c: Context) => translator(languageOf(c));
