import { eq } from "drizzle-orm";
import { Secret } from "otpauth";
import { z } from "zod";
import { appendAudit } from "../audit/append.js";
import { agencies, staff } from "../db/schema.js";
import { seal } from "../security/seal.js";
import { hashPassword, MIN_PASSWORD_LENGTH } from "../staff/password.js";
import { type CliContext, UsageError } from "./context.js";

export const STAFF_ROLES = ["admin", "supervisor", "agent", "auditor"] as const;

const staffInput = z.object({
  email: z.email("--email must be an email address").max(254),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `--password needs at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(1024),
  role: z.enum(STAFF_ROLES, `--role must be one of ${STAFF_ROLES.join(", ")}`),
  agency: z.string().optional(),
  totpSecret: z.string().optional(),
});

export const createStaff = async (ctx: CliContext, raw: Record<string, unknown>) => {
  const parsed = staffInput.safeParse(raw);
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join("; "));
  const input = parsed.data;
  if (input.role === "agent" && !input.agency)
    throw new UsageError("an agent belongs to an agency: pass --agency SLUG");
  let agencyId: string | null = null;
  if (input.agency) {
    const [agency] = await ctx.db.select({ id: agencies.id }).from(agencies).where(eq(agencies.slug, input.agency));
    if (!agency) throw new UsageError(`no agency with slug '${input.agency}' (see the deployment's agencies)`);
    agencyId = agency.id;
  }
  if (input.totpSecret !== undefined) {
    try {
      if (Secret.fromBase32(input.totpSecret).bytes.length < 10) throw new Error("short");
    } catch {
      throw new UsageError("--totp-secret must be a base32 secret of at least 16 characters");
    }
  }
  const email = input.email.toLowerCase();
  const [existing] = await ctx.db.select({ id: staff.id }).from(staff).where(eq(staff.email, email));
  if (existing) throw new UsageError(`a staff account for ${email} already exists`);
  const id = crypto.randomUUID();
  await ctx.db.insert(staff).values({
    id,
    email,
    passwordHash: await hashPassword(input.password),
    role: input.role,
    agencyId,
    totpSecretSealed: input.totpSecret ? await seal(await ctx.keys(), `staff:${id}:totp`, input.totpSecret) : null,
  });
  await appendAudit(ctx.db, {
    actor: "operator",
    action: "staff.create",
    subject: id,
    details: { role: input.role, agency: input.agency ?? null },
  });
  return { id, email, role: input.role, agency: input.agency ?? null };
};
