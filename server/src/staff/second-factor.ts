import type { staff } from "../db/schema.js";

export type StaffRole = (typeof staff.$inferSelect)["role"];

/** Admins and supervisors always; everyone when the deployment says so; and anyone who set it up. */
export const needsSecondFactor = (
  member: { role: StaffRole; totpEnrolledAt: Date | null },
  requiredForEveryone: boolean,
) => member.totpEnrolledAt !== null || requiredForEveryone || member.role === "admin" || member.role === "supervisor";

/** The seal context of a member's TOTP secret, as `create-staff` seals it. */
export const totpContext = (staffId: string) => `staff:${staffId}:totp`;
