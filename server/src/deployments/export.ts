import { sql } from "drizzle-orm";
import { agencies, partners } from "../db/schema.js";
import type { AppDb } from "../db/types.js";
import { listRules } from "../routing/edit.js";
import { readHotlineSettings } from "../settings/hotline.js";
import { HOTLINE_PARTNER_KEY } from "../tips/intake-by-staff.js";
import { type Deployment, deploymentSchema } from "./schema.js";

// The file's own order, as seeding inserted it; created_at repeats within one millisecond.
const insertionOrder = sql`rowid`;

/** A flag the file leaves out when it has its default, as a hand-written file does. */
const onlyIf = <K extends string>(key: K, on: boolean) => (on ? ({ [key]: true } as Record<K, true>) : {});

/**
 * The database's configuration in the deployment file's format: seeding it into an empty database
 * gives the same agencies, partners, rules and hotline settings. Webhooks are left out: their
 * secrets never leave the server, and each is set again with `agencies set-webhook`.
 */
export const exportDeployment = async (db: AppDb, name: string): Promise<Deployment> =>
  deploymentSchema.parse(await currentConfiguration(db, name));

/** The same, unchecked: a database being set up may not yet make a valid file (no agency, no fallback). */
export const currentConfiguration = async (db: AppDb, name: string) => {
  const [agencyRows, partnerRows, rules, hotline] = await Promise.all([
    db.select().from(agencies).orderBy(insertionOrder),
    db.select().from(partners).orderBy(insertionOrder),
    listRules(db),
    readHotlineSettings(db),
  ]);
  return {
    name,
    description: "Exported from the hotline's database by `pnpm balagh export-deployment`.",
    ...(Object.keys(hotline).length > 0 && { hotline }),
    agencies: agencyRows.map((a) => ({
      slug: a.slug,
      name: a.name,
      kind: a.kind,
      country: a.country,
      ...(a.phone !== null && { phone: a.phone }),
      ...onlyIf("unverified", a.unverified),
      ...onlyIf("fallback", a.isFallback),
      ...onlyIf("coordinating", a.isCoordinating),
      ...onlyIf("disabled", a.disabled),
    })),
    // The hotline's own partner for phone tips is made on demand by the console, never by a file.
    partners: partnerRows
      .filter((p) => p.key !== HOTLINE_PARTNER_KEY)
      .map((p) => ({
        key: p.key,
        name: p.name,
        allowedOrigins: p.allowedOrigins,
        languages: p.languages,
        defaultLanguage: p.defaultLanguage,
        countries: p.countries,
        defaultCountry: p.defaultCountry,
        captchaProviders: p.captchaProviders,
        exitUrl: p.exitUrl,
        theme: p.theme,
        ...onlyIf("disabled", p.disabled),
      })),
    rules: rules.map((r) => ({
      name: r.name,
      when: r.conditions,
      agency: r.agencySlug,
      role: r.role,
      ...(!r.enabled && { enabled: false }),
    })),
  };
};
