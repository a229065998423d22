import { asc, inArray } from "drizzle-orm";
import { Hono } from "hono";
import { agencies, partners, staff } from "../../db/schema.js";
import type { Services } from "../../deps.js";
import { readHotlineSettings } from "../../settings/hotline.js";
import { listTips, type TipSummary } from "../../tips/list.js";
import { requireViewer } from "../guard.js";
import { replyReminderMs } from "../tip/reply-reminder.js";
import type { ConsoleEnv } from "../types.js";
import { decodeCursor, encodeCursor } from "./cursor.js";
import { type FilterChoices, filterQuery, readFilters } from "./filters.js";
import { liveEvents } from "./live.js";
import { noTipsPage, queuePage } from "./page.js";
import { isOverdue, resolveQueueTargets } from "./targets.js";

const PAGE_SIZE = 50;
const READS_TIPS = new Set(["supervisor", "agent"]);

const filterChoices = async (services: Services): Promise<FilterChoices> => ({
  agencies: await services.db
    .select({ id: agencies.id, slug: agencies.slug, name: agencies.name })
    .from(agencies)
    .orderBy(asc(agencies.name)),
  partnerKeys: (await services.db.select({ key: partners.key }).from(partners).orderBy(asc(partners.key))).map(
    (p) => p.key,
  ),
});

const assigneesOf = async (services: Services, page: TipSummary[]) => {
  const ids = [...new Set(page.flatMap((tip) => (tip.assignedTo ? [tip.assignedTo] : [])))];
  if (ids.length === 0) return new Map<string, string>();
  const rows = await services.db.select({ id: staff.id, email: staff.email }).from(staff).where(inArray(staff.id, ids));
  return new Map(rows.map((r) => [r.id, r.email]));
};

/** The queue (the console's home page) and its live stream, both for the signed-in member only. */
export const queueRoutes = (services: Services) => {
  const viewer = requireViewer(services);
  return new Hono<ConsoleEnv>()
    .get("/", viewer, async (c) => {
      if (!READS_TIPS.has(c.var.viewer.role)) return noTipsPage(c);
      const choices = await filterChoices(services);
      const read = readFilters((name) => c.req.queries(name) ?? [], choices);
      const after = decodeCursor(c.req.query("after"));
      const page = await listTips(services.db, c.var.viewer, read.filters, {
        limit: PAGE_SIZE,
        ...(after ? { after } : {}),
      });
      const query = filterQuery(read.values);
      const hrefWith = (cursor: string | null) => {
        const params = new URLSearchParams(query);
        if (cursor) params.set("after", cursor);
        const search = params.toString();
        return search ? `/console?${search}` : "/console";
      };
      const now = services.now();
      // Read for every page, so that a re-seeded deployment file counts at once; one row by its key.
      const hotline = await readHotlineSettings(services.db);
      const targets = resolveQueueTargets(hotline.queueTargets, services.queueTargets);
      return queuePage(c, {
        tips: page.tips,
        counts: page.counts,
        nextHref: page.next ? hrefWith(encodeCursor(page.next)) : null,
        firstHref: after ? hrefWith(null) : null,
        read,
        choices,
        line: {
          now,
          agencyNames: new Map(choices.agencies.map((a) => [a.slug, a.name])),
          assignees: await assigneesOf(services, page.tips),
          isOverdue: (tip) => isOverdue(targets, tip.priority, tip.createdAt, now),
          replyReminderMs: replyReminderMs(hotline),
        },
      });
    })
    .get("/events", requireViewer(services, { stream: true }), (c) => {
      if (!READS_TIPS.has(c.var.viewer.role)) return c.body(null, 204);
      return liveEvents(c, services, c.var.viewer, c.var.session);
    });
};
