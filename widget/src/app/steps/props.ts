import type { PartnerConfig } from "@shared/partner-config.js";
import type { Draft } from "../state.js";
import type { Errors } from "../validate.js";

export type StepProps = {
  draft: Draft;
  set: (patch: Partial<Draft>) => void;
  errors: Errors;
  config: PartnerConfig;
};
