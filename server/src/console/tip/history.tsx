import type { ConsoleLanguage, ConsoleMessageId } from "@balagh/shared";
import type { TipView } from "../../tips/read.js";
import type { Translate } from "../i18n.js";
import { formatTime } from "./labels.js";

const EVENT: Record<string, ConsoleMessageId> = {
  "tip.view": "tip.event.view",
  "tip.note": "tip.event.note",
  "tip.status": "tip.event.status",
  "tip.assign": "tip.event.assign",
  "tip.link": "tip.event.link",
  "tip.priority.override": "tip.event.priority",
  "tip.classification.override": "tip.event.classification",
  "tip.create.staff": "intake.event.created",
  "tip.route.add": "reroute.event.add",
  "tip.route.remove": "reroute.event.remove",
  "tip.reply": "followup.event.reply",
  "tip.conversation.read": "followup.event.read",
  "followup.message.received": "followup.event.received",
};

const STATUSES = ["received", "in_review", "referred", "closed", "spam", "duplicate"] as const;

export const tipPath = (id: string) => `/console/tips/${encodeURIComponent(id)}`;

/** Staff by email address; the command line as "operator"; a member since removed without a name. */
export const whoIs = (t: Translate, emails: Map<string, string>, actor: string | null) =>
  actor === "operator"
    ? t("tip.timeline.operator")
    : actor === "reporter"
      ? t("followup.from.reporter")
      : ((actor && emails.get(actor)) ?? t("tip.timeline.formerMember"));

type Event = TipView["timeline"][number];

const valueText = (t: Translate, emails: Map<string, string>, action: string, value: unknown) => {
  if (value === null || value === undefined) return action === "tip.assign" ? t("tip.summary.nobody") : "–";
  const text = String(value);
  if (action === "tip.assign") return whoIs(t, emails, text);
  if (action === "tip.status" && (STATUSES as readonly string[]).includes(text))
    return t(`tip.status.${text as (typeof STATUSES)[number]}`);
  return text;
};

const Change = ({ t, emails, event }: { t: Translate; emails: Map<string, string>; event: Event }) => {
  const { details, action } = event;
  const reason = typeof details.reason === "string" ? details.reason : null;
  const linked = typeof details.linked === "string" ? details.linked : null;
  return (
    <>
      {"to" in details && (
        <p class="timeline__change">
          {t("tip.event.change", {
            from: valueText(t, emails, action, details.from),
            to: valueText(t, emails, action, details.to),
          })}
        </p>
      )}
      {reason && (
        <p class="free-text" dir="auto">
          {reason}
        </p>
      )}
      {linked && (
        <p>
          <a href={tipPath(linked)}>{linked}</a>
        </p>
      )}
    </>
  );
};

/** What the workspace's history sections are drawn from. */
type SectionProps = { t: Translate; language: ConsoleLanguage; tip: TipView; emails: Map<string, string> };

export const Timeline = ({ t, language, tip, emails }: SectionProps) => (
  <section aria-labelledby="timeline-title">
    <h2 id="timeline-title">{t("tip.timeline.title")}</h2>
    <ol class="timeline">
      {tip.timeline.map((event) => {
        const label = EVENT[event.action];
        return (
          <li class="timeline__item">
            <p class="timeline__head">
              <time datetime={event.at.toISOString()}>{formatTime(language, event.at)}</time>{" "}
              <strong dir="auto">{whoIs(t, emails, event.actor)}</strong> {label ? t(label) : event.action}
            </p>
            <Change t={t} emails={emails} event={event} />
          </li>
        );
      })}
    </ol>
  </section>
);

export const Notes = ({ t, language, tip, emails }: SectionProps) => (
  <section aria-labelledby="notes-title">
    <h2 id="notes-title">{t("tip.notes.title")}</h2>
    {tip.notes.length === 0 ? (
      <p>{t("tip.notes.none")}</p>
    ) : (
      <ol class="notes">
        {tip.notes.map((note) => (
          <li class="note">
            <p class="note__head">
              <strong dir="auto">{whoIs(t, emails, note.staffId)}</strong>{" "}
              <time datetime={note.createdAt.toISOString()}>{formatTime(language, note.createdAt)}</time>
            </p>
            <p class="free-text" dir="auto">
              {note.text}
            </p>
          </li>
        ))}
      </ol>
    )}
  </section>
);

export const Related = ({ t, language, tip }: { t: Translate; language: ConsoleLanguage; tip: TipView }) => (
  <section aria-labelledby="links-title">
    <h2 id="links-title">{t("tip.links.title")}</h2>
    {tip.links.length === 0 ? (
      <p>{t("tip.links.none")}</p>
    ) : (
      <ul class="plain-list">
        {tip.links.map((link) => (
          <li>
            <a href={tipPath(link.id)}>{link.id}</a> · {link.priority ?? "–"} ·{" "}
            {t(
              `tip.status.${(STATUSES as readonly string[]).includes(link.status) ? (link.status as (typeof STATUSES)[number]) : "received"}`,
            )}{" "}
            · {formatTime(language, link.createdAt)}
          </li>
        ))}
      </ul>
    )}
  </section>
);
