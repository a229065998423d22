import { regionCodeOf, type Tip } from "@balagh/shared";
import { idempotencyKeys, tipRoutes, tips } from "../db/schema.js";
import type { BatchStatement } from "../db/types.js";
import { outboxWrites } from "../delivery/outbox.js";
import { subjectOfNewTip } from "../delivery/payload.js";
import type { Services } from "../deps.js";
import type { RoutingResult } from "../routing/index.js";
import { hmacHex } from "../security/keys.js";
import { seal } from "../security/seal.js";
import { sealTipFields } from "../tips/sealing.js";
import type { TriageResult } from "../triage/index.js";
import { IDEMPOTENCY_TTL_MS, type Idempotency, sealContext } from "./idempotency.js";

export type NewTip = {
  id: string;
  partnerId: string;
  tip: Tip;
  triage: TriageResult;
  routing: RoutingResult;
  receipt: string;
  idempotency: Idempotency | null;
};

/** Every row of one tip, written together in one batch (one transaction): all of it or nothing. */
export const tipWrite = async (services: Services, t: NewTip): Promise<[BatchStatement, ...BatchStatement[]]> => {
  const { tip } = t;
  const now = services.now();
  const insertTip = services.db.insert(tips).values({
    id: t.id,
    receiptHash: await hmacHex(services.keys.receipt, t.receipt),
    partnerId: t.partnerId,
    language: tip.language,
    dangerNow: tip.dangerNow,
    reporterRole: tip.reporterRole,
    country: tip.location.country,
    regionCode: regionCodeOf(tip.location.country, tip.location.region),
    when: tip.when,
    situations: tip.situations,
    childInvolved: tip.childInvolved,
    indicators: tip.indicators,
    otherCountries: tip.otherCountries ?? [],
    disclosure: tip.disclosure,
    victimConsentPolice: tip.victimConsentPolice ?? null,
    priority: t.triage.priority,
    classification: t.triage.classification,
    flags: t.triage.flags,
    routingNotes: t.routing.withheld,
    ...(await sealTipFields(services.keys, t.id, tip, t.triage.reasons)),
    createdAt: now,
  });
  const statements: [BatchStatement, ...BatchStatement[]] = [insertTip];
  for (const r of t.routing.routes) {
    statements.push(
      services.db.insert(tipRoutes).values({
        tipId: t.id,
        agencyId: r.agencyId,
        role: r.role,
        ruleId: r.ruleId,
        reason: r.reason,
        createdAt: now,
      }),
    );
  }
  statements.push(...outboxWrites(services, subjectOfNewTip(t), t.routing.routes, now));
  if (t.idempotency) {
    statements.push(
      services.db.insert(idempotencyKeys).values({
        key: t.idempotency.keyHash,
        fingerprint: t.idempotency.fingerprint,
        tipId: t.id,
        responseSealed: await seal(services.keys, sealContext(t.idempotency.keyHash), { receipt: t.receipt }),
        expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS),
      }),
    );
  }
  return statements;
};
