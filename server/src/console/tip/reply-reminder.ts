import { durationMs, type HotlineSettings } from "../../settings/hotline.js";

/** Issue 10: a reporter's message may wait this long for an answer unless the deployment says otherwise. */
const DEFAULT_REPLY_REMINDER = "7d";

/** How long a reporter's message may wait before the queue and the workspace show a reminder. */
export const replyReminderMs = (settings: HotlineSettings) =>
  durationMs(settings.replyReminder ?? DEFAULT_REPLY_REMINDER);

/** Whether a reporter's message has waited for an answer longer than the deployment allows. */
export const replyIsLate = (awaitingSince: Date | null, now: Date, reminderMs: number) =>
  awaitingSince !== null && now.getTime() - awaitingSince.getTime() > reminderMs;
