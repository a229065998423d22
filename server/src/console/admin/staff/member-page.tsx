import type { Context } from "hono";
import type { findMember } from "../../../staff/members.js";
import { TIP_CSS_PATH } from "../../assets/routes.js";
import { renderPage, textOf } from "../../render.js";
import { formatTime } from "../../tip/labels.js";
import type { ViewerEnv } from "../../types.js";
import { Button, ErrorSummary, type FieldError, PostForm } from "../../ui/forms.js";
import { type AgencyChoice, PlacementFields } from "./fields.js";
import { memberPath, STAFF_HOME } from "./list-page.js";

export const MEMBER_ACTIONS = ["placement", "second-factor", "disable", "enable"] as const;
export type MemberAction = (typeof MEMBER_ACTIONS)[number];
export const isMemberAction = (value: string): value is MemberAction =>
  (MEMBER_ACTIONS as readonly string[]).includes(value);

export type Member = NonNullable<Awaited<ReturnType<typeof findMember>>>;

export type MemberView = {
  member: Member;
  agencies: AgencyChoice[];
  done: MemberAction | null;
  /** A refused placement change: what was sent, kept in the form, and why. */
  attempt?: { values?: { role?: string; agencyId?: string } | undefined; errors: FieldError[] };
};

export const memberPage = (c: Context<ViewerEnv>, view: MemberView) => {
  const t = textOf(c);
  const { member } = view;
  const errors = view.attempt?.errors ?? [];
  const csrfToken = c.var.session.csrfToken;
  const base = memberPath(member.id);
  return renderPage(
    c,
    { title: member.email, status: errors.length ? 422 : 200, hasErrors: errors.length > 0, here: base },
    <div class="narrow">
      <link rel="stylesheet" href={TIP_CSS_PATH} />
      <ErrorSummary t={t} errors={errors} />
      {view.done && (
        <div class="notice notice--success" role="status">
          <p>{t(`staff.done.${view.done}`)}</p>
        </div>
      )}
      <p>
        <a href={STAFF_HOME}>{t("staff.back")}</a>
      </p>
      <h1 class="tip-title">
        <span dir="ltr">{member.email}</span>
      </h1>
      <dl class="summary-list">
        <div>
          <dt>{t("staff.role")}</dt>
          <dd>{t(`role.${member.role}`)}</dd>
        </div>
        <div>
          <dt>{t("staff.agency")}</dt>
          <dd dir="auto">{member.agencyName ?? t("staff.agency.none")}</dd>
        </div>
        <div>
          <dt>{t("staff.secondFactor")}</dt>
          <dd>{t(member.secondFactor ? "staff.secondFactor.on" : "staff.secondFactor.off")}</dd>
        </div>
        <div>
          <dt>{t("staff.lastSignIn")}</dt>
          <dd>{member.lastSignInAt ? formatTime(c.var.language, member.lastSignInAt) : t("staff.lastSignIn.never")}</dd>
        </div>
        <div>
          <dt>{t("staff.status")}</dt>
          <dd>{t(member.disabled ? "staff.status.disabled" : "staff.status.active")}</dd>
        </div>
      </dl>

      <h2>{t("staff.placement.title")}</h2>
      <PostForm action={`${base}/placement`} csrfToken={csrfToken}>
        <PlacementFields
          t={t}
          agencies={view.agencies}
          values={view.attempt?.values ?? { role: member.role, agencyId: member.agencyId ?? "" }}
          errors={errors}
        />
        <Button>{t("staff.placement.submit")}</Button>
      </PostForm>

      <h2>{t("staff.reset.title")}</h2>
      <p>{t("staff.reset.hint")}</p>
      <PostForm action={`${base}/second-factor`} csrfToken={csrfToken}>
        <Button variant="warning">{t("staff.reset.submit")}</Button>
      </PostForm>

      <h2>{t("staff.access.title")}</h2>
      <p>{t(member.disabled ? "staff.enable.hint" : "staff.disable.hint")}</p>
      <PostForm action={`${base}/${member.disabled ? "enable" : "disable"}`} csrfToken={csrfToken}>
        {member.disabled ? (
          <Button variant="secondary">{t("staff.enable.submit")}</Button>
        ) : (
          <Button variant="warning">{t("staff.disable.submit")}</Button>
        )}
      </PostForm>
    </div>,
  );
};
