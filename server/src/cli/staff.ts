import { text } from "node:stream/consumers";
import { eq } from "drizzle-orm";
import { Secret } from "otpauth";
import { read } from "read";
import { z } from "zod";
import { appendAudit } from "../audit/append.js";
import { agencies, staff } from "../db/schema.js";
import { seal } from "../security/seal.js";
import { hashPassword, MIN_PASSWORD_LENGTH } from "../staff/password.js";
import { type CliContext, UsageError } from "./context.js";

export const STAFF_ROLES = ["admin", "supervisor", "agent", "auditor"] as const;

const staffFlags = z.object({
  email: z.email("--email must be an email address").max(254),
  role: z.enum(STAFF_ROLES, `--role must be one of ${STAFF_ROLES.join(", ")}`),
  agency: z.string().optional(),
});

const staffSecrets = z.object({
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `the password needs at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(1024),
  totpSecret: z.string().optional(),
});

export type StaffSecrets = z.infer<typeof staffSecrets>;

export const SECRETS_HOW_TO =
  "type the password and TOTP secret at the prompt, or pipe them on standard input (line 1 the password, line 2 the TOTP secret in base32, optional)";

const parsedOrUsage = <T>(result: z.ZodSafeParseResult<T>): T => {
  if (!result.success) throw new UsageError(result.error.issues.map((i) => i.message).join("; "));
  return result.data;
};

type Input = NodeJS.ReadableStream & { isTTY?: boolean };

/** Never from the command line, where `ps` and shell history keep them: a prompt that does not echo, or standard input. */
export const readStaffSecrets = async (
  input: Input = process.stdin,
  output = process.stderr,
): Promise<StaffSecrets> => {
  let password: string;
  let totpSecret: string;
  if (input.isTTY) {
    const ask = (prompt: string) => read({ prompt, silent: true, replace: "", input, output });
    password = await ask("Password: ");
    if ((await ask("The same password again: ")) !== password) throw new UsageError("the two passwords differ");
    totpSecret = await ask("TOTP secret (base32; Enter for none): ");
  } else {
    [password = "", totpSecret = ""] = (await text(input)).split(/\r?\n/);
  }
  if (!password) throw new UsageError(`create-staff needs a password: ${SECRETS_HOW_TO}`);
  return { password, ...(totpSecret ? { totpSecret } : {}) };
};

/** Checks the flags, the agency and the email before asking for the secrets, so a typo costs no retyping. */
export const createStaff = async (
  ctx: CliContext,
  flags: Record<string, unknown>,
  askSecrets: () => Promise<StaffSecrets>,
) => {
  const input = parsedOrUsage(staffFlags.safeParse(flags));
  if (input.role === "agent" && !input.agency)
    throw new UsageError("an agent belongs to an agency: pass --agency SLUG");
  let agencyId: string | null = null;
  if (input.agency) {
    const [agency] = await ctx.db.select({ id: agencies.id }).from(agencies).where(eq(agencies.slug, input.agency));
    if (!agency) throw new UsageError(`no agency with slug '${input.agency}' (see the deployment's agencies)`);
    agencyId = agency.id;
  }
  const email = input.email.toLowerCase();
  const [existing] = await ctx.db.select({ id: staff.id }).from(staff).where(eq(staff.email, email));
  if (existing) throw new UsageError(`a staff account for ${email} already exists`);
  const secrets = parsedOrUsage(staffSecrets.safeParse(await askSecrets()));
  if (secrets.totpSecret !== undefined) {
    try {
      if (Secret.fromBase32(secrets.totpSecret).bytes.length < 10) throw new Error("short");
    } catch {
      throw new UsageError("the TOTP secret must be base32, at least 16 characters");
    }
  }
  const id = crypto.randomUUID();
  await ctx.db.insert(staff).values({
    id,
    email,
    passwordHash: await hashPassword(secrets.password),
    role: input.role,
    agencyId,
    totpSecretSealed: secrets.totpSecret ? await seal(await ctx.keys(), `staff:${id}:totp`, secrets.totpSecret) : null,
  });
  await appendAudit(ctx.db, {
    actor: "operator",
    action: "staff.create",
    subject: id,
    details: { role: input.role, agency: input.agency ?? null },
  });
  return { id, email, role: input.role, agency: input.agency ?? null };
};
