import { durationMs, type HotlineSettings } from "../../settings/hotline.js";
import { PRIORITIES, type Priority } from "../../triage/index.js";

/** How long a tip of each priority may stay open before the queue marks it overdue, in milliseconds. */
export type QueueTargets = Record<Priority, number>;
/** Targets for some priorities only; the others come from elsewhere. */
export type QueueTargetOverrides = Partial<QueueTargets>;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const UNIT_MS = { m: MINUTE, h: HOUR, d: DAY } as const;

/** DOMAIN.md's defaults, for a priority that neither the deployment file nor QUEUE_TARGETS names. */
export const DEFAULT_QUEUE_TARGETS: QueueTargets = { P0: 15 * MINUTE, P1: 24 * HOUR, P2: 7 * DAY, P3: 30 * DAY };

const isPriority = (value: string): value is Priority => (PRIORITIES as readonly string[]).includes(value);

/**
 * `QUEUE_TARGETS`, e.g. `P0=15m,P1=24h,P2=7d,P3=30d`: the priorities it names, and only those.
 * Throws on anything else, so a typo stops the start-up instead of silently keeping another target.
 */
export const parseQueueTargets = (text: string | undefined): QueueTargetOverrides => {
  const targets: QueueTargetOverrides = {};
  for (const part of (text ?? "").split(",").map((p) => p.trim())) {
    if (part === "") continue;
    const match = part.match(/^(P\d)\s*=\s*(\d+)\s*([mhd])$/);
    const [, priority = "", amount = "", unit = ""] = match ?? [];
    if (!match || !isPriority(priority) || Number(amount) <= 0) {
      throw new Error(`QUEUE_TARGETS: "${part}" is not like P0=15m, P1=24h or P2=7d`);
    }
    targets[priority] = Number(amount) * UNIT_MS[unit as keyof typeof UNIT_MS];
  }
  return targets;
};

/**
 * Per priority: QUEUE_TARGETS if it names it (the operator's word on this server), else the
 * deployment file's `hotline.queueTargets`, else the default.
 */
export const resolveQueueTargets = (
  file: HotlineSettings["queueTargets"],
  environment: QueueTargetOverrides,
): QueueTargets => {
  const targets = { ...DEFAULT_QUEUE_TARGETS };
  for (const priority of PRIORITIES) {
    const fromFile = file?.[priority];
    if (fromFile) targets[priority] = durationMs(fromFile);
    const fromEnvironment = environment[priority];
    if (fromEnvironment) targets[priority] = fromEnvironment;
  }
  return targets;
};

export const isOverdue = (targets: QueueTargets, priority: string | null, createdAt: Date, now: Date) =>
  priority !== null && isPriority(priority) && now.getTime() - createdAt.getTime() > targets[priority];
