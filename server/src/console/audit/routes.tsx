import { inArray } from "drizzle-orm";
import { Hono } from "hono";
import { verifyAuditChain } from "../../audit/verify.js";
import { staff } from "../../db/schema.js";
import type { Services } from "../../deps.js";
import { requireRole, requireViewer } from "../guard.js";
import { textOf } from "../render.js";
import type { ConsoleEnv } from "../types.js";
import { readAuditFilters } from "./filters.js";
import { auditLogPage } from "./page.js";
import { actionsInLog, auditPage } from "./query.js";

const emailsOf = async (services: Services, ids: string[]) => {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map<string, string>();
  const rows = await services.db
    .select({ id: staff.id, email: staff.email })
    .from(staff)
    .where(inArray(staff.id, unique));
  return new Map(rows.map((r) => [r.id, r.email]));
};

const seqOf = (value: string | undefined) => (value && /^\d{1,15}$/.test(value) ? Number(value) : undefined);

/** GET /console/audit: admins and auditors only; others get the 403 page. */
export const auditRoutes = (services: Services) =>
  new Hono<ConsoleEnv>().get("/audit", requireViewer(services), requireRole("admin", "auditor"), async (c) => {
    const read = readAuditFilters(textOf(c), (name) => c.req.query(name));
    const page =
      read.errors.length === 0
        ? await auditPage(services.db, read.filters, seqOf(c.req.query("before")))
        : { entries: [], next: null };
    const emails = await emailsOf(services, [
      ...page.entries.map((e) => e.actor),
      ...page.entries.flatMap((e) => (e.subject ? [e.subject] : [])),
    ]);
    const params = new URLSearchParams(read.values as Record<string, string>);
    if (page.next !== null) params.set("before", String(page.next));
    return auditLogPage(c, {
      chain: c.req.query("verify") === "1" ? await verifyAuditChain(services.db) : null,
      entries: page.entries,
      emails,
      actions: await actionsInLog(services.db),
      values: read.values,
      errors: read.errors,
      nextHref: page.next !== null ? `/console/audit?${params}` : null,
    });
  });
