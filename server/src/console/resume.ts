import type { Keys } from "../security/keys.js";
import { seal, unseal } from "../security/seal.js";
import { safeReturnPath } from "./return-path.js";

/**
 * What a member typed into a form whose post arrived after their session ended, carried through
 * the sign-in as one sealed hidden field (nothing of it readable in the pages it passes through)
 * and handed back only to the same member, within 15 minutes.
 */
export type Resume = { path: string; fields: [string, string][]; staffId: string; until: number };

const CONTEXT = "console:resume";
export const RESUME_LIFETIME_MS = 15 * 60_000;
/** A long note fits; a body meant to fill the page does not (the path is kept all the same). */
const MAX_TYPED_CHARS = 32_000;
const NOT_CARRIED = new Set(["csrf"]);

export const sealResume = async (
  keys: Keys,
  input: { path: string; form: Record<string, unknown>; staffId: string; now: Date },
): Promise<string> => {
  const fields: [string, string][] = [];
  for (const [name, value] of Object.entries(input.form)) {
    if (NOT_CARRIED.has(name)) continue;
    for (const item of Array.isArray(value) ? value : [value]) if (typeof item === "string") fields.push([name, item]);
  }
  const size = fields.reduce((sum, [name, value]) => sum + name.length + value.length, 0);
  const resume: Resume = {
    path: input.path,
    fields: size <= MAX_TYPED_CHARS ? fields : [],
    staffId: input.staffId,
    until: input.now.getTime() + RESUME_LIFETIME_MS,
  };
  return seal(keys, CONTEXT, resume);
};

export const openResume = async (
  keys: Keys,
  sealed: unknown,
  { staffId, now, origin }: { staffId: string; now: Date; origin: string },
): Promise<Resume | null> => {
  if (typeof sealed !== "string" || sealed === "") return null;
  let resume: Resume;
  try {
    resume = await unseal<Resume>(keys, CONTEXT, sealed);
  } catch {
    return null;
  }
  if (resume.staffId !== staffId || resume.until <= now.getTime()) return null;
  if (safeReturnPath(resume.path, origin) !== resume.path) return null;
  return resume;
};
