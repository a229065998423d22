import type { Context } from "hono";
import type { TipSummary } from "../../tips/list.js";
import { PRIORITIES } from "../../triage/index.js";
import { QUEUE_CSS_PATH, QUEUE_JS_PATH } from "../assets/routes.js";
import { renderPage, textOf } from "../render.js";
import type { ViewerEnv } from "../types.js";
import { ErrorSummary } from "../ui/forms.js";
import { FilterForm, ignoredErrors } from "./filter-form.js";
import type { FilterChoices, ReadFilters } from "./filters.js";
import { AlertTemplate, type LineContext, NewLineTemplate, PriorityTag, TipLine, UnreadTemplate } from "./tip-line.js";

export type QueueView = {
  tips: TipSummary[];
  counts: Record<string, number>;
  /** The address of the next page, or null on the last one. */
  nextHref: string | null;
  firstHref: string | null;
  read: ReadFilters;
  choices: FilterChoices;
  line: Omit<LineContext, "t" | "language">;
};

const Counts = ({ t, counts }: { t: ReturnType<typeof textOf>; counts: Record<string, number> }) => {
  const shown = [...PRIORITIES, ...(counts.P9 ? ["P9"] : [])];
  return (
    <section class="counts" aria-labelledby="counts-title">
      <h2 id="counts-title" class="counts__title">
        {t("queue.counts")}
      </h2>
      <ul class="counts__list">
        {shown.map((p) => (
          <li class="counts__item">
            <PriorityTag t={t} priority={p === "P9" ? null : p} />
            <span class="counts__n" data-count={p}>
              {String(counts[p] ?? 0)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
};

/**
 * The home page of supervisors and agency officers: their open tips, most urgent first, then
 * oldest first. It is whole without JavaScript; the live script only adds what arrives later.
 */
export const queuePage = (c: Context<ViewerEnv>, view: QueueView) => {
  const t = textOf(c);
  const language = c.var.language;
  const { read } = view;
  const errors = ignoredErrors(t, read.ignored);
  // Lines added live belong on the plain queue only; a filtered page or a later page is a snapshot.
  const live = !read.active && view.firstHref === null;
  return renderPage(
    c,
    { title: t("queue.title") },
    <>
      <link rel="stylesheet" href={QUEUE_CSS_PATH} />
      <ErrorSummary t={t} errors={errors} />
      <div id="queue-alert" class="alert-banner" role="alert" />
      <h1>{t("queue.title")}</h1>
      <Counts t={t} counts={view.counts} />
      <p class="hint queue-hint">{t("queue.refreshHint")}</p>
      <button type="button" id="queue-sound" class="link-button sound-toggle" aria-pressed="true" hidden>
        {t("queue.live.sound")}: <span class="sound-toggle__on">{t("queue.live.soundOn")}</span>
        <span class="sound-toggle__off">{t("queue.live.soundOff")}</span>
      </button>
      <details class="filters-box" open={read.active || read.ignored.length > 0}>
        <summary>{t("queue.filters")}</summary>
        <FilterForm t={t} language={language} values={read.values} ignored={read.ignored} choices={view.choices} />
      </details>
      <p id="queue-empty" class="queue-empty" hidden={view.tips.length > 0}>
        {read.active ? t("queue.empty") : t("queue.emptyOpen")}
      </p>
      <ol id="queue-list" class="queue" aria-label={t("queue.listLabel")} data-live={String(live)}>
        {view.tips.map((tip) => (
          <TipLine tip={tip} ctx={{ t, language, ...view.line }} />
        ))}
      </ol>
      {(view.nextHref || view.firstHref) && (
        <nav class="pagination" aria-label={t("queue.pages")}>
          {view.firstHref && <a href={view.firstHref}>{t("queue.first")}</a>}
          {view.nextHref && (
            <a href={view.nextHref} rel="next">
              {t("queue.next")}
            </a>
          )}
        </nav>
      )}
      <NewLineTemplate t={t} />
      <UnreadTemplate t={t} />
      <AlertTemplate t={t} />
      <script src={QUEUE_JS_PATH} defer />
    </>,
  );
};

/** Admins and auditors see no tip (README, "What each role can see"): a page that says so, and where to go. */
export const noTipsPage = (c: Context<ViewerEnv>) => {
  const t = textOf(c);
  return renderPage(
    c,
    { title: t("queue.noTips.title") },
    <div class="narrow">
      <link rel="stylesheet" href={QUEUE_CSS_PATH} />
      <h1>{t("queue.noTips.title")}</h1>
      <p>{t("queue.noTips.body", { role: t(`role.${c.var.viewer.role}`) })}</p>
      <ul class="link-list">
        <li>
          <a href="/console/audit">{t("queue.noTips.audit")}</a>
        </li>
        <li>
          <a href="/console/account">{t("queue.noTips.account")}</a>
        </li>
      </ul>
    </div>,
  );
};
