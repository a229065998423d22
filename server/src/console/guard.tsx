import type { Context, MiddlewareHandler } from "hono";
import { timingSafeEqual } from "hono/utils/buffer";
import type { Services } from "../deps.js";
import type { StaffRole } from "../staff/second-factor.js";
import { findSession, type LiveSession } from "../staff/sessions.js";
import { continuePage } from "./pages/continue.js";
import { errorPage } from "./pages/errors.js";
import { signInPage } from "./pages/sign-in.js";
import { sealResume } from "./resume.js";
import { safeReturnPath, signInPath } from "./return-path.js";
import { clearSessionCookie, sessionToken } from "./session-cookie.js";
import type { ConsoleEnv, SignedInViewer, ViewerEnv } from "./types.js";

const isPost = (c: Context) => c.req.method === "POST";

/** Every state-changing request must come from the hotline's own pages. */
export const sameOriginPosts =
  (services: Services): MiddlewareHandler<ConsoleEnv> =>
  async (c, next) => {
    if (isPost(c) && c.req.header("Origin") !== services.publicOrigin) return errorPage(c, "form");
    return next();
  };

/** The form's hidden token against the session's, in constant time. */
export const csrfMatches = async (c: Context, expected: string) => {
  const form = await c.req.parseBody();
  const sent = typeof form.csrf === "string" ? form.csrf : "";
  return sent !== "" && (await timingSafeEqual(sent, expected));
};

const viewerOf = (session: LiveSession): SignedInViewer => ({
  kind: "staff",
  id: session.staff.id,
  email: session.staff.email,
  role: session.staff.role,
  agencyId: session.staff.agencyId,
  language: session.staff.language,
});

/** The console path asked for, and whether it is one to come back to (a sign-out is not). */
const requestedPath = (c: Context, origin: string) => {
  const url = new URL(c.req.url);
  const asked = `${url.pathname}${url.search}`;
  const path = safeReturnPath(asked, origin);
  return { path, destination: path === asked };
};

/**
 * No valid session. A GET goes to sign-in with its path to come back to. A POST gets the sign-in
 * page at once, carrying (sealed) what the form sent, for the same member to send after signing in.
 * A link followed from another site comes without the SameSite=Strict cookie: it gets one hop
 * from the hotline itself first, so a member who is signed in is not asked to sign in again.
 */
const signInAgain = async (c: Context, services: Services, found: { ended: boolean; endedFor: string | null }) => {
  const { path, destination } = requestedPath(c, services.publicOrigin);
  if (!isPost(c)) {
    if (!sessionToken(c) && c.req.header("Sec-Fetch-Site") === "cross-site") return continuePage(c, path);
    return c.redirect(signInPath(path, found.ended ? { notice: "ended" } : {}), 303);
  }
  const resume =
    found.endedFor && destination
      ? await sealResume(services.keys, {
          path,
          form: await c.req.parseBody({ all: true }),
          staffId: found.endedFor,
          now: services.now(),
        })
      : null;
  return signInPage(c, {
    status: 401,
    returnPath: path,
    resume,
    notice: resume ? "kept" : found.ended ? "ended" : null,
  });
};

/**
 * Puts the signed-in member on the context (`c.var.viewer`, typed) and the page's language to
 * theirs; a session still waiting for its second factor is no session here. A POST must carry the
 * session's CSRF token. An event stream (`stream`) without a session gets 204, not sign-in.
 */
export const requireViewer =
  (services: Services, { stream = false } = {}): MiddlewareHandler<ViewerEnv> =>
  async (c, next) => {
    const token = sessionToken(c);
    const found = token ? await findSession(services.db, token, services.now(), { touch: !stream }) : null;
    // EventSource follows a redirect to the sign-in page and fails on its HTML; a 204 tells it, by
    // the SSE spec, to stop reconnecting, without a page rendered for nobody.
    if (stream && (found?.state !== "live" || found.pending)) {
      if (token && found?.state !== "live") clearSessionCookie(c);
      return c.body(null, 204);
    }
    if (found?.state === "live" && found.pending) return signInAgain(c, services, { ended: false, endedFor: null });
    if (found?.state !== "live") {
      if (token) clearSessionCookie(c);
      const endedFor = found?.state === "ended" && !found.pending ? found.staffId : null;
      return signInAgain(c, services, { ended: token !== undefined, endedFor });
    }
    c.set("viewer", viewerOf(found));
    c.set("session", { tokenHash: found.tokenHash, csrfToken: found.csrfToken });
    c.set("language", found.staff.language);
    if (isPost(c) && !(await csrfMatches(c, found.csrfToken))) return errorPage(c, "form");
    return next();
  };

/** After `requireViewer`: other roles get the 403 page. */
export const requireRole =
  (...roles: StaffRole[]): MiddlewareHandler<ViewerEnv> =>
  async (c, next) => {
    if (!roles.includes(c.var.viewer.role)) return errorPage(c, "forbidden");
    return next();
  };
