/** Whether a database error, or one of the errors it wraps (drizzle's, D1's), says `pattern`. */
export const errorSays = (error: unknown, pattern: RegExp) => {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (pattern.test(e.message)) return true;
  }
  return false;
};

/** The message of the trigger `staff_keeps_an_active_admin` (migration 0006). */
export const LAST_ACTIVE_ADMIN = /balagh: the last active admin/;
