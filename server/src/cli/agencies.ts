import { asc, eq } from "drizzle-orm";
import { appendAudit } from "../audit/append.js";
import { agencies } from "../db/schema.js";
import { generateWebhookSecret, sealWebhookSecret } from "../delivery/secrets.js";
import { parseWebhookUrl, WebhookUrlError } from "../delivery/webhook-url.js";
import { type CliContext, UsageError } from "./context.js";

export const listAgencies = ({ db }: CliContext) =>
  db
    .select({
      slug: agencies.slug,
      name: agencies.name,
      kind: agencies.kind,
      country: agencies.country,
      webhookUrl: agencies.webhookUrl,
      fallback: agencies.isFallback,
    })
    .from(agencies)
    .orderBy(asc(agencies.slug));

const agencyBySlug = async (ctx: CliContext, slug: unknown) => {
  if (typeof slug !== "string" || !slug) throw new UsageError("pass the agency as --agency SLUG (see `agencies list`)");
  const [agency] = await ctx.db.select({ id: agencies.id }).from(agencies).where(eq(agencies.slug, slug));
  if (!agency) throw new UsageError(`no agency with slug '${slug}' (see \`pnpm balagh agencies list\`)`);
  return { id: agency.id, slug };
};

/** A new signing secret on every call (this is also how a secret is rotated); the secret is shown here and never again. */
export const setAgencyWebhook = async (ctx: CliContext, flags: { agency?: unknown; url?: unknown }) => {
  const agency = await agencyBySlug(ctx, flags.agency);
  if (typeof flags.url !== "string") throw new UsageError("pass the webhook address as --url https://...");
  let url: URL;
  try {
    url = parseWebhookUrl(flags.url, { production: ctx.production ?? true });
  } catch (error) {
    throw error instanceof WebhookUrlError ? new UsageError(error.message) : error;
  }
  const secret = generateWebhookSecret();
  await ctx.db
    .update(agencies)
    .set({ webhookUrl: url.href, webhookSecretSealed: await sealWebhookSecret(await ctx.keys(), agency.id, secret) })
    .where(eq(agencies.id, agency.id));
  await appendAudit(ctx.db, {
    actor: "operator",
    action: "agency.webhook.set",
    subject: agency.id,
    details: { agency: agency.slug, url: url.href },
  });
  return {
    agency: agency.slug,
    url: url.href,
    secret,
    note: "Give this secret to the agency over a safe channel now: it is stored sealed and cannot be shown again.",
  };
};

export const clearAgencyWebhook = async (ctx: CliContext, flags: { agency?: unknown }) => {
  const agency = await agencyBySlug(ctx, flags.agency);
  await ctx.db.update(agencies).set({ webhookUrl: null, webhookSecretSealed: null }).where(eq(agencies.id, agency.id));
  await appendAudit(ctx.db, {
    actor: "operator",
    action: "agency.webhook.clear",
    subject: agency.id,
    details: { agency: agency.slug },
  });
  return { agency: agency.slug, webhookUrl: null };
};
