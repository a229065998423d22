import type { en } from "./en.js";
import type { followupEn } from "./followup/en.js";

export type MessageId = keyof typeof en;
/** Exactly the source's keys: a missing or an extra key in a translation is a type error. */
export type Catalog = Record<MessageId, string>;

/** The follow-up screens' own catalog (followup/), loaded with them. */
export type FollowupMessageId = keyof typeof followupEn;
export type FollowupCatalog = Record<FollowupMessageId, string>;
