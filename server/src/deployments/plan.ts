import type { AppDb } from "../db/types.js";
import { currentConfiguration } from "./export.js";
import type { Deployment } from "./schema.js";

export type FieldChange = { field: string; from: unknown; to: unknown };
export type EntryPlan = { added: string[]; changed: { id: string; changes: FieldChange[] }[]; kept: string[] };
export type SeedPlan = {
  agencies: EntryPlan;
  partners: EntryPlan;
  rules: { before: string[]; after: string[]; changed: boolean };
  hotlineChanged: boolean;
};

type Entry = Record<string, unknown>;

// Seeding writes an absent flag as false and an absent phone as null: those are no change.
const meaningful = (entry: Entry) =>
  Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined && v !== false && v !== null));

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const planEntries = (current: Entry[], next: Entry[], idOf: (e: Entry) => string): EntryPlan => {
  const byId = new Map(current.map((e) => [idOf(e), meaningful(e)]));
  const plan: EntryPlan = { added: [], changed: [], kept: [] };
  for (const raw of next) {
    const entry = meaningful(raw);
    const before = byId.get(idOf(entry));
    if (!before) {
      plan.added.push(idOf(entry));
      continue;
    }
    const fields = [...new Set([...Object.keys(before), ...Object.keys(entry)])];
    const changes = fields
      .filter((field) => !same(before[field], entry[field]))
      .map((field) => ({ field, from: before[field] ?? null, to: entry[field] ?? null }));
    if (changes.length > 0) plan.changed.push({ id: idOf(entry), changes });
  }
  const nextIds = new Set(next.map(idOf));
  plan.kept = current.map(idOf).filter((id) => !nextIds.has(id));
  return plan;
};

type RuleLike = { name: string; when: unknown; agency: string; role: string; enabled?: boolean | undefined };

export const ruleLine = (r: RuleLike) =>
  `${r.name} → ${r.agency} (${r.role}${r.enabled === false ? ", disabled" : ""}) when ${JSON.stringify(r.when)}`;

/** What `seed` would change in this database, read without writing anything. */
export const planSeed = async (db: AppDb, deployment: Deployment): Promise<SeedPlan> => {
  const current = await currentConfiguration(db, deployment.name);
  const before = current.rules.map(ruleLine);
  const after = deployment.rules.map(ruleLine);
  return {
    agencies: planEntries(current.agencies, deployment.agencies, (a) => String(a.slug)),
    partners: planEntries(current.partners, deployment.partners, (p) => String(p.key)),
    rules: { before, after, changed: !same(before, after) },
    hotlineChanged: !same(current.hotline ?? {}, deployment.hotline ?? {}),
  };
};

const shown = (value: unknown) => JSON.stringify(value);

const entryLines = (what: string, plan: EntryPlan, keptNote: string) => [
  `${what}: ${plan.added.length} added, ${plan.changed.length} changed`,
  ...plan.added.map((id) => `  + ${id}`),
  ...plan.changed.flatMap(({ id, changes }) => [
    `  ~ ${id}`,
    ...changes.map((c) => `      ${c.field}: ${shown(c.from)} → ${shown(c.to)}`),
  ]),
  ...plan.kept.map((id) => `  = ${id} (not in the file: kept${keptNote})`),
];

/** The plan as a reviewer reads it: + added, ~ changed (field by field), - removed. */
export const formatSeedPlan = (name: string, plan: SeedPlan) => {
  const { rules } = plan;
  const removed = rules.before.filter((line) => !rules.after.includes(line));
  const added = rules.after.filter((line) => !rules.before.includes(line));
  return [
    `Seeding '${name}' would make these changes (nothing was written: --dry-run):`,
    "",
    ...entryLines("Agencies", plan.agencies, ", no longer the coordinating agency"),
    "",
    ...entryLines("Partners", plan.partners, ""),
    "",
    rules.changed
      ? `Routing rules: the ${rules.before.length} current rules are replaced by the file's ${rules.after.length}`
      : `Routing rules: unchanged (${rules.after.length})`,
    ...removed.map((line) => `  - ${line}`),
    ...added.map((line) => `  + ${line}`),
    ...(rules.changed && removed.length === 0 && added.length === 0 ? ["  (the same rules in another order)"] : []),
    "",
    `Hotline settings: ${plan.hotlineChanged ? "replaced by the file's" : "unchanged"}`,
    "",
  ].join("\n");
};
