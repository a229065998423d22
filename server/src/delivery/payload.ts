import type { Tip, TipUpdatedPayload, TipWebhookPayload } from "@balagh/shared";
import type { RouteDecision } from "../routing/index.js";
import type { TriageResult } from "../triage/index.js";

type Sent = TipWebhookPayload["tip"];

/** The only facts about a tip that may leave the hotline by webhook: all picked from lists, none free text. */
export type DeliverySubject = Pick<Sent, "id" | "priority" | "classification" | "country"> & {
  situations: readonly Sent["situations"][number][];
  childInvolved: Tip["childInvolved"];
};

export const subjectOfNewTip = (t: { id: string; tip: Tip; triage: TriageResult }): DeliverySubject => ({
  id: t.id,
  priority: t.triage.priority,
  classification: t.triage.classification,
  country: t.tip.location.country,
  situations: t.tip.situations,
  childInvolved: t.tip.childInvolved,
});

export const consoleTipUrl = (publicUrl: string, tipId: string) => `${publicUrl}/console/tips/${tipId}`;

const sentTip = (publicUrl: string, s: DeliverySubject, role: RouteDecision["role"]): Sent => ({
  id: s.id,
  priority: s.priority,
  classification: s.classification,
  country: s.country,
  situations: [...s.situations],
  // "Not sure" counts as a child, as it does for routing (DOMAIN.md, safety 10).
  childInvolved: s.childInvolved !== "no",
  role,
  consoleUrl: consoleTipUrl(publicUrl, s.id),
});

export const tipRoutedPayload = (
  publicUrl: string,
  s: DeliverySubject,
  role: RouteDecision["role"],
  routedAt: Date,
): TipWebhookPayload => ({ type: "tip.routed", timestamp: routedAt.toISOString(), tip: sentTip(publicUrl, s, role) });

/** A reporter's follow-up message raised the priority: the same facts as `tip.routed`, and the priority before. */
export const tipUpdatedPayload =
  (previousPriority: DeliverySubject["priority"]) =>
  (publicUrl: string, s: DeliverySubject, role: RouteDecision["role"], updatedAt: Date): TipUpdatedPayload => ({
    type: "tip.updated",
    timestamp: updatedAt.toISOString(),
    tip: sentTip(publicUrl, s, role),
    change: { cause: "followup_message", previousPriority },
  });

export type PayloadOf = (
  publicUrl: string,
  s: DeliverySubject,
  role: RouteDecision["role"],
  at: Date,
) => TipWebhookPayload;
