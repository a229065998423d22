import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { staff } from "../../db/schema.js";
import type { Services } from "../../deps.js";
import { findSession } from "../../staff/sessions.js";
import { signOut, signOutEverywhere } from "../../staff/sign-in-session.js";
import { csrfMatches, requireViewer } from "../guard.js";
import { isConsoleLanguage } from "../i18n.js";
import { accountPage } from "../pages/account.js";
import { errorPage } from "../pages/errors.js";
import { CONSOLE_HOME, safeReturnPath, signInPath } from "../return-path.js";
import { clearSessionCookie, sessionToken } from "../session-cookie.js";
import type { ConsoleEnv } from "../types.js";

/** The member's own pages and actions: account, language, sign-out. */
export const accountRoutes = (services: Services) => {
  const deps = {
    db: services.db,
    keys: services.keys,
    now: services.now,
    totpRequiredForEveryone: services.staffTotpRequired,
  };
  const viewer = requireViewer(services);
  return (
    new Hono<ConsoleEnv>()
      .get("/account", viewer, async (c) => {
        const [row] = await services.db
          .select({ enrolledAt: staff.totpEnrolledAt })
          .from(staff)
          .where(eq(staff.id, c.var.viewer.id));
        return accountPage(c, { secondFactor: Boolean(row?.enrolledAt) });
      })
      .post("/language", viewer, async (c) => {
        const form = await c.req.parseBody();
        if (isConsoleLanguage(form.language)) {
          await services.db.update(staff).set({ language: form.language }).where(eq(staff.id, c.var.viewer.id));
        }
        return c.redirect(safeReturnPath(form.return, services.publicOrigin), 303);
      })
      // Not behind requireViewer: signing out of a session that already ended is still a sign-out.
      .post("/sign-out", async (c) => {
        const token = sessionToken(c);
        const found = token ? await findSession(services.db, token, services.now()) : null;
        if (found?.state === "live") {
          if (!(await csrfMatches(c, found.csrfToken))) return errorPage(c, "form");
          await signOut(deps, found.staff.id, found.tokenHash);
        }
        clearSessionCookie(c);
        const notice: Record<string, string> = { notice: "signed-out" };
        if (found?.state === "live") notice.lang = found.staff.language;
        return c.redirect(signInPath(CONSOLE_HOME, notice), 303);
      })
      .post("/sign-out/everywhere", viewer, async (c) => {
        await signOutEverywhere(deps, c.var.viewer.id);
        clearSessionCookie(c);
        return c.redirect(signInPath(CONSOLE_HOME, { notice: "everywhere", lang: c.var.viewer.language }), 303);
      })
  );
};
