import { and, eq, getTableColumns, isNotNull, sql } from "drizzle-orm";
import { agencies, deliveryOutbox, idempotencyKeys, spentCaptchas, tipRoutes, tips } from "../db/schema.js";
import { placeholders, template } from "../db/statements.js";
import type { AppDb } from "../db/types.js";

type Row<T extends { $inferInsert: object }> = Required<T["$inferInsert"]>;
type Tip = Row<typeof tips>;

const TIP_COLUMNS = Object.keys(getTableColumns(tips)) as (keyof Tip & string)[];

/**
 * The intake's statements, built by drizzle once per database and then only filled in, so that a tip
 * costs no query building and the SQL text stays prepared in the driver.
 */
const build = (db: AppDb) => {
  const p = placeholders;
  const constant = (name: string, column: string) => sql`${sql.placeholder(name)}`.as(column);
  return {
    spentCaptcha: template<Row<typeof spentCaptchas>>(
      db.insert(spentCaptchas).values(p(["hash", "expiresAt"] as const)),
    ),
    tip: template<Tip>(db.insert(tips).values(p(TIP_COLUMNS))),
    route: template<Row<typeof tipRoutes>>(
      db.insert(tipRoutes).values(p(["id", "tipId", "agencyId", "role", "ruleId", "reason", "createdAt"] as const)),
    ),
    // INSERT … SELECT from the agency row: an agency without a webhook adds no row, and nothing is read first.
    outbox: template<{ id: string; tipId: string; agencyId: string; event: string; payload: string; now: number }>(
      db.insert(deliveryOutbox).select(
        db
          .select({
            id: constant("id", "id"),
            tipId: constant("tipId", "tip_id"),
            agencyId: agencies.id,
            event: constant("event", "event"),
            payload: constant("payload", "payload"),
            status: sql`'pending'`.as("status"),
            attempts: sql`0`.as("attempts"),
            nextAttemptAt: constant("now", "next_attempt_at"),
            lastError: sql`null`.as("last_error"),
            deliveredAt: sql`null`.as("delivered_at"),
            createdAt: constant("now", "created_at"),
          })
          .from(agencies)
          .where(and(eq(agencies.id, sql.placeholder("agencyId")), isNotNull(agencies.webhookUrl))),
      ),
    ),
    idempotency: template<Row<typeof idempotencyKeys>>(
      db.insert(idempotencyKeys).values(p(["key", "fingerprint", "tipId", "responseSealed", "expiresAt"] as const)),
    ),
  };
};

const built = new WeakMap<AppDb, ReturnType<typeof build>>();

export const intakeStatements = (db: AppDb) => {
  let statements = built.get(db);
  if (!statements) {
    statements = build(db);
    built.set(db, statements);
  }
  return statements;
};
