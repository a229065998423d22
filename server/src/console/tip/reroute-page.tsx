import type { Context } from "hono";
import { REROUTE_CHANGES, type RerouteChoices, ROUTE_ROLES } from "../../tips/reroute.js";
import { mayTake } from "../../tips/scope.js";
import { TIP_CSS_PATH } from "../assets/routes.js";
import type { Translate } from "../i18n.js";
import { shortCode } from "../queue/tip-line.js";
import { renderPage, textOf } from "../render.js";
import type { SignedInViewer, ViewerEnv } from "../types.js";
import { Radios, Select, TextArea } from "../ui/fields.js";
import { Button, ErrorSummary, errorFor, type FieldError, PostForm } from "../ui/forms.js";
import type { FormValues } from "./act.js";
import { tipPath } from "./history.js";

export const reroutePath = (tipId: string) => `${tipPath(tipId)}/agencies`;

export type RerouteView = { values?: FormValues; errors?: FieldError[]; done?: boolean };

/** A supervisor's re-routing of one tip: its agencies now, then one to add or remove, with a reason. */
export const reroutePage = (c: Context<ViewerEnv>, tipId: string, choices: RerouteChoices, view: RerouteView) => {
  const t = textOf(c);
  const errors = view.errors ?? [];
  const value = (name: string) => view.values?.[name];
  return renderPage(
    c,
    {
      title: t("reroute.title"),
      status: errors.length ? 422 : 200,
      hasErrors: errors.length > 0,
      here: reroutePath(tipId),
    },
    <>
      <link rel="stylesheet" href={TIP_CSS_PATH} />
      <p>
        <a href={tipPath(tipId)}>{t("queue.tip", { code: shortCode(tipId) })}</a>
      </p>
      <ErrorSummary t={t} errors={errors} />
      {view.done && (
        <div class="notice notice--success" role="status">
          <p>{t("reroute.done")}</p>
        </div>
      )}
      <h1>{t("reroute.title")}</h1>
      <h2>{t("tip.routes.title")}</h2>
      <ul class="route-list">
        {choices.routed.map((route) => (
          <li class="route">
            <strong>
              <bdi>{route.name}</bdi>
            </strong>{" "}
            <span class="tag">{route.role === "primary" ? t("tip.route.primary") : t("tip.route.notify")}</span>
          </li>
        ))}
      </ul>
      <PostForm action={reroutePath(tipId)} csrfToken={c.var.session.csrfToken}>
        <p class="hint">{t("reroute.hint")}</p>
        <Radios
          t={t}
          id="change"
          name="change"
          label={t("reroute.change")}
          choices={REROUTE_CHANGES.map((change) => ({ value: change, label: t(`reroute.${change}`) }))}
          checked={value("change")}
          error={errorFor(errors, "change")}
        />
        <Select
          t={t}
          id="agency"
          name="agency"
          label={t("reroute.agency")}
          choices={[{ value: "", label: "–" }, ...choices.agencies.map((a) => ({ value: a.slug, label: a.name }))]}
          selected={value("agency")}
          error={errorFor(errors, "agency")}
        />
        <Radios
          t={t}
          id="role"
          name="role"
          label={t("reroute.role")}
          choices={ROUTE_ROLES.map((role) => ({ value: role, label: t(`tip.route.${role}`) }))}
          checked={value("role") ?? "notify"}
          error={errorFor(errors, "role")}
        />
        <TextArea
          t={t}
          id="reason"
          name="reason"
          label={t("tip.form.reason")}
          hint={t("tip.form.reasonHint")}
          rows={2}
          value={value("reason")}
          error={errorFor(errors, "reason")}
        />
        <Button>{t("reroute.submit")}</Button>
      </PostForm>
    </>,
  );
};

/** In the workspace's actions, for those who may re-route: the way to the re-routing page. */
export const RerouteLink = ({ t, tipId, viewer }: { t: Translate; tipId: string; viewer: SignedInViewer }) =>
  mayTake(viewer, "reroute") ? (
    <section class="action" aria-labelledby="reroute-title">
      <h3 id="reroute-title">{t("reroute.title")}</h3>
      <p class="hint">{t("reroute.hint")}</p>
      <p>
        <a href={reroutePath(tipId)}>{t("reroute.title")}</a>
      </p>
    </section>
  ) : null;
