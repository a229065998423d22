import type { Deployment } from "../deployments/schema.js";
import type { RoutingTable } from "./index.js";

/** A deployment file's table as routing reads it once seeded, with agency ids standing for their slugs. */
export const tableOfDeployment = (deployment: Deployment): RoutingTable => ({
  agencies: deployment.agencies.map((a) => ({
    id: a.slug,
    slug: a.slug,
    kind: a.kind,
    isFallback: a.fallback ?? false,
    isCoordinating: a.coordinating ?? false,
  })),
  rules: deployment.rules.flatMap((r, i) =>
    r.enabled === false
      ? []
      : [{ id: `rule-${i}`, name: r.name, conditions: r.when, agencyId: r.agency, role: r.role }],
  ),
});
