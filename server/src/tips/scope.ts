import { and, eq, exists, type SQL, sql } from "drizzle-orm";
import { tipRoutes, tips } from "../db/schema.js";
import type { AppDb } from "../db/types.js";

export const STAFF_ROLES = ["admin", "supervisor", "agent", "auditor"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * Who is reading. Every read and action of this module takes one, so no page or command can forget
 * it: the CLI reads as the operator, a console page as the signed-in member.
 */
export type Viewer = { kind: "operator" } | { kind: "staff"; id: string; role: StaffRole; agencyId: string | null };

export const operator: Viewer = { kind: "operator" };

export const actorOf = (viewer: Viewer) => (viewer.kind === "operator" ? "operator" : viewer.id);

/**
 * Tips a viewer may see at all (README, "What each role can see"): supervisors every tip; an agent
 * the tips routed to their agency, as primary or notified; admins (configuration and staff) and
 * auditors (the audit log) no tip. `null` = no tip at all.
 */
export const tipScope = (db: AppDb, viewer: Viewer): SQL | undefined | null => {
  if (viewer.kind === "operator") return undefined;
  if (viewer.role === "supervisor") return undefined;
  if (viewer.role === "agent" && viewer.agencyId) {
    const agencyId = viewer.agencyId;
    return exists(
      db
        .select({ one: sql`1` })
        .from(tipRoutes)
        .where(and(eq(tipRoutes.tipId, tips.id), eq(tipRoutes.agencyId, agencyId))),
    );
  }
  return null;
};

/** The actions that change a tip, and who may take them on a tip they can see. */
export const ACTIONS = ["note", "status", "link", "assign", "priority", "classification", "reroute"] as const;
export type TipAction = (typeof ACTIONS)[number];

const AGENT_ACTIONS: readonly TipAction[] = ["note", "status", "link"];

export const mayTake = (viewer: Viewer, action: TipAction) =>
  viewer.kind === "operator" ||
  viewer.role === "supervisor" ||
  (viewer.role === "agent" && AGENT_ACTIONS.includes(action));
