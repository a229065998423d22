import { asc, eq } from "drizzle-orm";
import { clearWebhook, setWebhook } from "../agencies/webhook.js";
import { agencies } from "../db/schema.js";
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
  const policy = { production: ctx.production ?? true };
  const set = await setWebhook(ctx.db, await ctx.keys(), agency, flags.url, policy, {
    actor: "operator",
    now: new Date(),
  });
  if (!set.ok) throw new UsageError(set.error);
  return {
    agency: agency.slug,
    url: set.url,
    secret: set.secret,
    note: "Give this secret to the agency over a safe channel now: it is stored sealed and cannot be shown again.",
  };
};

export const clearAgencyWebhook = async (ctx: CliContext, flags: { agency?: unknown }) => {
  const agency = await agencyBySlug(ctx, flags.agency);
  await clearWebhook(ctx.db, agency, { actor: "operator", now: new Date() });
  return { agency: agency.slug, webhookUrl: null };
};
