import { regionCodeOf, type Tip } from "@balagh/shared";
import type { SqlStatement } from "../db/statements.js";
import { subjectOfNewTip, tipRoutedPayload } from "../delivery/payload.js";
import type { Services } from "../deps.js";
import type { RoutingResult } from "../routing/index.js";
import { hmacHex } from "../security/keys.js";
import { seal } from "../security/seal.js";
import { sealTipFields } from "../tips/sealing.js";
import type { TriageResult } from "../triage/index.js";
import { IDEMPOTENCY_TTL_MS, type Idempotency, sealContext } from "./idempotency.js";
import { intakeStatements } from "./templates.js";

export type NewTip = {
  id: string;
  partnerId: string;
  tip: Tip;
  triage: TriageResult;
  routing: RoutingResult;
  receipt: string;
  idempotency: Idempotency | null;
  /** `web` unless staff typed the tip in from a call, a visit or a referral. */
  channel?: TipChannel;
  /** The staff member who typed it; never shown to the reporter. */
  enteredBy?: string | null;
};

export const TIP_CHANNELS = ["web", "phone", "walk_in", "partner_referral"] as const;
export type TipChannel = (typeof TIP_CHANNELS)[number];

/** Every row of one tip, for one transaction: all of it or nothing. */
export const tipWrite = async (services: Services, t: NewTip): Promise<SqlStatement[]> => {
  const { tip } = t;
  const now = services.now();
  const write = intakeStatements(services.db);
  const statements = [
    write.tip({
      id: t.id,
      receiptHash: await hmacHex(services.keys.receipt, t.receipt),
      partnerId: t.partnerId,
      status: "received",
      language: tip.language,
      dangerNow: tip.dangerNow,
      reporterRole: tip.reporterRole,
      country: tip.location.country,
      regionCode: regionCodeOf(tip.location.country, tip.location.region),
      legacyRegion: null,
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
      assignedTo: null,
      duplicateOf: null,
      channel: t.channel ?? "web",
      enteredBy: t.enteredBy ?? null,
      awaitingReplySince: null,
      unreadMessages: 0,
      createdAt: now,
      updatedAt: null,
    }),
  ];
  const subject = subjectOfNewTip(t);
  for (const r of t.routing.routes) {
    statements.push(
      write.route({
        id: crypto.randomUUID(),
        tipId: t.id,
        agencyId: r.agencyId,
        role: r.role,
        ruleId: r.ruleId,
        reason: r.reason,
        createdAt: now,
      }),
      write.outbox({
        id: crypto.randomUUID(),
        tipId: t.id,
        agencyId: r.agencyId,
        event: "tip.routed",
        payload: JSON.stringify(tipRoutedPayload(services.publicUrl, subject, r.role, now)),
        now: now.getTime(),
      }),
    );
  }
  if (t.idempotency) {
    statements.push(
      write.idempotency({
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
