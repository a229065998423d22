import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

const id = () =>
  text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID());
const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(cast(unixepoch('subsec') * 1000 as integer))`);
const json = <T>(name: string) => text(name, { mode: "json" }).$type<T>();

export const partners = sqliteTable("partners", {
  id: id(),
  key: text("key").notNull().unique(),
  name: text("name").notNull(),
  allowedOrigins: json<string[]>("allowed_origins").notNull(),
  languages: json<string[]>("languages").notNull(),
  defaultLanguage: text("default_language").notNull(),
  countries: json<string[]>("countries").notNull(),
  defaultCountry: text("default_country").notNull(),
  captchaProviders: json<Array<"hcaptcha" | "altcha">>("captcha_providers").notNull(),
  exitUrl: text("exit_url").notNull(),
  theme: json<Record<string, string>>("theme").notNull(),
  /** A disabled partner's widget and intake answer as for an unknown key; its past tips stay. */
  disabled: integer("disabled", { mode: "boolean" }).notNull().default(false),
  createdAt: createdAt(),
});

export const agencies = sqliteTable("agencies", {
  id: id(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  kind: text("kind").notNull(),
  country: text("country").notNull(),
  phone: text("phone"),
  webhookUrl: text("webhook_url"),
  webhookSecretSealed: text("webhook_secret_sealed"),
  unverified: integer("unverified", { mode: "boolean" }).notNull().default(false),
  isFallback: integer("is_fallback", { mode: "boolean" }).notNull().default(false),
  /** Informed of every tip (at least notified), whatever the rules say: e.g. the national referral mechanism. */
  isCoordinating: integer("is_coordinating", { mode: "boolean" }).notNull().default(false),
  /** An agency with tips is never deleted (its tips keep their routes): it is disabled, and routing skips it. */
  disabled: integer("disabled", { mode: "boolean" }).notNull().default(false),
  createdAt: createdAt(),
});

export const routingRules = sqliteTable(
  "routing_rules",
  {
    id: id(),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    conditions: json<Record<string, unknown>>("conditions").notNull(),
    agencyId: text("agency_id")
      .notNull()
      .references(() => agencies.id),
    role: text("role", { enum: ["primary", "notify"] }).notNull(),
    enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index("routing_rules_position").on(t.position)],
);

export const tips = sqliteTable(
  "tips",
  {
    id: id(),
    receiptHash: text("receipt_hash").notNull().unique(),
    partnerId: text("partner_id")
      .notNull()
      .references(() => partners.id),
    status: text("status").notNull().default("received"),
    language: text("language").notNull(),
    dangerNow: text("danger_now").notNull(),
    reporterRole: text("reporter_role").notNull(),
    country: text("country").notNull(),
    /** A region code (ISO 3166-2, shared/src/regions.ts) when the typed region names one; the text itself is sealed. */
    regionCode: text("region_code"),
    /** Clear-text region of tips filed before free text was sealed; `sealLegacyFreeText` moves it into the seal. */
    legacyRegion: text("region"),
    when: text("when").notNull(),
    situations: json<string[]>("situations").notNull(),
    childInvolved: text("child_involved").notNull(),
    indicators: json<string[]>("indicators").notNull(),
    otherCountries: json<string[]>("other_countries").notNull(),
    disclosure: text("disclosure").notNull(),
    victimConsentPolice: text("victim_consent_police"),
    priority: text("priority"),
    classification: text("classification"),
    flags: json<string[]>("flags"),
    /** The triage reasons without their quotes (signals, fields, points); the whole reasons are in `reasonsSealed`. */
    reasons: json<unknown[]>("reasons"),
    reasonsSealed: text("reasons_sealed"),
    /** Routing decisions that were not carried out (e.g. police withheld without the adult victim's consent). */
    routingNotes: json<unknown[]>("routing_notes"),
    narrativeSealed: text("narrative_sealed").notNull(),
    locationSealed: text("location_sealed"),
    peopleSealed: text("people_sealed"),
    detailsSealed: text("details_sealed"),
    contactSealed: text("contact_sealed"),
    /** The staff member working the tip, if anyone is. */
    assignedTo: text("assigned_to").references(() => staff.id),
    /** Set with status "duplicate": the tip this one repeats. */
    duplicateOf: text("duplicate_of"),
    /** How the tip reached the hotline: `web` (the widget), `phone`, `walk_in` or `partner_referral`. */
    channel: text("channel").notNull().default("web"),
    /** The staff member who typed a phone or walk-in tip; never shown to the reporter. */
    enteredBy: text("entered_by").references(() => staff.id),
    /** When the oldest reporter message the hotline has not answered arrived; null when none waits. */
    awaitingReplySince: integer("awaiting_reply_since", { mode: "timestamp_ms" }),
    /** Reporter messages no staff member has opened yet. */
    unreadMessages: integer("unread_messages").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("tips_priority_created").on(t.priority, t.createdAt),
    // With the id, the queue's page is sorted and cut from this index alone (tips/list.ts).
    index("tips_status_priority_created").on(t.status, t.priority, t.createdAt, t.id),
    index("tips_created").on(t.createdAt),
    index("tips_awaiting_reply").on(t.awaitingReplySince),
  ],
);

/** Tips staff judged related (the same place, the same people); stored once per pair, smaller id first. */
export const tipLinks = sqliteTable(
  "tip_links",
  {
    tipId: text("tip_id")
      .notNull()
      .references(() => tips.id, { onDelete: "cascade" }),
    linkedTipId: text("linked_tip_id")
      .notNull()
      .references(() => tips.id, { onDelete: "cascade" }),
    staffId: text("staff_id").references(() => staff.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("tip_links_pair").on(t.tipId, t.linkedTipId), index("tip_links_linked").on(t.linkedTipId)],
);

export const tipRoutes = sqliteTable(
  "tip_routes",
  {
    id: id(),
    tipId: text("tip_id")
      .notNull()
      .references(() => tips.id, { onDelete: "cascade" }),
    agencyId: text("agency_id")
      .notNull()
      .references(() => agencies.id),
    role: text("role", { enum: ["primary", "notify"] }).notNull(),
    ruleId: text("rule_id"),
    reason: text("reason").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("tip_routes_tip_agency").on(t.tipId, t.agencyId), index("tip_routes_agency").on(t.agencyId)],
);

export const staff = sqliteTable("staff", {
  id: id(),
  email: text("email").notNull().unique(),
  passwordHash: text("password_hash").notNull(),
  role: text("role", { enum: ["admin", "supervisor", "agent", "auditor"] }).notNull(),
  agencyId: text("agency_id").references(() => agencies.id),
  totpSecretSealed: text("totp_secret_sealed"),
  /** When the member proved the second factor works; until then the secret is only offered for enrolment. */
  totpEnrolledAt: integer("totp_enrolled_at", { mode: "timestamp_ms" }),
  /** The last TOTP time step accepted: a code is good once. */
  totpLastStep: integer("totp_last_step"),
  language: text("language", { enum: ["fr", "ar", "en"] })
    .notNull()
    .default("fr"),
  failedSignIns: integer("failed_sign_ins").notNull().default(0),
  lockedUntil: integer("locked_until", { mode: "timestamp_ms" }),
  disabled: integer("disabled", { mode: "boolean" }).notNull().default(false),
  /** Created or reset with a temporary password: the next sign-in must choose a new one. */
  mustChangePassword: integer("must_change_password", { mode: "boolean" }).notNull().default(false),
  lastSignInAt: integer("last_sign_in_at", { mode: "timestamp_ms" }),
  createdAt: createdAt(),
});

/** Failed sign-ins per keyed hash of the client's address (never the address): growing delays, then a lock. */
export const signInThrottle = sqliteTable("sign_in_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  lockedUntil: integer("locked_until", { mode: "timestamp_ms" }),
  expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
});

export const messages = sqliteTable(
  "messages",
  {
    id: id(),
    tipId: text("tip_id")
      .notNull()
      .references(() => tips.id, { onDelete: "cascade" }),
    direction: text("direction", { enum: ["reporter", "hotline"] }).notNull(),
    staffId: text("staff_id").references(() => staff.id),
    bodySealed: text("body_sealed").notNull(),
    readAt: integer("read_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [index("messages_tip").on(t.tipId, t.createdAt)],
);

/** A reporter's follow-up session, opened with the receipt; the token itself is never stored. */
export const followupSessions = sqliteTable(
  "followup_sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    tipId: text("tip_id")
      .notNull()
      .references(() => tips.id, { onDelete: "cascade" }),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("followup_sessions_expires").on(t.expiresAt)],
);

/** Deployment-wide settings from the deployment file (queue targets, reply templates, the hotline's number). */
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: json<unknown>("value").notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});

export const internalNotes = sqliteTable(
  "internal_notes",
  {
    id: id(),
    tipId: text("tip_id")
      .notNull()
      .references(() => tips.id, { onDelete: "cascade" }),
    staffId: text("staff_id")
      .notNull()
      .references(() => staff.id),
    bodySealed: text("body_sealed").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("internal_notes_tip").on(t.tipId)],
);

export const sessions = sqliteTable("sessions", {
  tokenHash: text("token_hash").primaryKey(),
  staffId: text("staff_id")
    .notNull()
    .references(() => staff.id, { onDelete: "cascade" }),
  csrfToken: text("csrf_token").notNull(),
  /** The absolute end (12 hours after sign-in); the idle end is lastSeenAt + 30 minutes. */
  expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  lastSeenAt: integer("last_seen_at", { mode: "timestamp_ms" }),
  /** Signed in with the password, waiting for the second factor (or its enrolment). */
  pendingSecondFactor: integer("pending_second_factor", { mode: "boolean" }).notNull().default(false),
  createdAt: createdAt(),
});

export const auditLog = sqliteTable(
  "audit_log",
  {
    seq: integer("seq").primaryKey({ autoIncrement: true }),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    subject: text("subject"),
    details: json<Record<string, unknown>>("details").notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  // Two writers that read the same chain head cannot both append: the chain never forks.
  (t) => [uniqueIndex("audit_log_prev_hash").on(t.prevHash)],
);

export const deliveryOutbox = sqliteTable(
  "delivery_outbox",
  {
    id: id(),
    tipId: text("tip_id")
      .notNull()
      .references(() => tips.id, { onDelete: "cascade" }),
    agencyId: text("agency_id")
      .notNull()
      .references(() => agencies.id),
    event: text("event").notNull(),
    payload: json<Record<string, unknown>>("payload").notNull(),
    status: text("status", { enum: ["pending", "delivered", "dead"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }).notNull(),
    lastError: text("last_error"),
    deliveredAt: integer("delivered_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [index("delivery_outbox_due").on(t.status, t.nextAttemptAt)],
);

export const idempotencyKeys = sqliteTable("idempotency_keys", {
  key: text("key").primaryKey(),
  fingerprint: text("fingerprint").notNull(),
  tipId: text("tip_id")
    .notNull()
    .references(() => tips.id, { onDelete: "cascade" }),
  responseSealed: text("response_sealed").notNull(),
  expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
});

export const rateLimitBuckets = sqliteTable("rate_limit_buckets", {
  key: text("key").primaryKey(),
  windowStart: integer("window_start", { mode: "timestamp_ms" }).notNull(),
  count: integer("count").notNull(),
  expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
});

/** Captcha solutions already used, so that one solved challenge buys one tip. */
export const spentCaptchas = sqliteTable("spent_captchas", {
  hash: text("hash").primaryKey(),
  expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
});
