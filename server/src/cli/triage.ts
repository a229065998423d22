import { asc, desc, inArray } from "drizzle-orm";
import { z } from "zod";
import { auditLog, tips } from "../db/schema.js";
import { openTipFields } from "../tips/sealing.js";
import {
  CLASSIFICATION_OVERRIDE,
  type Override,
  PRIORITY_OVERRIDE,
  priorityChange,
  readOverride,
} from "../triage/overrides.js";
import type { CliContext } from "./context.js";

type StaffOverride = { field: Override["field"]; from: string; to: string; by: string; at: string };
type Phrase = { signal: string; phrase: string; language: string };

// Only narrative reasons carry a lexicon phrase. Parsing keeps nothing else: the reporter's own words
// (`evidence`) stay inside this function.
const sealedReasons = z.array(
  z.object({ signal: z.string(), phrase: z.string().optional(), language: z.string().optional() }),
);

const phrasesOf = (reasons: unknown): Phrase[] => {
  const parsed = sealedReasons.safeParse(reasons);
  const seen = new Map<string, Phrase>();
  for (const r of parsed.success ? parsed.data : []) {
    if (r.phrase === undefined) continue;
    const phrase = { signal: r.signal, phrase: r.phrase, language: r.language ?? "" };
    seen.set(JSON.stringify(phrase), phrase);
  }
  return [...seen.values()];
};

const overridesByTip = async (ctx: CliContext) => {
  const entries = await ctx.db
    .select()
    .from(auditLog)
    .where(inArray(auditLog.action, [PRIORITY_OVERRIDE, CLASSIFICATION_OVERRIDE]))
    .orderBy(asc(auditLog.seq));
  const byTip = new Map<string, StaffOverride[]>();
  let unreadable = 0;
  for (const entry of entries) {
    const override = readOverride(entry);
    if (!override || !entry.subject) {
      unreadable++;
      continue;
    }
    const { from, to } = override.details;
    const made = { field: override.field, from, to, by: entry.actor, at: entry.at.toISOString() };
    byTip.set(entry.subject, [...(byTip.get(entry.subject) ?? []), made]);
  }
  return { byTip, unreadable };
};

/** Triage's value is what the first override of a field changed; the staff's is what the last one set. */
const valuesOf = (overrides: StaffOverride[], field: Override["field"], stored: string | null) => {
  const ofField = overrides.filter((o) => o.field === field);
  const triage = ofField[0]?.from ?? stored;
  return { triage, staff: ofField.at(-1)?.to ?? triage };
};

export type TriageReport = Awaited<ReturnType<typeof triageReport>>;

/**
 * The tips whose priority or classification staff overrode, with the lexicon phrases triage read in them (never
 * the reporter's words, nor the staff's reasons, which may quote them), and how often each phrase sat in a tip
 * whose priority staff lowered or raised: what to correct in the lexicons.
 */
export const triageReport = async (ctx: CliContext) => {
  const { byTip, unreadable } = await overridesByTip(ctx);
  const rows = byTip.size
    ? await ctx.db
        .select()
        .from(tips)
        .where(inArray(tips.id, [...byTip.keys()]))
        .orderBy(desc(tips.createdAt))
    : [];
  const keys = await ctx.keys();
  const overridden = [];
  for (const row of rows) {
    const overrides = byTip.get(row.id) ?? [];
    const priority = valuesOf(overrides, "priority", row.priority);
    const classification = valuesOf(overrides, "classification", row.classification);
    overridden.push({
      id: row.id,
      createdAt: row.createdAt.toISOString(),
      language: row.language,
      triage: { priority: priority.triage, classification: classification.triage },
      staff: { priority: priority.staff, classification: classification.staff },
      overrides,
      phrases: phrasesOf((await openTipFields(keys, row.id, row)).reasons),
    });
  }
  return { tips: overridden, summary: summarise(overridden), unreadableEntries: unreadable };
};

type Values = Record<Override["field"], string | null>;

const summarise = (overridden: { triage: Values; staff: Values; phrases: Phrase[] }[]) => {
  const counts = new Map<string, Phrase & { lowered: number; raised: number; reclassified: number }>();
  for (const { triage, staff, phrases } of overridden) {
    const change = priorityChange(triage.priority, staff.priority);
    for (const phrase of phrases) {
      const key = JSON.stringify(phrase);
      const count = counts.get(key) ?? { ...phrase, lowered: 0, raised: 0, reclassified: 0 };
      if (change !== "unchanged") count[change]++;
      if (triage.classification !== staff.classification) count.reclassified++;
      counts.set(key, count);
    }
  }
  const total = (c: { lowered: number; raised: number; reclassified: number }) => c.lowered + c.raised + c.reclassified;
  return [...counts.values()].sort(
    (a, b) => total(b) - total(a) || a.signal.localeCompare(b.signal) || a.phrase.localeCompare(b.phrase),
  );
};

export const formatTriageReport = (report: TriageReport) => {
  const lines = [`Tips whose triage staff overrode: ${report.tips.length}`];
  for (const tip of report.tips) {
    lines.push(
      "",
      `${tip.id}  ${tip.createdAt.slice(0, 10)}  ${tip.language}  triage ${tip.triage.priority} ${tip.triage.classification}` +
        `  →  staff ${tip.staff.priority} ${tip.staff.classification}`,
      ...tip.overrides.map((o) => `  ${o.field} ${o.from} → ${o.to}  by ${o.by}  at ${o.at}`),
      ...tip.phrases.map((p) => `  phrase  ${p.signal}  "${p.phrase}"  ${p.language}`),
    );
  }
  lines.push("", "Phrases in overridden tips: lowered / raised / reclassified");
  for (const s of report.summary)
    lines.push(`  ${s.lowered}  ${s.raised}  ${s.reclassified}  ${s.signal}  "${s.phrase}"  ${s.language}`);
  if (report.unreadableEntries > 0) lines.push("", `Override entries not understood: ${report.unreadableEntries}`);
  return `${lines.join("\n")}\n`;
};
