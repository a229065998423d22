import { and, asc, eq, exists, gte, inArray, isNotNull, lt, type SQL, sql } from "drizzle-orm";
import { agencies, partners, tipRoutes, tips } from "../db/schema.js";
import type { AppDb } from "../db/types.js";
import type { Priority } from "../triage/index.js";
import { tipScope, type Viewer } from "./scope.js";
import { OPEN_STATUSES, type StaffStatus } from "./statuses.js";

export type TipFilters = {
  statuses?: readonly StaffStatus[];
  priorities?: readonly Priority[];
  agencyId?: string;
  country?: string;
  regionCode?: string;
  situation?: string;
  childInvolved?: "yes" | "no" | "not_sure";
  partnerKey?: string;
  from?: Date;
  to?: Date;
  /** "Waiting for us": a reporter's message no one has answered yet. */
  awaitingReply?: boolean;
  /** How the tip reached the hotline: `web`, `phone`, `walk_in` or `partner_referral`. */
  channel?: string;
};

/** Where the last page ended: the queue is ordered by priority, then age (oldest first), then id. */
export type QueueCursor = { priority: string; createdAt: number; id: string };

const NO_PRIORITY = "P9";
const priorityKey = sql<string>`coalesce(${tips.priority}, ${NO_PRIORITY})`;

const filterConditions = (db: AppDb, f: TipFilters): SQL[] => {
  const conditions: SQL[] = [inArray(tips.status, [...(f.statuses ?? OPEN_STATUSES)])];
  if (f.agencyId) {
    const agencyId = f.agencyId;
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(tipRoutes)
          .where(and(eq(tipRoutes.tipId, tips.id), eq(tipRoutes.agencyId, agencyId))),
      ),
    );
  }
  if (f.country) conditions.push(eq(tips.country, f.country));
  if (f.regionCode) conditions.push(eq(tips.regionCode, f.regionCode));
  if (f.situation)
    conditions.push(sql`exists (select 1 from json_each(${tips.situations}) where value = ${f.situation})`);
  if (f.childInvolved) conditions.push(eq(tips.childInvolved, f.childInvolved));
  // A subquery, not a join: the queue's other conditions are then read from the index alone.
  if (f.partnerKey)
    conditions.push(
      inArray(tips.partnerId, db.select({ id: partners.id }).from(partners).where(eq(partners.key, f.partnerKey))),
    );
  if (f.from) conditions.push(gte(tips.createdAt, f.from));
  if (f.to) conditions.push(lt(tips.createdAt, f.to));
  if (f.awaitingReply) conditions.push(isNotNull(tips.awaitingReplySince));
  if (f.channel) conditions.push(eq(tips.channel, f.channel));
  return conditions;
};

const summary = {
  id: tips.id,
  createdAt: tips.createdAt,
  status: tips.status,
  priority: tips.priority,
  classification: tips.classification,
  country: tips.country,
  regionCode: tips.regionCode,
  situations: tips.situations,
  childInvolved: tips.childInvolved,
  dangerNow: tips.dangerNow,
  flags: tips.flags,
  language: tips.language,
  assignedTo: tips.assignedTo,
  partnerKey: partners.key,
  awaitingReplySince: tips.awaitingReplySince,
  unreadMessages: tips.unreadMessages,
  channel: tips.channel,
};

export type TipSummary = Awaited<ReturnType<typeof pageOf>>[number] & { agencies: { slug: string; role: string }[] };

const queueOrder = [asc(priorityKey), asc(tips.createdAt), asc(tips.id)];

/**
 * The page's ids first, sorted from the index (status, priority, created_at, id) without touching a
 * row, then only those rows: sorting thousands of whole rows, sealed fields and all, is what cost.
 */
const pageOf = (db: AppDb, where: SQL | undefined, limit: number) => {
  const ids = db
    .select({ id: tips.id })
    .from(tips)
    .where(where)
    .orderBy(...queueOrder)
    .limit(limit);
  return db
    .select(summary)
    .from(tips)
    .innerJoin(partners, eq(tips.partnerId, partners.id))
    .where(inArray(tips.id, ids))
    .orderBy(...queueOrder);
};

/**
 * One page of the queue as the viewer may see it: the tips' codes only (no sealed field is opened),
 * counts per priority for the same filters, and the cursor of the next page. Keyset pagination, so a
 * page costs the same at the millionth tip as at the first.
 */
export const listTips = async (
  db: AppDb,
  viewer: Viewer,
  filters: TipFilters = {},
  { after, limit = 50 }: { after?: QueueCursor; limit?: number } = {},
) => {
  const scope = tipScope(db, viewer);
  if (scope === null) return { tips: [] as TipSummary[], next: null, counts: {} as Record<string, number> };
  const scoped = scope ? [scope] : [];
  const keyset = after
    ? [sql`(${priorityKey}, ${tips.createdAt}, ${tips.id}) > (${after.priority}, ${after.createdAt}, ${after.id})`]
    : [];
  const priorities = filters.priorities?.length ? [inArray(tips.priority, [...filters.priorities])] : [];
  // Independent reads, asked for together: the database answers them side by side.
  const [rows, counted] = await Promise.all([
    pageOf(db, and(...filterConditions(db, filters), ...scoped, ...priorities, ...keyset), limit + 1),
    db
      .select({ priority: priorityKey, n: sql<number>`count(*)` })
      .from(tips)
      .where(and(...filterConditions(db, filters), ...scoped))
      .groupBy(priorityKey),
  ]);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const next =
    rows.length > limit && last
      ? { priority: last.priority ?? NO_PRIORITY, createdAt: last.createdAt.getTime(), id: last.id }
      : null;
  const routes = page.length
    ? await db
        .select({ tipId: tipRoutes.tipId, slug: agencies.slug, role: tipRoutes.role })
        .from(tipRoutes)
        .innerJoin(agencies, eq(tipRoutes.agencyId, agencies.id))
        .where(
          inArray(
            tipRoutes.tipId,
            page.map((t) => t.id),
          ),
        )
        .orderBy(sql`${tipRoutes.role} <> 'primary'`, asc(agencies.slug))
    : [];
  return {
    tips: page.map((t) => ({
      ...t,
      agencies: routes.filter((r) => r.tipId === t.id).map(({ slug, role }) => ({ slug, role })),
    })),
    next,
    counts: Object.fromEntries(counted.map((c) => [c.priority, Number(c.n)])) as Record<string, number>,
  };
};
