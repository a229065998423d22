import { and, eq, isNull, lt, or } from "drizzle-orm";
import { appendAudit, auditedBatch } from "../audit/append.js";
import { staff } from "../db/schema.js";
import type { AppDb } from "../db/types.js";
import type { Keys } from "../security/keys.js";
import { seal, unseal } from "../security/seal.js";
import { UNKNOWN_ACCOUNT_HASH, verifyPassword } from "./password.js";
import { needsSecondFactor, totpContext } from "./second-factor.js";
import { ACCOUNT_POLICY, CLIENT_POLICY, type Claim, claimAttempt } from "./throttle.js";
import { accountCounter, clientCounter } from "./throttle-stores.js";
import { newTotpSecret, totpStep } from "./totp.js";

export type SignInDeps = { db: AppDb; keys: Keys; now: () => Date; totpRequiredForEveryone: boolean };

export type Member = {
  id: string;
  email: string;
  role: (typeof staff.$inferSelect)["role"];
  agencyId: string | null;
  language: (typeof staff.$inferSelect)["language"];
  totpEnrolledAt: Date | null;
};

/** After a right password: signed in, a code to give, an authenticator to enrol, or a temporary password to replace first. */
export type NextStep = "done" | "code" | "enrol" | "password";
export type PasswordOutcome = { ok: false } | { ok: true; member: Member; next: NextStep };
export type CodeOutcome = { ok: false } | { ok: true; enrolled: boolean };

const FAILED = { ok: false } as const;

const memberColumns = {
  id: staff.id,
  email: staff.email,
  role: staff.role,
  agencyId: staff.agencyId,
  language: staff.language,
  totpEnrolledAt: staff.totpEnrolledAt,
};

/**
 * Never the typed email, password or code: only which step failed and for which account, if it
 * exists. The failure counts and its entry are one batch.
 */
const recordFailure = async (
  deps: SignInDeps,
  now: Date,
  failure: { subject: string | null; step: "password" | "code"; account: Claim | null; client: Claim },
) => {
  const { subject, step } = failure;
  await auditedBatch(
    deps.db,
    () => [failure.client.failure, ...(failure.account ? [failure.account.failure] : [])],
    { actor: "anonymous", action: "staff.sign_in.failed", subject, details: { step, throttled: !failure.account } },
    now,
  );
  const locked = [failure.account?.locks && "account", failure.client.locks && "client"].filter(Boolean);
  for (const scope of locked) {
    await appendAudit(
      deps.db,
      {
        actor: "anonymous",
        action: "staff.sign_in.locked",
        subject: scope === "account" ? subject : null,
        details: { scope, minutes: ACCOUNT_POLICY.lockMs / 60_000 },
      },
      now,
    );
  }
};

/**
 * The first step. Whatever fails (unknown email, wrong password, disabled account, a delay or a
 * lock), the caller learns only `ok: false`, and the slow hash runs in every case but a locked
 * client, whose refusal depends on no email.
 */
export const checkPassword = async (
  deps: SignInDeps,
  input: { email: string; password: string; clientKey: string },
): Promise<PasswordOutcome> => {
  const now = deps.now();
  const client = await claimAttempt(clientCounter(deps.db, input.clientKey, CLIENT_POLICY), CLIENT_POLICY, now);
  if (!client) return FAILED;
  const [found] = await deps.db
    .select({
      ...memberColumns,
      passwordHash: staff.passwordHash,
      disabled: staff.disabled,
      mustChangePassword: staff.mustChangePassword,
    })
    .from(staff)
    .where(eq(staff.email, input.email.trim().toLowerCase()));
  const account = found ? await claimAttempt(accountCounter(deps.db, found.id), ACCOUNT_POLICY, now) : null;
  const passwordOk = await verifyPassword(input.password, found?.passwordHash ?? UNKNOWN_ACCOUNT_HASH);
  if (!found || found.disabled || !account || !passwordOk) {
    await recordFailure(deps, now, { subject: found?.id ?? null, step: "password", account, client });
    return FAILED;
  }
  await client.giveBack();
  const { passwordHash: _, disabled: __, mustChangePassword, ...member } = found;
  const next = mustChangePassword ? "password" : await stepAfterPassword(deps, member);
  // completeSignIn clears the account's count in the same batch as the new session. Until then
  // the count stays as it was, so codes cannot be guessed between passwords.
  if (next !== "done") await account.giveBack();
  return { ok: true, member, next };
};

/** What a member whose password is right (and not temporary) does next; an enrolment's secret is made here. */
export const stepAfterPassword = async (deps: SignInDeps, member: Member): Promise<Exclude<NextStep, "password">> => {
  if (!needsSecondFactor(member, deps.totpRequiredForEveryone)) return "done";
  if (member.totpEnrolledAt) return "code";
  await deps.db
    .update(staff)
    .set({ totpSecretSealed: await seal(deps.keys, totpContext(member.id), newTotpSecret()) })
    .where(and(eq(staff.id, member.id), isNull(staff.totpSecretSealed)));
  return "enrol";
};

/** The secret offered for enrolment: only while the member has not proved a code from it. */
export const enrolmentSecret = async (deps: SignInDeps, staffId: string): Promise<string | null> => {
  const [row] = await deps.db
    .select({ sealed: staff.totpSecretSealed, enrolledAt: staff.totpEnrolledAt })
    .from(staff)
    .where(eq(staff.id, staffId));
  if (!row?.sealed || row.enrolledAt) return null;
  return unseal<string>(deps.keys, totpContext(staffId), row.sealed);
};

/**
 * The second step, for a member whose password was right: the code (or the first code, which
 * completes the enrolment). A code's time step is taken with a compare-and-swap, so a code is good
 * once even when sent twice at the same moment.
 */
export const checkCode = async (
  deps: SignInDeps,
  input: { staffId: string; code: string; clientKey: string },
): Promise<CodeOutcome> => {
  const now = deps.now();
  const client = await claimAttempt(clientCounter(deps.db, input.clientKey, CLIENT_POLICY), CLIENT_POLICY, now);
  if (!client) return FAILED;
  const account = await claimAttempt(accountCounter(deps.db, input.staffId), ACCOUNT_POLICY, now);
  const [row] = await deps.db
    .select({ sealed: staff.totpSecretSealed, lastStep: staff.totpLastStep, enrolledAt: staff.totpEnrolledAt })
    .from(staff)
    .where(eq(staff.id, input.staffId));
  const secret =
    account && row?.sealed ? await unseal<string>(deps.keys, totpContext(input.staffId), row.sealed) : null;
  const step = secret ? totpStep(secret, input.code, now) : null;
  const taken =
    step !== null &&
    (
      await deps.db
        .update(staff)
        .set({ totpLastStep: step })
        .where(and(eq(staff.id, input.staffId), or(isNull(staff.totpLastStep), lt(staff.totpLastStep, step))))
        .returning({ id: staff.id })
    ).length === 1;
  if (!account || !taken) {
    await recordFailure(deps, now, { subject: input.staffId, step: "code", account, client });
    return FAILED;
  }
  await client.giveBack();
  return { ok: true, enrolled: row?.enrolledAt === null };
};
