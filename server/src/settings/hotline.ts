import { LANGUAGES } from "@balagh/shared";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { settings } from "../db/schema.js";
import type { AppDb } from "../db/types.js";

const DURATION = /^(\d+)([mhd])$/;
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** A duration as people write it in the deployment file: `15m`, `24h`, `7d`; kept as text so an export gives it back. */
export const durationText = z
  .string()
  .regex(DURATION, 'a duration like "15m", "24h" or "7d"')
  .refine((text) => Number.parseInt(text, 10) > 0, "a duration above zero");

export const durationMs = (text: string) => {
  const [, amount = "0", unit = "m"] = text.match(DURATION) ?? [];
  return Number(amount) * UNIT_MS[unit as keyof typeof UNIT_MS];
};

const inLanguages = z.partialRecord(z.enum(LANGUAGES), z.string().min(1).max(2_000));

/** A ready answer staff can start a reply to a reporter from. */
export const replyTemplateSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: inLanguages,
  body: inLanguages,
});

/** The deployment file's `hotline` section: how this hotline works, beyond agencies, partners and rules. */
export const hotlineSettingsSchema = z.strictObject({
  /** The hotline's own free number, printed on posters. */
  freePhone: z.string().max(40).optional(),
  /** How long an open tip of each priority may wait before the queue marks it overdue. */
  queueTargets: z.partialRecord(z.enum(["P0", "P1", "P2", "P3"]), durationText).optional(),
  /** How long a reporter's message may wait for an answer before the queue shows a reminder. */
  replyReminder: durationText.optional(),
  replyTemplates: z.array(replyTemplateSchema).max(50).optional(),
});

export type HotlineSettings = z.infer<typeof hotlineSettingsSchema>;

const HOTLINE_KEY = "hotline";

export const writeHotlineSettings = (db: AppDb, input: HotlineSettings, now = new Date()) =>
  db
    .insert(settings)
    .values({ key: HOTLINE_KEY, value: input, updatedAt: now })
    .onConflictDoUpdate({ target: settings.key, set: { value: input, updatedAt: now } });

/** The settings last seeded or saved; `{}` (every default) on a database never seeded. */
export const readHotlineSettings = async (db: AppDb): Promise<HotlineSettings> => {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, HOTLINE_KEY));
  return hotlineSettingsSchema.parse(row?.value ?? {});
};
