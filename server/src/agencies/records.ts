import { countryCode } from "@balagh/shared";
import { and, asc, eq, ne } from "drizzle-orm";
import { auditedBatch } from "../audit/append.js";
import { agencies, deliveryOutbox, routingRules, staff, tipRoutes } from "../db/schema.js";
import type { AppDb } from "../db/types.js";
import { AGENCY_KINDS } from "../deployments/schema.js";
import { LAW_ENFORCEMENT_KINDS } from "../routing/index.js";

export type AgencyKind = (typeof AGENCY_KINDS)[number];
export const isAgencyKind = (value: unknown): value is AgencyKind =>
  (AGENCY_KINDS as readonly unknown[]).includes(value);

export type AgencyField = "slug" | "name" | "kind" | "country" | "phone" | "fallback" | "disable" | "delete";
export type AgencyProblem =
  | "slugMissing"
  | "slugFormat"
  | "slugTaken"
  | "nameMissing"
  | "nameLong"
  | "kindMissing"
  | "kindCoordinating"
  | "countryFormat"
  | "phoneLong"
  | "fallbackNeeded"
  | "fallbackDisabled"
  | "namedByRules"
  | "hasTips"
  | "hasStaff";

/** A refusal; `rules` names the routing rules that still name the agency, for the message to list. */
export type AgencyRefusal = { field: AgencyField; problem: AgencyProblem; rules?: string[] };

export type AgencyResult<T = object> =
  | ({ ok: true } & T)
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "invalid"; refusals: AgencyRefusal[] };

const invalid = (...refusals: AgencyRefusal[]) => ({ ok: false, reason: "invalid", refusals }) as const;
const NOT_FOUND = { ok: false, reason: "not_found" } as const;

export const listAgencies = (db: AppDb) =>
  db
    .select({
      id: agencies.id,
      slug: agencies.slug,
      name: agencies.name,
      kind: agencies.kind,
      country: agencies.country,
      webhookUrl: agencies.webhookUrl,
      fallback: agencies.isFallback,
      coordinating: agencies.isCoordinating,
      unverified: agencies.unverified,
      disabled: agencies.disabled,
    })
    .from(agencies)
    .orderBy(asc(agencies.disabled), asc(agencies.name));

export type AgencyRow = Awaited<ReturnType<typeof listAgencies>>[number] & { phone: string | null };

export const findAgency = async (db: AppDb, id: string): Promise<AgencyRow | null> => {
  const [row] = await db
    .select({
      id: agencies.id,
      slug: agencies.slug,
      name: agencies.name,
      kind: agencies.kind,
      country: agencies.country,
      phone: agencies.phone,
      webhookUrl: agencies.webhookUrl,
      fallback: agencies.isFallback,
      coordinating: agencies.isCoordinating,
      unverified: agencies.unverified,
      disabled: agencies.disabled,
    })
    .from(agencies)
    .where(eq(agencies.id, id));
  return row ?? null;
};

/** The names of the routing rules (enabled or not) that send tips to this agency. */
export const rulesNaming = async (db: AppDb, agencyId: string) =>
  (
    await db
      .select({ name: routingRules.name })
      .from(routingRules)
      .where(eq(routingRules.agencyId, agencyId))
      .orderBy(asc(routingRules.position))
  ).map((r) => r.name);

export type AgencyInput = {
  name: string;
  kind: string;
  country: string;
  phone: string;
  unverified: boolean;
  fallback: boolean;
};

const MAX_NAME = 200;
const MAX_PHONE = 40;
const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

/** Each field as the deployment file's schema takes it, so that an export reads back. */
const fieldRefusals = (input: AgencyInput, coordinating: boolean): AgencyRefusal[] => {
  const refusals: AgencyRefusal[] = [];
  if (!input.name.trim()) refusals.push({ field: "name", problem: "nameMissing" });
  else if (input.name.trim().length > MAX_NAME) refusals.push({ field: "name", problem: "nameLong" });
  if (!isAgencyKind(input.kind)) refusals.push({ field: "kind", problem: "kindMissing" });
  // The coordinating agency hears of every tip: never the police, who must not hear of an adult victim's without consent.
  else if (coordinating && LAW_ENFORCEMENT_KINDS.includes(input.kind))
    refusals.push({ field: "kind", problem: "kindCoordinating" });
  if (!countryCode.safeParse(input.country.trim()).success)
    refusals.push({ field: "country", problem: "countryFormat" });
  if (input.phone.trim().length > MAX_PHONE) refusals.push({ field: "phone", problem: "phoneLong" });
  return refusals;
};

const columnsOf = (input: AgencyInput) => ({
  name: input.name.trim(),
  kind: input.kind,
  country: input.country.trim(),
  phone: input.phone.trim() || null,
  unverified: input.unverified,
});

const diffOf = (before: Record<string, unknown>, after: Record<string, unknown>) => {
  const changed = Object.keys(after).filter((key) => before[key] !== after[key]);
  return {
    before: Object.fromEntries(changed.map((key) => [key, before[key]])),
    after: Object.fromEntries(changed.map((key) => [key, after[key]])),
  };
};

/** Moving the fallback clears the old one in the same batch: there is never none, never two. */
const takeFallback = (db: AppDb, agencyId: string) => [
  db
    .update(agencies)
    .set({ isFallback: false })
    .where(and(eq(agencies.isFallback, true), ne(agencies.id, agencyId))),
  db.update(agencies).set({ isFallback: true }).where(eq(agencies.id, agencyId)),
];

export const createAgency = async (
  db: AppDb,
  actor: string,
  input: AgencyInput & { slug: string },
  now: Date,
): Promise<AgencyResult<{ id: string }>> => {
  const slug = input.slug.trim();
  const refusals: AgencyRefusal[] = [];
  if (!slug) refusals.push({ field: "slug", problem: "slugMissing" });
  else if (!SLUG.test(slug)) refusals.push({ field: "slug", problem: "slugFormat" });
  else if ((await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.slug, slug))).length > 0)
    refusals.push({ field: "slug", problem: "slugTaken" });
  refusals.push(...fieldRefusals(input, false));
  if (refusals.length > 0) return invalid(...refusals);
  const id = crypto.randomUUID();
  const columns = columnsOf(input);
  await auditedBatch(
    db,
    () => [db.insert(agencies).values({ id, slug, ...columns }), ...(input.fallback ? takeFallback(db, id) : [])],
    { actor, action: "agency.create", subject: id, details: { slug, ...columns, fallback: input.fallback } },
    now,
  );
  return { ok: true, id };
};

export const editAgency = async (
  db: AppDb,
  actor: string,
  id: string,
  input: AgencyInput,
  now: Date,
): Promise<AgencyResult> => {
  const agency = await findAgency(db, id);
  if (!agency) return NOT_FOUND;
  const refusals = fieldRefusals(input, agency.coordinating);
  // The fallback is moved by making another agency the fallback, never just removed.
  if (agency.fallback && !input.fallback) refusals.push({ field: "fallback", problem: "fallbackNeeded" });
  if (!agency.fallback && input.fallback && agency.disabled)
    refusals.push({ field: "fallback", problem: "fallbackDisabled" });
  if (refusals.length > 0) return invalid(...refusals);
  const columns = columnsOf(input);
  const before = { ...agency, fallback: agency.fallback };
  const diff = diffOf(before, { ...columns, fallback: input.fallback });
  await auditedBatch(
    db,
    () => [
      db.update(agencies).set(columns).where(eq(agencies.id, id)),
      ...(input.fallback && !agency.fallback ? takeFallback(db, id) : []),
    ],
    { actor, action: "agency.edit", subject: id, details: { slug: agency.slug, ...diff } },
    now,
  );
  return { ok: true };
};

/** Rules that still name the agency, and the fallback, keep it in use: refused, with the rules' names. */
const stillNeeded = async (db: AppDb, agency: AgencyRow, field: "disable" | "delete"): Promise<AgencyRefusal[]> => {
  const rules = await rulesNaming(db, agency.id);
  return [
    ...(agency.fallback ? [{ field, problem: "fallbackNeeded" } as const] : []),
    ...(rules.length > 0 ? [{ field, problem: "namedByRules", rules } as const] : []),
  ];
};

export const setAgencyDisabled = async (
  db: AppDb,
  actor: string,
  id: string,
  disabled: boolean,
  now: Date,
): Promise<AgencyResult> => {
  const agency = await findAgency(db, id);
  if (!agency) return NOT_FOUND;
  const refusals = disabled ? await stillNeeded(db, agency, "disable") : [];
  if (refusals.length > 0) return invalid(...refusals);
  await auditedBatch(
    db,
    () => [db.update(agencies).set({ disabled }).where(eq(agencies.id, id))],
    {
      actor,
      action: disabled ? "agency.disable" : "agency.enable",
      subject: id,
      details: { slug: agency.slug, before: { disabled: agency.disabled }, after: { disabled } },
    },
    now,
  );
  return { ok: true };
};

const exists = async (query: Promise<unknown[]>) => (await query).length > 0;

/** Only an agency nothing points to: an agency with tips (or deliveries, or officers) is disabled instead. */
export const deleteAgency = async (db: AppDb, actor: string, id: string, now: Date): Promise<AgencyResult> => {
  const agency = await findAgency(db, id);
  if (!agency) return NOT_FOUND;
  const refusals = await stillNeeded(db, agency, "delete");
  const hasTips =
    (await exists(db.select({ id: tipRoutes.id }).from(tipRoutes).where(eq(tipRoutes.agencyId, id)).limit(1))) ||
    (await exists(
      db.select({ id: deliveryOutbox.id }).from(deliveryOutbox).where(eq(deliveryOutbox.agencyId, id)).limit(1),
    ));
  if (hasTips) refusals.push({ field: "delete", problem: "hasTips" });
  if (await exists(db.select({ id: staff.id }).from(staff).where(eq(staff.agencyId, id)).limit(1)))
    refusals.push({ field: "delete", problem: "hasStaff" });
  if (refusals.length > 0) return invalid(...refusals);
  await auditedBatch(
    db,
    () => [db.delete(agencies).where(eq(agencies.id, id))],
    { actor, action: "agency.delete", subject: id, details: { slug: agency.slug, name: agency.name } },
    now,
  );
  return { ok: true };
};
