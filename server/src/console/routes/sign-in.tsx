import { eq } from "drizzle-orm";
import { type Context, Hono } from "hono";
import { staff } from "../../db/schema.js";
import type { Services } from "../../deps.js";
import { clientBucket } from "../../security/rate-limit.js";
import { newPasswordProblem, replaceTemporaryPassword } from "../../staff/new-password.js";
import { MIN_PASSWORD_LENGTH } from "../../staff/password.js";
import { findSession, hashToken, type LiveSession } from "../../staff/sessions.js";
import {
  checkCode,
  checkPassword,
  enrolmentSecret,
  type Member,
  type SignInDeps,
  stepAfterPassword,
} from "../../staff/sign-in.js";
import { beginSecondFactor, completeSignIn } from "../../staff/sign-in-session.js";
import { isCodeShaped, normaliseCode } from "../../staff/totp.js";
import { csrfMatches } from "../guard.js";
import { isConsoleLanguage } from "../i18n.js";
import { errorPage } from "../pages/errors.js";
import { NEW_PASSWORD_PAGE, newPasswordPage } from "../pages/new-password.js";
import { resumePage } from "../pages/resume.js";
import { codePage, enrolPage, type SecondFactorView } from "../pages/second-factor.js";
import { isSignInNotice, signInPage } from "../pages/sign-in.js";
import { textOf } from "../render.js";
import { openResume } from "../resume.js";
import { CONSOLE_HOME, safeReturnPath, signInPath } from "../return-path.js";
import { sessionToken, setSessionCookie } from "../session-cookie.js";
import type { ConsoleEnv } from "../types.js";
import type { FieldError } from "../ui/forms.js";

const text = (value: unknown) => (typeof value === "string" ? value : "");

const CODE_PAGE = "/console/sign-in/code";
const ENROL_PAGE = "/console/sign-in/enrol";

const withReturn = (path: string, returnPath: string) =>
  returnPath === CONSOLE_HOME ? path : `${path}?${new URLSearchParams({ return: returnPath })}`;

const memberOf = (session: LiveSession): Member => ({
  id: session.staff.id,
  email: session.staff.email,
  role: session.staff.role,
  agencyId: session.staff.agencyId,
  language: session.staff.language,
  totpEnrolledAt: session.staff.totpEnrolledAt,
});

/**
 * The sign-in: email and password, then (for those who need it) the code, or on the first time
 * the enrolment of the authenticator app. The destination (`return`) and, after an expired
 * session's form post, what it carried (`resume`) ride along in hidden fields to the end.
 */
export const signInRoutes = (services: Services) => {
  const deps: SignInDeps = {
    db: services.db,
    keys: services.keys,
    now: services.now,
    totpRequiredForEveryone: services.staffTotpRequired,
  };
  const origin = services.publicOrigin;
  const clientKey = (c: Context) => clientBucket(services.keys, "sign-in", services.clientAddress(c), services.now());
  const journeyOf = (fields: Record<string, unknown>) => ({
    returnPath: safeReturnPath(fields.return, origin),
    resume: text(fields.resume) || null,
  });
  const currentSession = async (c: Context) => {
    const token = sessionToken(c);
    return token ? findSession(services.db, token, services.now()) : null;
  };
  const pendingSession = async (c: Context) => {
    const found = await currentSession(c);
    return found?.state === "live" && found.pending ? found : null;
  };

  const finish = async (
    c: Context,
    member: Member,
    options: { replaces: string | null; enrolled: boolean; secondFactor: boolean },
    journey: { returnPath: string; resume: string | null },
  ) => {
    const session = await completeSignIn(deps, member, options);
    setSessionCookie(c, session.token);
    const resume = await openResume(services.keys, journey.resume, {
      staffId: member.id,
      now: services.now(),
      origin,
    });
    if (!resume) return c.redirect(journey.returnPath, 303);
    c.set("viewer", { kind: "staff", ...member });
    c.set("session", { tokenHash: hashToken(session.token), csrfToken: session.csrfToken });
    return resumePage(c, resume, session.csrfToken);
  };

  const secondFactorPage = async (
    c: Context,
    who: { id: string; email: string; enrolled: boolean },
    view: SecondFactorView,
  ) => {
    if (who.enrolled) return codePage(c, view);
    const secret = await enrolmentSecret(deps, who.id);
    if (!secret) return c.redirect(signInPath(view.returnPath), 303);
    return enrolPage(c, { ...view, secret, email: who.email });
  };
  const whoOf = (session: LiveSession) => ({
    id: session.staff.id,
    email: session.staff.email,
    enrolled: session.staff.totpEnrolledAt !== null,
  });

  const showSecondFactor = (step: "code" | "enrol") => async (c: Context<ConsoleEnv>) => {
    const returnPath = safeReturnPath(c.req.query("return"), origin);
    const session = await pendingSession(c);
    if (!session) return c.redirect(signInPath(returnPath), 303);
    if (session.staff.mustChangePassword) return c.redirect(withReturn(NEW_PASSWORD_PAGE, returnPath), 303);
    const enrolled = session.staff.totpEnrolledAt !== null;
    if (enrolled !== (step === "code"))
      return c.redirect(withReturn(enrolled ? CODE_PAGE : ENROL_PAGE, returnPath), 303);
    c.set("language", session.staff.language);
    return secondFactorPage(c, whoOf(session), { csrfToken: session.csrfToken, returnPath, resume: null });
  };

  const confirmCode = async (c: Context<ConsoleEnv>) => {
    const form = await c.req.parseBody();
    const journey = journeyOf(form);
    const session = await pendingSession(c);
    if (!session) return signInPage(c, { status: 401, ...journey, notice: "ended" });
    if (!(await csrfMatches(c, session.csrfToken))) return errorPage(c, "form");
    // A temporary password is replaced before anything else: no code completes a sign-in with it.
    if (session.staff.mustChangePassword) return c.redirect(withReturn(NEW_PASSWORD_PAGE, journey.returnPath), 303);
    c.set("language", session.staff.language);
    const t = textOf(c);
    const code = normaliseCode(text(form.code));
    const view = (status: 401 | 422, error: FieldError) =>
      secondFactorPage(c, whoOf(session), { status, csrfToken: session.csrfToken, ...journey, errors: [error] });
    if (!code) return view(422, { field: "code", message: t("code.missing") });
    if (!isCodeShaped(code)) return view(422, { field: "code", message: t("code.format") });
    const outcome = await checkCode(deps, { staffId: session.staff.id, code, clientKey: await clientKey(c) });
    if (!outcome.ok) return view(401, { field: "code", message: t("signIn.failed") });
    const options = { replaces: session.tokenHash, enrolled: outcome.enrolled, secondFactor: true };
    return finish(c, memberOf(session), options, journey);
  };

  const showNewPassword = async (c: Context<ConsoleEnv>) => {
    const returnPath = safeReturnPath(c.req.query("return"), origin);
    const session = await pendingSession(c);
    if (!session?.staff.mustChangePassword) return c.redirect(signInPath(returnPath), 303);
    c.set("language", session.staff.language);
    return newPasswordPage(c, { csrfToken: session.csrfToken, returnPath, resume: null });
  };

  const saveNewPassword = async (c: Context<ConsoleEnv>) => {
    const form = await c.req.parseBody();
    const journey = journeyOf(form);
    const session = await pendingSession(c);
    if (!session?.staff.mustChangePassword) return signInPage(c, { status: 401, ...journey, notice: "ended" });
    if (!(await csrfMatches(c, session.csrfToken))) return errorPage(c, "form");
    c.set("language", session.staff.language);
    const t = textOf(c);
    const password = text(form.password);
    const problem = newPasswordProblem(password, text(form.confirmation));
    const refused = (error: FieldError) =>
      newPasswordPage(c, { status: 422, csrfToken: session.csrfToken, ...journey, errors: [error] });
    if (problem) {
      const field = problem === "mismatch" ? "confirmation" : "password";
      return refused({ field, message: t(`newPassword.${problem}`, { min: String(MIN_PASSWORD_LENGTH) }) });
    }
    const saved = await replaceTemporaryPassword(services.db, session.staff.id, password, services.now());
    if (!saved.ok) {
      if (saved.problem === "not_temporary") return signInPage(c, { status: 401, ...journey, notice: "ended" });
      return refused({ field: "password", message: t("newPassword.unchanged") });
    }
    const member = memberOf(session);
    const next = await stepAfterPassword(deps, member);
    if (next === "done")
      return finish(c, member, { replaces: session.tokenHash, enrolled: false, secondFactor: false }, journey);
    const step = next === "code" ? CODE_PAGE : ENROL_PAGE;
    if (!journey.resume) return c.redirect(withReturn(step, journey.returnPath), 303);
    const who = { id: member.id, email: member.email, enrolled: next === "code" };
    return secondFactorPage(c, who, { csrfToken: session.csrfToken, ...journey });
  };

  return new Hono<ConsoleEnv>()
    .get("/sign-in", async (c) => {
      const returnPath = safeReturnPath(c.req.query("return"), origin);
      const found = await currentSession(c);
      if (found?.state === "live" && !found.pending) return c.redirect(returnPath, 303);
      const notice = c.req.query("notice");
      const chosen = c.req.query("lang");
      return signInPage(c, {
        returnPath,
        resume: null,
        notice: isSignInNotice(notice) ? notice : null,
        chosenLanguage: isConsoleLanguage(chosen) ? chosen : null,
      });
    })
    .post("/sign-in", async (c) => {
      const form = await c.req.parseBody();
      const journey = journeyOf(form);
      const chosen = isConsoleLanguage(form.lang) ? form.lang : null;
      if (chosen) c.set("language", chosen);
      const t = textOf(c);
      const email = text(form.email).trim();
      const password = text(form.password);
      const page = { ...journey, notice: null, email, chosenLanguage: chosen };
      const missing: FieldError[] = [
        ...(email ? [] : [{ field: "email", message: t("signIn.emailMissing") }]),
        ...(password ? [] : [{ field: "password", message: t("signIn.passwordMissing") }]),
      ];
      if (missing.length > 0) return signInPage(c, { ...page, status: 422, errors: missing });
      const outcome = await checkPassword(deps, { email, password, clientKey: await clientKey(c) });
      if (!outcome.ok) {
        // One message for every failure, beside no field: nothing tells which part was wrong.
        const failed = { field: "email", message: t("signIn.failed"), beside: false };
        return signInPage(c, { ...page, status: 401, errors: [failed] });
      }
      const member = { ...outcome.member, language: chosen ?? outcome.member.language };
      if (member.language !== outcome.member.language) {
        await services.db.update(staff).set({ language: member.language }).where(eq(staff.id, member.id));
      }
      c.set("language", member.language);
      const previous = sessionToken(c);
      const replaces = previous ? hashToken(previous) : null;
      if (outcome.next === "done") {
        return finish(c, member, { replaces, enrolled: false, secondFactor: false }, journey);
      }
      const pending = await beginSecondFactor(deps, member, { replaces });
      setSessionCookie(c, pending.token);
      const step = { code: CODE_PAGE, enrol: ENROL_PAGE, password: NEW_PASSWORD_PAGE }[outcome.next];
      if (!journey.resume) return c.redirect(withReturn(step, journey.returnPath), 303);
      // Too long for an address: the sealed form goes on in this page's hidden field.
      if (outcome.next === "password") return newPasswordPage(c, { csrfToken: pending.csrfToken, ...journey });
      const who = { id: member.id, email: member.email, enrolled: outcome.next === "code" };
      return secondFactorPage(c, who, { csrfToken: pending.csrfToken, ...journey });
    })
    .get("/sign-in/code", showSecondFactor("code"))
    .get("/sign-in/enrol", showSecondFactor("enrol"))
    .post("/sign-in/code", confirmCode)
    .post("/sign-in/enrol", confirmCode)
    .get("/sign-in/password", showNewPassword)
    .post("/sign-in/password", saveNewPassword);
};
