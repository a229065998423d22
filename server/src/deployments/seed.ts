import { notInArray } from "drizzle-orm";
import { appendAudit } from "../audit/append.js";
import { agencies, partners, routingRules } from "../db/schema.js";
import type { AppDb } from "../db/types.js";
import { writeHotlineSettings } from "../settings/hotline.js";
import type { Deployment } from "./schema.js";

export type SeedOptions = {
  /** Where the demo partner site runs, when it is not on its default port. */
  demoPartnerOrigin?: string;
  onProgress?: (done: number, total: number, what: string) => void;
};

/** Idempotent: agencies by slug and partners by key are inserted or updated, never duplicated. */
export const seedDeployment = async (db: AppDb, deployment: Deployment, options: SeedOptions = {}) => {
  const total = deployment.agencies.length + deployment.partners.length + 1;
  let done = 0;
  for (const a of deployment.agencies) {
    const values = {
      slug: a.slug,
      name: a.name,
      kind: a.kind,
      country: a.country,
      phone: a.phone ?? null,
      unverified: a.unverified ?? false,
      isFallback: a.fallback ?? false,
      isCoordinating: a.coordinating ?? false,
      disabled: a.disabled ?? false,
    };
    await db.insert(agencies).values(values).onConflictDoUpdate({ target: agencies.slug, set: values });
    options.onProgress?.(++done, total, `agency ${a.slug}`);
  }
  // An agency left out of the file keeps its tips, but no longer receives every tip.
  const slugs = deployment.agencies.map((a) => a.slug);
  await db.update(agencies).set({ isCoordinating: false }).where(notInArray(agencies.slug, slugs));
  for (const p of deployment.partners) {
    const allowedOrigins =
      p.key === "demo" && options.demoPartnerOrigin ? [options.demoPartnerOrigin] : p.allowedOrigins;
    const values = { ...p, allowedOrigins, disabled: p.disabled ?? false };
    await db.insert(partners).values(values).onConflictDoUpdate({ target: partners.key, set: values });
    options.onProgress?.(++done, total, `partner ${p.key}`);
  }
  await seedRules(db, deployment);
  await writeHotlineSettings(db, deployment.hotline ?? {});
  options.onProgress?.(++done, total, `${deployment.rules.length} routing rules`);
  await appendAudit(db, {
    actor: "operator",
    action: "deployment.seed",
    subject: deployment.name,
    details: {
      agencies: deployment.agencies.length,
      partners: deployment.partners.length,
      rules: deployment.rules.length,
    },
  });
  return { agencies: deployment.agencies.length, partners: deployment.partners.length, rules: deployment.rules.length };
};

/** The deployment's rules replace the current set in one batch, so routing never sees half of them. */
const seedRules = async (db: AppDb, deployment: Deployment) => {
  const ids = new Map(
    (await db.select({ id: agencies.id, slug: agencies.slug }).from(agencies)).map((a) => [a.slug, a.id]),
  );
  await db.batch([
    db.delete(routingRules),
    ...deployment.rules.map((r, position) =>
      db.insert(routingRules).values({
        position,
        name: r.name,
        conditions: r.when,
        agencyId: ids.get(r.agency) ?? "",
        role: r.role,
        enabled: r.enabled ?? true,
      }),
    ),
  ]);
};
