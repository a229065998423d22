import type { Tip } from "@balagh/shared";
import type { Keys } from "../security/keys.js";
import { seal, unseal } from "../security/seal.js";
import type { TriageReason } from "../triage/index.js";

type SealKeys = Pick<Keys, "seal" | "keyId">;

/** The row and the field are the associated data: a sealed value copied elsewhere does not open. */
export const tipSealContext = (tipId: string, field: string) => `tip:${tipId}:${field}`;

/** A follow-up message between the reporter and the hotline, sealed like the narrative. */
export const messageSealContext = (tipId: string, messageId: string) => tipSealContext(tipId, `message:${messageId}`);

/** What stays readable without the key: which signals counted and why, never the reporter's words. */
export const clearReasons = (reasons: readonly TriageReason[]) =>
  reasons.map(({ evidence: _evidence, phrase: _phrase, ...rest }) => rest);

const sealOrNull = (keys: SealKeys, tipId: string, field: string, value: unknown) =>
  value === undefined ? null : seal(keys, tipSealContext(tipId, field), value);

/** Every free-text answer and every quote of one, sealed; the tip's other columns are codes. */
export const sealTipFields = async (keys: SealKeys, tipId: string, tip: Tip, reasons: readonly TriageReason[]) => {
  const { region, town, place } = tip.location;
  const place_ =
    region !== undefined || town !== undefined || place !== undefined ? { region, town, place } : undefined;
  return {
    narrativeSealed: await seal(keys, tipSealContext(tipId, "narrative"), tip.narrative),
    locationSealed: await sealOrNull(keys, tipId, "location", place_),
    peopleSealed: await sealOrNull(keys, tipId, "people", tip.people),
    detailsSealed: await sealOrNull(keys, tipId, "details", tip.details),
    contactSealed: await sealOrNull(keys, tipId, "contact", tip.contact),
    reasonsSealed: await seal(keys, tipSealContext(tipId, "reasons"), reasons),
    reasons: clearReasons(reasons),
  };
};

export type SealedTipFields = {
  narrativeSealed: string;
  locationSealed: string | null;
  peopleSealed: string | null;
  detailsSealed: string | null;
  contactSealed: string | null;
  reasonsSealed: string | null;
};

const openOrNull = async (keys: SealKeys, tipId: string, field: string, sealed: string | null) =>
  sealed === null ? null : unseal(keys, tipSealContext(tipId, field), sealed);

/** The sealed fields of one stored tip, opened: only for a reader already allowed to see the tip's content. */
export const openTipFields = async (keys: SealKeys, tipId: string, row: SealedTipFields) => ({
  narrative: (await openOrNull(keys, tipId, "narrative", row.narrativeSealed)) as string,
  location: await openOrNull(keys, tipId, "location", row.locationSealed),
  people: await openOrNull(keys, tipId, "people", row.peopleSealed),
  details: await openOrNull(keys, tipId, "details", row.detailsSealed),
  contact: await openOrNull(keys, tipId, "contact", row.contactSealed),
  reasons: await openOrNull(keys, tipId, "reasons", row.reasonsSealed),
});
