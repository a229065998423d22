import { and, asc, eq, ne } from "drizzle-orm";
import { z } from "zod";
import { auditedBatch } from "../audit/append.js";
import { errorSays, LAST_ACTIVE_ADMIN } from "../db/errors.js";
import { agencies, sessions, staff } from "../db/schema.js";
import type { AppDb } from "../db/types.js";
import { hashPassword } from "./password.js";
import type { StaffRole } from "./second-factor.js";
import { temporaryPassword } from "./temporary-password.js";

export const STAFF_ROLES = ["admin", "supervisor", "agent", "auditor"] as const satisfies readonly StaffRole[];

export const isStaffRole = (value: unknown): value is StaffRole => (STAFF_ROLES as readonly unknown[]).includes(value);

export type MemberProblem =
  | "emailMissing"
  | "emailFormat"
  | "emailTaken"
  | "roleMissing"
  | "agencyMissing"
  | "agencyNotAllowed"
  | "agencyUnknown"
  | "lastAdmin";

export type Refusal = { field: "email" | "role" | "agency"; problem: MemberProblem };

/** As the tips module's actions answer: done, no such member, or each field's problem (nothing written). */
export type MemberResult<T = object> =
  | ({ ok: true } & T)
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "invalid"; refusals: Refusal[] };

export type MemberRow = Awaited<ReturnType<typeof listMembers>>[number];

/** Everyone, with what an admin needs to see at a glance; never a hash or a secret. */
export const listMembers = (db: AppDb) =>
  db
    .select({
      id: staff.id,
      email: staff.email,
      role: staff.role,
      agencyId: staff.agencyId,
      agencyName: agencies.name,
      secondFactor: staff.totpEnrolledAt,
      lastSignInAt: staff.lastSignInAt,
      disabled: staff.disabled,
      mustChangePassword: staff.mustChangePassword,
    })
    .from(staff)
    .leftJoin(agencies, eq(agencies.id, staff.agencyId))
    .orderBy(asc(staff.email));

export const findMember = async (db: AppDb, id: string) => {
  const [row] = await db
    .select({
      id: staff.id,
      email: staff.email,
      role: staff.role,
      agencyId: staff.agencyId,
      agencySlug: agencies.slug,
      agencyName: agencies.name,
      secondFactor: staff.totpEnrolledAt,
      lastSignInAt: staff.lastSignInAt,
      disabled: staff.disabled,
      mustChangePassword: staff.mustChangePassword,
    })
    .from(staff)
    .leftJoin(agencies, eq(agencies.id, staff.agencyId))
    .where(eq(staff.id, id));
  return row ?? null;
};

const invalid = (...refusals: Refusal[]) => ({ ok: false, reason: "invalid", refusals }) as const;
const refusal = (field: Refusal["field"], problem: MemberProblem): Refusal => ({ field, problem });

/** Agents belong to one agency, which must exist and be in use; the other roles see beyond any agency. */
const checkedPlacement = async (db: AppDb, role: string, agencyId: string) => {
  if (!isStaffRole(role)) return invalid(refusal("role", "roleMissing"));
  if (role !== "agent")
    return agencyId ? invalid(refusal("agency", "agencyNotAllowed")) : { ok: true as const, role, agency: null };
  if (!agencyId) return invalid(refusal("agency", "agencyMissing"));
  const [agency] = await db
    .select({ id: agencies.id, slug: agencies.slug })
    .from(agencies)
    .where(and(eq(agencies.id, agencyId), eq(agencies.disabled, false)));
  return agency ? { ok: true as const, role, agency } : invalid(refusal("agency", "agencyUnknown"));
};

const emailSchema = z.email().max(254);

const emailProblemOf = async (db: AppDb, email: string): Promise<MemberProblem | null> => {
  if (!email) return "emailMissing";
  if (!emailSchema.safeParse(email).success) return "emailFormat";
  const [taken] = await db.select({ id: staff.id }).from(staff).where(eq(staff.email, email));
  return taken ? "emailTaken" : null;
};

export type NewMember = { email: string; role: string; agencyId: string };

/**
 * A member with a temporary password, answered once here and stored only as a hash: they choose
 * their own at their first sign-in, then enrol their second factor where their role needs it.
 */
export const createMember = async (
  db: AppDb,
  actor: string,
  input: NewMember,
  now: Date,
): Promise<MemberResult<{ id: string; email: string; temporaryPassword: string }>> => {
  const email = input.email.trim().toLowerCase();
  const emailProblem = await emailProblemOf(db, email);
  const placement = await checkedPlacement(db, input.role, input.agencyId);
  const refusals = [
    ...(emailProblem ? [refusal("email", emailProblem)] : []),
    ...(placement.ok ? [] : placement.refusals),
  ];
  if (refusals.length > 0 || !placement.ok) return invalid(...refusals);
  const id = crypto.randomUUID();
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  const agency = placement.agency;
  await auditedBatch(
    db,
    () => [
      db.insert(staff).values({
        id,
        email,
        passwordHash,
        role: placement.role,
        agencyId: agency?.id ?? null,
        mustChangePassword: true,
      }),
    ],
    {
      actor,
      action: "staff.create",
      subject: id,
      details: { email, role: placement.role, agency: agency?.slug ?? null },
    },
    now,
  );
  return { ok: true, id, email, temporaryPassword: password };
};

/** Whether an admin other than this member can still sign in: the hotline never loses its last one. */
const anotherActiveAdmin = async (db: AppDb, memberId: string) => {
  const [other] = await db
    .select({ id: staff.id })
    .from(staff)
    .where(and(eq(staff.role, "admin"), eq(staff.disabled, false), ne(staff.id, memberId)))
    .limit(1);
  return Boolean(other);
};

/**
 * The check above reads before the batch writes: two admins demoting or disabling each other at the same moment
 * both pass it. The database's trigger refuses the second batch whole, and the member gets the same answer.
 */
const keepingAnActiveAdmin = async (written: Promise<void>): Promise<MemberResult> => {
  try {
    await written;
    return { ok: true };
  } catch (error) {
    if (errorSays(error, LAST_ACTIVE_ADMIN)) return invalid(refusal("role", "lastAdmin"));
    throw error;
  }
};

const placementOf = (member: { role: StaffRole; agencySlug: string | null }) => ({
  role: member.role,
  agency: member.agencySlug,
});

export const changePlacement = async (
  db: AppDb,
  actor: string,
  memberId: string,
  input: { role: string; agencyId: string },
  now: Date,
): Promise<MemberResult> => {
  const member = await findMember(db, memberId);
  if (!member) return { ok: false, reason: "not_found" };
  const placement = await checkedPlacement(db, input.role, input.agencyId);
  if (!placement.ok) return placement;
  const demoted = member.role === "admin" && placement.role !== "admin" && !member.disabled;
  if (demoted && !(await anotherActiveAdmin(db, memberId))) return invalid(refusal("role", "lastAdmin"));
  const after = { role: placement.role, agency: placement.agency?.slug ?? null };
  const written = auditedBatch(
    db,
    () => [
      db
        .update(staff)
        .set({ role: placement.role, agencyId: placement.agency?.id ?? null })
        .where(eq(staff.id, memberId)),
    ],
    { actor, action: "staff.placement.change", subject: memberId, details: { before: placementOf(member), after } },
    now,
  );
  return keepingAnActiveAdmin(written);
};

/**
 * The member enrols again at their next sign-in (a lost phone): the old secret is gone, and so is
 * every session it opened.
 */
export const resetSecondFactor = async (
  db: AppDb,
  actor: string,
  memberId: string,
  now: Date,
): Promise<MemberResult> => {
  const member = await findMember(db, memberId);
  if (!member) return { ok: false, reason: "not_found" };
  await auditedBatch(
    db,
    () => [
      db
        .update(staff)
        .set({ totpSecretSealed: null, totpEnrolledAt: null, totpLastStep: null })
        .where(eq(staff.id, memberId)),
      db.delete(sessions).where(eq(sessions.staffId, memberId)),
    ],
    {
      actor,
      action: "staff.totp.reset",
      subject: memberId,
      details: { before: { secondFactor: member.secondFactor !== null }, after: { secondFactor: false } },
    },
    now,
  );
  return { ok: true };
};

/** Disabling ends every session of the member in the same batch: they are out at their next click. */
export const setDisabled = async (
  db: AppDb,
  actor: string,
  memberId: string,
  disabled: boolean,
  now: Date,
): Promise<MemberResult> => {
  const member = await findMember(db, memberId);
  if (!member) return { ok: false, reason: "not_found" };
  if (disabled && member.role === "admin" && !(await anotherActiveAdmin(db, memberId)))
    return invalid(refusal("role", "lastAdmin"));
  const written = auditedBatch(
    db,
    () => [
      db.update(staff).set({ disabled }).where(eq(staff.id, memberId)),
      ...(disabled ? [db.delete(sessions).where(eq(sessions.staffId, memberId))] : []),
    ],
    {
      actor,
      action: disabled ? "staff.disable" : "staff.enable",
      subject: memberId,
      details: { before: { disabled: member.disabled }, after: { disabled } },
    },
    now,
  );
  return keepingAnActiveAdmin(written);
};

/** Agencies an agent may be placed in: those in use. */
export const agencyChoices = (db: AppDb) =>
  db
    .select({ id: agencies.id, name: agencies.name, slug: agencies.slug })
    .from(agencies)
    .where(eq(agencies.disabled, false))
    .orderBy(asc(agencies.name));
