import { and, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { signInThrottle, staff } from "../db/schema.js";
import type { AppDb } from "../db/types.js";
import type { Counter, CounterStore, ThrottlePolicy } from "./throttle.js";

const sameTime = (column: SQLiteColumn, value: Date | null): SQL => (value ? eq(column, value) : isNull(column));

/** The account's counter, on its staff row. */
export const accountCounter = (db: AppDb, staffId: string): CounterStore => ({
  read: async () => {
    const [row] = await db
      .select({ failures: staff.failedSignIns, lockedUntil: staff.lockedUntil })
      .from(staff)
      .where(eq(staff.id, staffId));
    return row ?? null;
  },
  swap: async (expected, next) => {
    const updated = await db
      .update(staff)
      .set({ failedSignIns: next.failures, lockedUntil: next.lockedUntil })
      .where(
        and(
          eq(staff.id, staffId),
          eq(staff.failedSignIns, expected?.failures ?? 0),
          sameTime(staff.lockedUntil, expected?.lockedUntil ?? null),
        ),
      )
      .returning({ id: staff.id });
    return updated.length === 1;
  },
  countFailure: () =>
    db
      .update(staff)
      .set({ failedSignIns: sql`${staff.failedSignIns} + 1` })
      .where(eq(staff.id, staffId)),
});

/** A client's counter, named by a keyed hash of its address (never the address). */
export const clientCounter = (db: AppDb, key: string, policy: ThrottlePolicy): CounterStore => {
  const expiresAt = (next: Counter) => new Date((next.lockedUntil?.getTime() ?? 0) + policy.forgetAfterMs);
  return {
    read: async () => {
      const [row] = await db
        .select({ failures: signInThrottle.failures, lockedUntil: signInThrottle.lockedUntil })
        .from(signInThrottle)
        .where(eq(signInThrottle.key, key));
      return row ?? null;
    },
    swap: async (expected, next) => {
      if (!expected) {
        const inserted = await db
          .insert(signInThrottle)
          .values({ key, failures: next.failures, lockedUntil: next.lockedUntil, expiresAt: expiresAt(next) })
          .onConflictDoNothing()
          .returning({ key: signInThrottle.key });
        return inserted.length === 1;
      }
      const updated = await db
        .update(signInThrottle)
        .set({ failures: next.failures, lockedUntil: next.lockedUntil, expiresAt: expiresAt(next) })
        .where(
          and(
            eq(signInThrottle.key, key),
            eq(signInThrottle.failures, expected.failures),
            sameTime(signInThrottle.lockedUntil, expected.lockedUntil),
          ),
        )
        .returning({ key: signInThrottle.key });
      return updated.length === 1;
    },
    countFailure: () =>
      db
        .update(signInThrottle)
        .set({ failures: sql`${signInThrottle.failures} + 1` })
        .where(eq(signInThrottle.key, key)),
  };
};
