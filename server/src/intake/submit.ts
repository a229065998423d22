import type { TipReceipt, TipSubmission } from "@balagh/shared";
import type { Services } from "../deps.js";
import { isSpent } from "../security/captcha/spend.js";
import { captchaAlreadyUsed, checkAttemptAllowance, checkCaptcha, checkOrigin, checkRateLimit } from "./checks.js";
import { findReplay, idempotencyFor } from "./idempotency.js";
import { triagedTipWrite } from "./pipeline.js";

export type SubmitContext = {
  origin: string | undefined;
  idempotencyKey: string | undefined;
  clientAddress: string | undefined;
};
export type SubmitResult = { receipt: TipReceipt; replayed: boolean };

/**
 * The intake pipeline. A replay of an answered request is recognised before the captcha, because
 * a retry after a lost response carries a captcha that was already spent on the first attempt.
 */
export const submitTip = async (
  services: Services,
  submission: TipSubmission,
  ctx: SubmitContext,
): Promise<SubmitResult> => {
  const partner = await services.partner(submission.partner);
  checkOrigin(services, ctx.origin);
  // The cheapest refusal first: a client over its allowance costs no hashing, no read and no siteverify call.
  await checkAttemptAllowance(services, ctx.clientAddress);
  const idempotency = ctx.idempotencyKey ? await idempotencyFor(services, ctx.idempotencyKey, submission) : null;
  if (idempotency) {
    const replay = await findReplay(services, idempotency);
    if (replay) return { receipt: replay, replayed: true };
  }
  const spend = await checkCaptcha(services, partner, submission.captcha);
  await checkRateLimit(services, ctx.clientAddress);

  const { receipt, statements } = await triagedTipWrite(services, {
    id: crypto.randomUUID(),
    partnerId: partner.id,
    tip: submission.tip,
    idempotency,
  });
  try {
    await services.commit([spend.statement, ...statements]);
  } catch (error) {
    // Two requests with one Idempotency-Key raced: the key's primary key let one through; answer the other with its result.
    const replay = idempotency ? await findReplay(services, idempotency).catch(() => null) : null;
    if (replay) return { receipt: replay, replayed: true };
    if (await isSpent(services.db, spend).catch(() => false)) throw captchaAlreadyUsed();
    throw error;
  }
  return { receipt: { receipt }, replayed: false };
};
