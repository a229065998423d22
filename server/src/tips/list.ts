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

export type TipSummary = Awaited<ReturnType<typeof summariesOf>>[number] & {
  agencies: { slug: string; role: string }[];
};

const queueOrder = [asc(priorityKey), asc(tips.createdAt), asc(tips.id)];

type KeyRow = { pk: string; n: number | null; created_at: number | null; id: string | null };

/**
 * The counts per priority and the page's ids from one scan of the matching tips: the scan (rows read, scope
 * looked up per tip) is what costs. Without `materialized` SQLite inlines the CTE and scans twice. The counts
 * ignore the priority filter and the cursor; the page keeps both.
 */
const countsAndPageIds = async (
  db: AppDb,
  where: SQL | undefined,
  page: { priorities?: readonly Priority[] | undefined; after?: QueueCursor | undefined; limit: number },
) => {
  const keep: SQL[] = [];
  if (page.priorities?.length) keep.push(sql`pk in (${sql.join([...page.priorities], sql`, `)})`);
  if (page.after)
    keep.push(sql`(pk, created_at, id) > (${page.after.priority}, ${page.after.createdAt}, ${page.after.id})`);
  const rows = (await db.all(sql`
    with matching as materialized (
      select ${tips.id} as id, ${priorityKey} as pk, ${tips.createdAt} as created_at from ${tips}
      ${where ? sql`where ${where}` : sql``}
    )
    select pk, count(*) as n, null as created_at, null as id from matching group by pk
    union all
    select * from (
      select pk, null as n, created_at, id from matching ${keep.length ? sql`where ${and(...keep)}` : sql``}
      order by pk, created_at, id limit ${page.limit}
    )`)) as KeyRow[];
  const counted = rows.filter((row) => row.id === null);
  return {
    counts: Object.fromEntries(counted.map((row) => [row.pk, Number(row.n)])) as Record<string, number>,
    ids: rows.flatMap((row) => (row.id === null ? [] : [row.id])),
  };
};

const summariesOf = (db: AppDb, ids: string[]) =>
  db
    .select(summary)
    .from(tips)
    .innerJoin(partners, eq(tips.partnerId, partners.id))
    .where(inArray(tips.id, ids))
    .orderBy(...queueOrder);

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
  const { counts, ids } = await countsAndPageIds(db, and(...filterConditions(db, filters), ...(scope ? [scope] : [])), {
    priorities: filters.priorities,
    after,
    limit: limit + 1,
  });
  const rows = ids.length ? await summariesOf(db, ids) : [];
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
    counts,
  };
};
