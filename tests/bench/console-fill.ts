import { randomBytes, randomUUID } from "node:crypto";
import {
  CHILD_INVOLVED,
  DANGER_NOW,
  DISCLOSURE_LEVELS,
  LANGUAGES,
  REGIONS,
  REPORTER_ROLES,
  SITUATIONS,
  WHEN,
} from "@balagh/shared";
import type { Client, InStatement, InValue } from "@libsql/client";

// The queue never opens a sealed column, so the filler tips carry a placeholder of a sealed narrative's size.
const SEALED_PLACEHOLDER = `bench-placeholder:${"x".repeat(900)}`;
const YEAR_MS = 365 * 86_400_000;
const TIPS_PER_STATEMENT = 400;
const STATEMENTS_PER_TRANSACTION = 25;

const COLUMNS = [
  "id",
  "receipt_hash",
  "partner_id",
  "status",
  "language",
  "danger_now",
  "reporter_role",
  "country",
  "region_code",
  "when",
  "situations",
  "child_involved",
  "indicators",
  "other_countries",
  "disclosure",
  "priority",
  "classification",
  "flags",
  "reasons",
  "narrative_sealed",
  "created_at",
] as const;

let serial = 0;
/**
 * A UUID whose first eight digits count up: random keys scatter every insert over the whole primary
 * key's B-tree, and the fill slows as the file grows. Tips filed through the API keep random ones.
 */
const ascendingId = () => `${(serial++).toString(16).padStart(8, "0")}${randomUUID().slice(8)}`;

const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)] as T;

/** Mostly P2/P3, some P0/P1, as a hotline's year looks. */
const priority = () => {
  const r = Math.random();
  return r < 0.02 ? "P0" : r < 0.1 ? "P1" : r < 0.5 ? "P2" : "P3";
};

const MR_REGIONS = (REGIONS.MR ?? []).map((r) => r.code);
const COUNTRIES = ["MR", "MR", "MR", "MR", "SN", "ML", "MA", "DZ", "ES"];

export type FillShape = { tips: number; openTips: number; partnerId: string; agencyIds: string[]; now: number };

const tipRow = (shape: FillShape, open: boolean) => {
  const country = pick(COUNTRIES);
  const situation = pick(SITUATIONS);
  return [
    ascendingId(),
    `${serial.toString(16).padStart(8, "0")}${randomBytes(28).toString("hex")}`,
    shape.partnerId,
    open ? pick(["received", "received", "in_review", "referred"]) : pick(["closed", "closed", "closed", "spam"]),
    pick(LANGUAGES),
    pick(DANGER_NOW),
    pick(REPORTER_ROLES),
    country,
    country === "MR" ? pick(MR_REGIONS) : null,
    pick(WHEN),
    JSON.stringify([situation]),
    pick(CHILD_INVOLVED),
    JSON.stringify(["wages_withheld"]),
    "[]",
    pick(DISCLOSURE_LEVELS),
    priority(),
    pick(["trafficking", "smuggling", "both", "unclear"]),
    "[]",
    JSON.stringify([{ rule: "score", signal: situation }]),
    SEALED_PLACEHOLDER,
    shape.now - Math.floor(Math.random() * YEAR_MS),
  ];
};

const routeRows = (tipId: string, agencyIds: string[], createdAt: number) => {
  const count = 1 + Math.floor(Math.random() * 5);
  const first = Math.floor(Math.random() * agencyIds.length);
  return Array.from({ length: count }, (_, i) => [
    ascendingId(),
    tipId,
    agencyIds[(first + i) % agencyIds.length],
    i === 0 ? "primary" : "notify",
    "bench filler",
    createdAt,
  ]);
};

const multiInsert = (table: string, columns: readonly string[], rows: unknown[][]): InStatement => ({
  sql: `insert into ${table} (${columns.map((c) => `"${c}"`).join(", ")}) values ${rows
    .map(() => `(${columns.map(() => "?").join(", ")})`)
    .join(", ")}`,
  args: rows.flat() as InValue[],
});

/**
 * Synthetic tips straight into the tables (no triage, no sealing): what the queue reads, at volume.
 * The open ones are spread through the whole range, so the queue's index has to find them.
 */
export const fillTips = async (client: Client, shape: FillShape, onProgress: (done: number) => void = () => {}) => {
  const openEvery = Math.max(1, Math.floor(shape.tips / Math.max(1, shape.openTips)));
  // Random keys scatter the inserts over every index page and the fill slows as the file grows: the
  // migrations' secondary indexes are dropped for the fill and built again, from their own SQL, after it.
  const { rows } = await client.execute(
    "select name, sql from sqlite_master where type = 'index' and tbl_name in ('tips', 'tip_routes') and sql is not null",
  );
  for (const index of rows) await client.execute(`drop index "${String(index.name)}"`);
  await fill(client, shape, openEvery, onProgress);
  for (const index of rows) await client.execute(String(index.sql));
};

const fill = async (client: Client, shape: FillShape, openEvery: number, onProgress: (done: number) => void) => {
  let done = 0;
  while (done < shape.tips) {
    const batch: InStatement[] = [];
    for (let s = 0; s < STATEMENTS_PER_TRANSACTION && done < shape.tips; s++) {
      const tips: unknown[][] = [];
      const routes: unknown[][] = [];
      for (let i = 0; i < TIPS_PER_STATEMENT && done < shape.tips; i++, done++) {
        const row = tipRow(shape, done % openEvery === 0);
        tips.push(row);
        routes.push(...routeRows(String(row[0]), shape.agencyIds, Number(row.at(-1))));
      }
      batch.push(multiInsert("tips", COLUMNS, tips));
      for (let r = 0; r < routes.length; r += TIPS_PER_STATEMENT) {
        batch.push(
          multiInsert(
            "tip_routes",
            ["id", "tip_id", "agency_id", "role", "reason", "created_at"],
            routes.slice(r, r + TIPS_PER_STATEMENT),
          ),
        );
      }
    }
    await client.batch(batch, "write");
    // libsql frees a statement only in a finalizer, which runs on a turn of the event loop: a fill that never
    // yields keeps every statement it prepared, and the bench's memory figures would measure them.
    await new Promise((resolve) => setImmediate(resolve));
    onProgress(done);
  }
};
