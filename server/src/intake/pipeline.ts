import { generateReceipt, type Tip } from "@balagh/shared";
import type { SqlStatement } from "../db/statements.js";
import type { Services } from "../deps.js";
import { type RoutingResult, route } from "../routing/index.js";
import { routingInputOf } from "../routing/input.js";
import { type TriageResult, triage } from "../triage/index.js";
import type { Idempotency } from "./idempotency.js";
import { type TipChannel, tipWrite } from "./store.js";

export type PipelineInput = {
  id: string;
  partnerId: string;
  tip: Tip;
  idempotency: Idempotency | null;
  channel?: TipChannel;
  enteredBy?: string | null;
};

export type PipelineResult = {
  receipt: string;
  triage: TriageResult;
  routing: RoutingResult;
  statements: SqlStatement[];
};

/**
 * Triage, routing and the tip's rows, the same for a tip from the widget and one typed in by staff:
 * a call must reach the agencies the same answers from the web would reach. Nothing is written here.
 */
export const triagedTipWrite = async (services: Services, input: PipelineInput): Promise<PipelineResult> => {
  const triaged = triage(input.tip);
  const routing = route(routingInputOf(input.tip, triaged), await services.routingTable());
  const receipt = generateReceipt();
  const statements = await tipWrite(services, { ...input, triage: triaged, routing, receipt });
  return { receipt, triage: triaged, routing, statements };
};
