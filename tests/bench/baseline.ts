import { randomBytes, randomUUID } from "node:crypto";
import { openDatabase } from "../../server/src/node/database.js";

export type BaselineResult = {
  seconds: number;
  rows: number;
  rowsPerSecond: number;
  rowBytes: number;
  p50Ms: number;
  p99Ms: number;
};

// Shaped like `tips`: text primary key, a unique hash, an index on (priority, created_at), ~1.5 KB a row.
const CREATE = `create table raw_tips (
  id text primary key not null,
  receipt_hash text not null unique,
  partner_id text not null,
  language text not null,
  danger_now text not null,
  country text not null,
  region text,
  situations text not null,
  indicators text not null,
  priority text,
  reasons text,
  narrative_sealed text not null,
  location_sealed text,
  created_at integer not null
)`;
const INDEX = "create index raw_tips_priority_created on raw_tips (priority, created_at)";
const INSERT = `insert into raw_tips (id, receipt_hash, partner_id, language, danger_now, country, region, situations,
  indicators, priority, reasons, narrative_sealed, location_sealed, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

const row = () => [
  randomUUID(),
  randomBytes(32).toString("hex"),
  "00000000-0000-4000-8000-000000000001",
  "fr",
  "no",
  "MR",
  "Nouakchott-Ouest",
  JSON.stringify(["child_forced_begging"]),
  JSON.stringify(["child_begging_quota", "child_no_school"]),
  "high",
  JSON.stringify([{ rule: "child_involved", detail: "a child is involved in the reported situation" }]),
  randomBytes(900).toString("base64"),
  randomBytes(150).toString("base64"),
  Date.now(),
];

const rowBytes = () => row().reduce<number>((sum, v) => sum + (typeof v === "string" ? Buffer.byteLength(v) : 8), 0);

/** Single-row inserts, one after the other, each awaited: what the database file does with no server in front of it. */
export const rawInsertBaseline = async (url: string, seconds: number): Promise<BaselineResult> => {
  const { client } = await openDatabase(url);
  try {
    await client.execute(CREATE);
    await client.execute(INDEX);
    for (let i = 0; i < 50; i++) await client.execute({ sql: INSERT, args: row() }); // warm-up
    const times: number[] = [];
    const started = performance.now();
    const until = started + seconds * 1000;
    let now = started;
    while (now < until) {
      const args = row();
      const before = performance.now();
      await client.execute({ sql: INSERT, args });
      now = performance.now();
      times.push(now - before);
    }
    const elapsed = (now - started) / 1000;
    times.sort((a, b) => a - b);
    const at = (p: number) => Math.round((times[Math.ceil((p / 100) * times.length) - 1] ?? Number.NaN) * 1000) / 1000;
    return {
      seconds: Math.round(elapsed * 100) / 100,
      rows: times.length,
      rowsPerSecond: Math.round(times.length / elapsed),
      rowBytes: rowBytes(),
      p50Ms: at(50),
      p99Ms: at(99),
    };
  } finally {
    client.close();
  }
};
