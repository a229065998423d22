import { TIP_STATUSES } from "@balagh/shared";

/** What staff set; the reporter sees spam and duplicate as "closed" (DESIGN.md). */
export const STAFF_STATUSES = [...TIP_STATUSES, "spam", "duplicate"] as const;
export type StaffStatus = (typeof STAFF_STATUSES)[number];

/** The statuses of tips still to be worked: the queue's default. */
export const OPEN_STATUSES: readonly StaffStatus[] = ["received", "in_review", "referred"];
