import { CHILD_INVOLVED, type ConsoleLanguage, catalogs, SITUATIONS, type Situation } from "@balagh/shared";
import { TIP_CHANNELS } from "../../intake/store.js";
import type { TipSummary } from "../../tips/list.js";
import { STAFF_STATUSES, type StaffStatus } from "../../tips/statuses.js";
import type { Translate } from "../i18n.js";
import { replyIsLate } from "../tip/reply-reminder.js";
import { formatAge } from "./age.js";

const known = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

export type LineContext = {
  t: Translate;
  language: ConsoleLanguage;
  now: Date;
  agencyNames: Map<string, string>;
  assignees: Map<string, string>;
  isOverdue: (tip: TipSummary) => boolean;
  /** How long a reporter's message may wait for an answer (the deployment's `replyReminder`). */
  replyReminderMs: number;
};

/** The part of a tip id a person reads out over the phone; the link carries the whole id. */
export const shortCode = (id: string) => id.slice(0, 8);

export const PriorityTag = ({ t, priority }: { t: Translate; priority: string | null }) => (
  <span class={`priority priority--${priority ?? "none"}`}>{priority ?? t("queue.noPriority")}</span>
);

const Fact = ({ label, children, dir }: { label: string; children: unknown; dir?: "ltr" | "auto" }) => (
  <div class="fact">
    <dt>{label}</dt>
    <dd dir={dir}>{children as string}</dd>
  </div>
);

/** One open tip in the queue: its codes and who has it, never a word the reporter typed. */
export const TipLine = ({ tip, ctx }: { tip: TipSummary; ctx: LineContext }) => {
  const { t } = ctx;
  const overdue = ctx.isOverdue(tip);
  // Each name isolated (bdi): French agency names inside an Arabic sentence must not reorder it.
  const [primaryBefore = "", primaryAfter = ""] = t("queue.primary", { agency: "\u0000" }).split("\u0000");
  const agencies = tip.agencies.map((a) => (
    <span class="agency">
      {a.role === "primary" && primaryBefore}
      <bdi>{ctx.agencyNames.get(a.slug) ?? a.slug}</bdi>
      {a.role === "primary" && primaryAfter}
    </span>
  ));
  const assignee = tip.assignedTo ? (ctx.assignees.get(tip.assignedTo) ?? t("queue.formerMember")) : null;
  return (
    <li
      class={`queue-item${overdue ? " queue-item--overdue" : ""}`}
      data-priority={tip.priority ?? "P9"}
      data-tip-id={tip.id}
    >
      <div class="queue-item__head">
        <PriorityTag t={t} priority={tip.priority} />
        <a class="queue-item__link" href={`/console/tips/${tip.id}`}>
          {t("queue.tip", { code: shortCode(tip.id) })}
        </a>
        <span class="queue-item__age">
          <span class="visually-hidden">{t("queue.age")}: </span>
          {formatAge(ctx.language, tip.createdAt, ctx.now)}
        </span>
        {overdue && <strong class="tag tag--overdue">{t("queue.overdue")}</strong>}
        <ReplyMarkers t={t} tip={tip} now={ctx.now} reminderMs={ctx.replyReminderMs} />
      </div>
      <dl class="queue-item__facts">
        <Fact label={t("queue.situations")}>
          {tip.situations.map((s) => (known<Situation>(SITUATIONS, s) ? t(`queue.situation.${s}`) : s)).join(", ")}
        </Fact>
        <Fact label={t("queue.place")} dir="ltr">
          {[tip.country, tip.regionCode].filter(Boolean).join(" · ")}
        </Fact>
        <Fact label={t("queue.child")}>
          {known(CHILD_INVOLVED, tip.childInvolved)
            ? catalogs[ctx.language][`child.${tip.childInvolved}`]
            : tip.childInvolved}
        </Fact>
        <Fact label={t("queue.agencies")}>{agencies.length > 0 ? agencies : t("queue.noAgency")}</Fact>
        <Fact label={t("queue.channel")}>
          {known(TIP_CHANNELS, tip.channel) ? t(`intake.channel.${tip.channel}`) : tip.channel}
        </Fact>
        <Fact label={t("queue.status")}>
          {known<StaffStatus>(STAFF_STATUSES, tip.status) ? t(`queue.status.${tip.status}`) : tip.status}
        </Fact>
        <Fact label={t("queue.assignee")} dir={assignee ? "auto" : undefined}>
          {assignee ?? t("queue.unassigned")}
        </Fact>
      </dl>
    </li>
  );
};

/** The count is a number the script can raise live; the words around it come from the catalog. */
export const UnreadMarker = ({ t, count }: { t: Translate; count: number }) => {
  const [before = "", after = ""] = t("followup.queue.unread", { count: "\u0000" }).split("\u0000");
  return (
    <strong class="tag tag--unread" data-slot="unread">
      {before}
      <span data-slot="unread-count">{String(count)}</span>
      {after}
    </strong>
  );
};

const ReplyMarkers = ({
  t,
  tip,
  now,
  reminderMs,
}: {
  t: Translate;
  tip: TipSummary;
  now: Date;
  reminderMs: number;
}) => (
  <>
    {tip.unreadMessages > 0 && <UnreadMarker t={t} count={tip.unreadMessages} />}
    {replyIsLate(tip.awaitingReplySince, now, reminderMs) && (
      <strong class="tag tag--reminder">{t("followup.reminder")}</strong>
    )}
  </>
);

/** The unread marker the live script adds to a line when a reporter writes. */
export const UnreadTemplate = ({ t }: { t: Translate }) => (
  <template id="queue-unread">
    <UnreadMarker t={t} count={0} />
  </template>
);

/** The line the live script fills for a tip that arrives while the page is open. */
export const NewLineTemplate = ({ t }: { t: Translate }) => {
  const [before = "", after = ""] = t("queue.tip", { code: "\u0000" }).split("\u0000");
  return (
    <template id="queue-new-line">
      <li class="queue-item queue-item--new">
        <div class="queue-item__head">
          <span class="priority" data-slot="priority" />
          <a class="queue-item__link" data-slot="link" href="/console">
            {before}
            <span data-slot="code" />
            {after}
          </a>
          <strong class="tag tag--new">{t("queue.live.new")}</strong>
        </div>
      </li>
    </template>
  );
};

/** What the P0 banner says; the script puts it into the (empty, announced) alert region. */
export const AlertTemplate = ({ t }: { t: Translate }) => (
  <template id="queue-alert-content">
    <p class="alert-banner__text">{t("queue.live.alert")}</p>
    <a class="alert-banner__link" data-slot="link" href="/console">
      {t("queue.live.open")}
    </a>
  </template>
);
