import { LANGUAGES, ROUTE_COUNTRIES, tipSchema } from "@balagh/shared";
import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import { auditHash, isChainConflict } from "../audit/append.js";
import { auditLog, partners, tips } from "../db/schema.js";
import type { SqlStatement, SqlValue } from "../db/statements.js";
import type { AppDb } from "../db/types.js";
import type { Services } from "../deps.js";
import { triagedTipWrite } from "../intake/pipeline.js";
import type { TipChannel } from "../intake/store.js";
import type { Viewer } from "./scope.js";

/** How a tip typed in by staff reached the hotline; `web` is the widget's alone. */
export const STAFF_CHANNELS = ["phone", "walk_in", "partner_referral"] as const satisfies readonly TipChannel[];
export type StaffChannel = (typeof STAFF_CHANNELS)[number];

/**
 * Tips taken by the hotline itself are filed under a partner of their own, disabled: no web page can
 * embed it or send tips through it, and no partner site is credited with a call it never received.
 */
export const HOTLINE_PARTNER_KEY = "hotline-intake";

export const mayEnterTips = (viewer: Viewer) =>
  viewer.kind === "staff" && (viewer.role === "supervisor" || viewer.role === "agent");

export type IntakeIssue = { path: string; message: string };

export type StaffIntakeResult =
  | { ok: true; tipId: string; receipt: string; visibleToViewer: boolean }
  | { ok: false; reason: "not_allowed" }
  | { ok: false; reason: "already_entered" }
  | { ok: false; reason: "invalid"; issues: IntakeIssue[] };

const entrySchema = z.object({
  /** Chosen when the form was drawn, so that the same form sent twice makes one tip. */
  tipId: z.uuid(),
  channel: z.enum(STAFF_CHANNELS),
  tip: tipSchema,
});

const hotlinePartnerId = async (db: AppDb) => {
  await db
    .insert(partners)
    .values({
      key: HOTLINE_PARTNER_KEY,
      name: "Hotline (phone, walk-in and referral intake)",
      allowedOrigins: [],
      languages: [...LANGUAGES],
      defaultLanguage: "fr",
      countries: ROUTE_COUNTRIES.map((c) => c.code),
      defaultCountry: ROUTE_COUNTRIES[0]?.code ?? "MR",
      captchaProviders: [],
      exitUrl: "https://www.wikipedia.org/",
      theme: {},
      disabled: true,
    })
    .onConflictDoNothing({ target: partners.key });
  const [row] = await db.select({ id: partners.id }).from(partners).where(eq(partners.key, HOTLINE_PARTNER_KEY));
  if (!row) throw new Error("the hotline's own partner could not be created");
  return row.id;
};

const tipExists = async (db: AppDb, tipId: string) =>
  (await db.select({ id: tips.id }).from(tips).where(eq(tips.id, tipId)).limit(1)).length > 0;

/** The audit entry as a plain statement, so that it goes into the same commit as the tip's rows. */
const auditStatement = async (db: AppDb, entry: Parameters<typeof auditHash>[2], at: Date): Promise<SqlStatement> => {
  const [head] = await db.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  const prevHash = head?.hash ?? "0".repeat(64);
  const query = db
    .insert(auditLog)
    .values({ at, ...entry, prevHash, hash: auditHash(prevHash, at, entry) })
    .toSQL();
  return { sql: query.sql, args: query.params as SqlValue[] };
};

/**
 * A tip typed in by a supervisor or an agency officer from a call, a visit or a referral: the same
 * schema, triage, routing, sealing and outbox as the widget's, with its channel and author recorded
 * and audited (`tip.create.staff`) in the same commit. The receipt is answered once, here, and
 * stored only as a keyed hash, like every other.
 */
export const enterTipByStaff = async (
  services: Services,
  viewer: Viewer,
  input: { tipId: unknown; channel: unknown; tip: unknown },
): Promise<StaffIntakeResult> => {
  if (viewer.kind !== "staff" || !mayEnterTips(viewer)) return { ok: false, reason: "not_allowed" };
  const parsed = entrySchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      reason: "invalid",
      issues: parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
    };
  }
  const { tipId, channel, tip } = parsed.data;
  if (await tipExists(services.db, tipId)) return { ok: false, reason: "already_entered" };
  const partnerId = await hotlinePartnerId(services.db);
  for (let attempt = 0; ; attempt++) {
    const now = services.now();
    const { receipt, routing, statements } = await triagedTipWrite(services, {
      id: tipId,
      partnerId,
      tip,
      idempotency: null,
      channel,
      enteredBy: viewer.id,
    });
    const audit = await auditStatement(
      services.db,
      { actor: viewer.id, action: "tip.create.staff", subject: tipId, details: { channel } },
      now,
    );
    try {
      await services.commit([audit, ...statements]);
      const visibleToViewer =
        viewer.role === "supervisor" || routing.routes.some((r) => r.agencyId === viewer.agencyId);
      return { ok: true, tipId, receipt, visibleToViewer };
    } catch (error) {
      // The same form sent twice at once: its tip id let one through.
      if (await tipExists(services.db, tipId)) return { ok: false, reason: "already_entered" };
      if (attempt >= 4 || !isChainConflict(error)) throw error;
    }
  }
};
