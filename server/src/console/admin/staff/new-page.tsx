import type { Context } from "hono";
import { TIP_CSS_PATH } from "../../assets/routes.js";
import { renderPage, textOf } from "../../render.js";
import type { ViewerEnv } from "../../types.js";
import { Button, ErrorSummary, errorFor, type FieldError, PostForm, TextField } from "../../ui/forms.js";
import { type AgencyChoice, PlacementFields } from "./fields.js";
import { STAFF_HOME } from "./list-page.js";

export type NewMemberView = {
  agencies: AgencyChoice[];
  values: { email?: string; role?: string; agencyId?: string };
  errors: FieldError[];
};

export const newMemberPage = (c: Context<ViewerEnv>, view: NewMemberView) => {
  const t = textOf(c);
  const { errors } = view;
  return renderPage(
    c,
    {
      title: t("staff.new.title"),
      status: errors.length ? 422 : 200,
      hasErrors: errors.length > 0,
      here: `${STAFF_HOME}/new`,
    },
    <div class="narrow">
      <link rel="stylesheet" href={TIP_CSS_PATH} />
      <ErrorSummary t={t} errors={errors} />
      <h1>{t("staff.new.title")}</h1>
      <p>{t("staff.new.intro")}</p>
      <PostForm action={STAFF_HOME} csrfToken={c.var.session.csrfToken}>
        <TextField
          t={t}
          id="email"
          type="email"
          label={t("staff.email")}
          value={view.values.email ?? ""}
          error={errorFor(errors, "email")}
          autocomplete="off"
          inputmode="email"
          dir="ltr"
        />
        <PlacementFields t={t} agencies={view.agencies} values={view.values} errors={errors} />
        <Button>{t("staff.new.submit")}</Button>
      </PostForm>
      <p>
        <a href={STAFF_HOME}>{t("staff.back")}</a>
      </p>
    </div>,
  );
};

/** The only time the temporary password is shown: it is stored as a hash, and this page is not cached. */
export const memberCreatedPage = (c: Context<ViewerEnv>, created: { email: string; temporaryPassword: string }) => {
  const t = textOf(c);
  return renderPage(
    c,
    { title: t("staff.created.title"), status: 201, here: STAFF_HOME },
    <div class="narrow">
      <div class="notice notice--success" role="status">
        <h1>{t("staff.created.title")}</h1>
        <p>{t("staff.created.intro", { email: created.email })}</p>
        <p>{t("staff.created.passwordLabel")}</p>
        <p>
          <code class="setup-key temporary-password" dir="ltr" translate="no">
            {created.temporaryPassword}
          </code>
        </p>
      </div>
      <p>{t("staff.created.next")}</p>
      <p>
        <a href={STAFF_HOME}>{t("staff.back")}</a>
      </p>
    </div>,
  );
};
