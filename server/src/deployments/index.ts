import mauritania from "./mauritania.json" with { type: "json" };
import { type Deployment, deploymentSchema } from "./schema.js";

const DEPLOYMENTS: Record<string, unknown> = { mauritania };

export const DEPLOYMENT_NAMES = Object.keys(DEPLOYMENTS);

export const loadDeployment = (name: string): Deployment => {
  const raw = DEPLOYMENTS[name];
  if (!raw) throw new Error(`unknown deployment '${name}'; known: ${DEPLOYMENT_NAMES.join(", ")}`);
  return deploymentSchema.parse(raw);
};
