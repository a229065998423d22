import { eq } from "drizzle-orm";
import { auditedBatch } from "../audit/append.js";
import { partners } from "../db/schema.js";
import type { AppDb } from "../db/types.js";
import { checkPartner, type PartnerInput, type PartnerProblem, type PartnerValues } from "./fields.js";
import { type Partner, partnerByKey } from "./repository.js";

export type ChangeContext = { db: AppDb; actor: string; now: Date };

export type ChangeResult =
  | { ok: true; key: string }
  | { ok: false; problems: PartnerProblem[] }
  | { ok: false; notFound: true };

export const partnerValues = (p: Partner): PartnerValues => ({
  key: p.key,
  name: p.name,
  allowedOrigins: p.allowedOrigins,
  languages: p.languages as PartnerValues["languages"],
  defaultLanguage: p.defaultLanguage as PartnerValues["defaultLanguage"],
  countries: p.countries,
  defaultCountry: p.defaultCountry,
  captchaProviders: p.captchaProviders,
  exitUrl: p.exitUrl,
  theme: p.theme,
});

/** Only what changed, before and after, for the audit entry. */
const difference = (before: PartnerValues, after: PartnerValues) => {
  const changed = (Object.keys(after) as (keyof PartnerValues)[]).filter(
    (field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]),
  );
  return {
    before: Object.fromEntries(changed.map((f) => [f, before[f]])),
    after: Object.fromEntries(changed.map((f) => [f, after[f]])),
  };
};

const isKeyConflict = (error: unknown) => {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (/partners\.key/.test(e.message)) return true;
  }
  return false;
};

export const createPartner = async (ctx: ChangeContext, input: PartnerInput): Promise<ChangeResult> => {
  const keyTaken = (await partnerByKey(ctx.db, input.key.trim())) !== null;
  const checked = checkPartner(input, { keyTaken });
  if (!checked.ok) return checked;
  const id = crypto.randomUUID();
  try {
    await auditedBatch(
      ctx.db,
      (now) => [ctx.db.insert(partners).values({ id, ...checked.value, createdAt: now })],
      {
        actor: ctx.actor,
        action: "partner.create",
        subject: id,
        details: { key: checked.value.key, after: checked.value },
      },
      ctx.now,
    );
  } catch (error) {
    // Two admins creating the same key at once: the second is told as if it had been there before.
    if (isKeyConflict(error)) return { ok: false, problems: [{ field: "key", code: "taken" }] };
    throw error;
  }
  return { ok: true, key: checked.value.key };
};

/** The key is the partner's address in every snippet already pasted: it never changes. */
export const updatePartner = async (ctx: ChangeContext, key: string, input: PartnerInput): Promise<ChangeResult> => {
  const partner = await partnerByKey(ctx.db, key);
  if (!partner) return { ok: false, notFound: true };
  const checked = checkPartner({ ...input, key }, { keyTaken: false });
  if (!checked.ok) return checked;
  const { before, after } = difference(partnerValues(partner), checked.value);
  if (Object.keys(after).length === 0) return { ok: true, key };
  await auditedBatch(
    ctx.db,
    () => [ctx.db.update(partners).set(checked.value).where(eq(partners.id, partner.id))],
    { actor: ctx.actor, action: "partner.update", subject: partner.id, details: { key, before, after } },
    ctx.now,
  );
  return { ok: true, key };
};

/** Never a delete: the partner's tips keep pointing at it. */
export const setPartnerDisabled = async (
  ctx: ChangeContext,
  key: string,
  disabled: boolean,
): Promise<{ ok: boolean }> => {
  const partner = await partnerByKey(ctx.db, key);
  if (!partner) return { ok: false };
  if (partner.disabled === disabled) return { ok: true };
  await auditedBatch(
    ctx.db,
    () => [ctx.db.update(partners).set({ disabled }).where(eq(partners.id, partner.id))],
    {
      actor: ctx.actor,
      action: disabled ? "partner.disable" : "partner.enable",
      subject: partner.id,
      details: { key, before: { disabled: partner.disabled }, after: { disabled } },
    },
    ctx.now,
  );
  return { ok: true };
};
