import { regionCodeOf } from "@balagh/shared";
import { eq, isNotNull, isNull, or } from "drizzle-orm";
import { tips } from "../db/schema.js";
import type { AppDb } from "../db/types.js";
import type { Keys } from "../security/keys.js";
import { seal, unseal } from "../security/seal.js";
import type { TriageReason } from "../triage/index.js";
import { clearReasons, tipSealContext } from "./sealing.js";

/**
 * Tips filed before free text was sealed kept the typed region and the triage quotes in the clear.
 * This seals them where newer tips keep them (the region inside the sealed place, the quotes in the
 * sealed reasons), one tip per transaction, and is a no-op once done. It needs the master key, so it
 * runs at start-up and with `pnpm balagh migrate`, not in the SQL migration.
 */
export const sealLegacyFreeText = async (db: AppDb, keysOf: () => Promise<Keys>): Promise<number> => {
  const legacy = await db
    .select()
    .from(tips)
    .where(or(isNotNull(tips.legacyRegion), isNull(tips.reasonsSealed)));
  if (legacy.length === 0) return 0;
  const keys = await keysOf();
  for (const row of legacy) {
    const placeContext = tipSealContext(row.id, "location");
    const place = row.locationSealed
      ? await unseal<Record<string, unknown>>(keys, placeContext, row.locationSealed)
      : {};
    const region = row.legacyRegion ?? undefined;
    const reasons = (row.reasons ?? []) as TriageReason[];
    await db
      .update(tips)
      .set({
        legacyRegion: null,
        regionCode: row.regionCode ?? regionCodeOf(row.country, region),
        locationSealed:
          region === undefined ? row.locationSealed : await seal(keys, placeContext, { ...place, region }),
        reasonsSealed: row.reasonsSealed ?? (await seal(keys, tipSealContext(row.id, "reasons"), reasons)),
        reasons: clearReasons(reasons),
      })
      .where(eq(tips.id, row.id));
  }
  return legacy.length;
};
