import { and, asc, eq, inArray, or } from "drizzle-orm";
import { staff } from "../../db/schema.js";
import type { Services } from "../../deps.js";
import { readTip, type TipView } from "../../tips/read.js";
import { mayTake } from "../../tips/scope.js";
import type { SignedInViewer } from "../types.js";

export type Member = { id: string; email: string };

export type Workspace = {
  tip: TipView;
  /** Staff ids met on the page (timeline, notes, assignment) and their email addresses. */
  emails: Map<string, string>;
  /** Who the tip may be given to: active members who can see it. Empty when the viewer may not assign. */
  assignable: Member[];
};

const emailsOf = async (services: Services, ids: string[]) => {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map<string, string>();
  const rows = await services.db
    .select({ id: staff.id, email: staff.email })
    .from(staff)
    .where(inArray(staff.id, unique));
  return new Map(rows.map((r) => [r.id, r.email]));
};

/** Supervisors see every tip; an agent sees it when it is routed to their agency (the tips module's scope). */
const membersWhoSee = (services: Services, agencyIds: string[]) =>
  services.db
    .select({ id: staff.id, email: staff.email })
    .from(staff)
    .where(
      and(
        eq(staff.disabled, false),
        or(
          eq(staff.role, "supervisor"),
          agencyIds.length ? and(eq(staff.role, "agent"), inArray(staff.agencyId, agencyIds)) : undefined,
        ),
      ),
    )
    .orderBy(asc(staff.email));

/** The workspace of one tip for this member, or null when it is missing or out of their scope. */
export const loadWorkspace = async (
  services: Services,
  viewer: SignedInViewer,
  tipId: string,
): Promise<Workspace | null> => {
  const tip = await readTip(services.db, services.keys, viewer, tipId, services.now());
  if (!tip) return null;
  const assignment = tip.timeline.flatMap((e) =>
    e.action === "tip.assign" ? [e.details.from, e.details.to].filter((x): x is string => typeof x === "string") : [],
  );
  const emails = await emailsOf(services, [
    ...tip.timeline.map((e) => e.actor),
    ...tip.notes.map((n) => n.staffId).filter((id): id is string => id !== null),
    ...(tip.assignedTo ? [tip.assignedTo] : []),
    ...assignment,
  ]);
  const assignable = mayTake(viewer, "assign")
    ? await membersWhoSee(
        services,
        tip.routes.map((r) => r.agencyId),
      )
    : [];
  return { tip, emails, assignable };
};
