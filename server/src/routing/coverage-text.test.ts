import { describe, expect, it } from "vitest";
import { loadDeployment } from "../deployments/index.js";
import { coverageReport } from "./coverage.js";
import { formatCoverage, outcomeGroups } from "./coverage-text.js";
import { tableOfDeployment } from "./table-of-deployment.js";

const report = coverageReport(tableOfDeployment(loadDeployment("mauritania")), ["MR", "SN"]);
const LABOUR = [
  "domestic_servitude",
  "forced_labour_fishing",
  "forced_labour_mining",
  "forced_labour_agriculture",
  "forced_labour_construction",
  "forced_labour_other",
  "paid_border_crossing + forced_labour_other",
].join(", ");

describe("the coverage report in words", () => {
  it("describes an outcome's combinations in as few lines as the table allows", () => {
    // An adult victim of forced labour who refused police: the national authority leads, police is held back,
    // at P1 whatever the classification and at P2–P3 unless it is smuggling (which adds UNODC).
    const refused = outcomeGroups(report).find(
      (o) =>
        o.primary.join() === "mr-national-authority" &&
        o.notify.join() === "mr-labour-inspection" &&
        o.withheld.join() === "mr-police",
    );
    expect(refused?.where).toEqual([
      `situation: ${LABOUR} · child: no · P1 · reporter: victim not consenting`,
      `situation: ${LABOUR} · child: no · P2, P3 · trafficking, both, unclear · reporter: victim not consenting`,
    ]);
  });

  it("marks the agencies an invariant added, and leaves out what holds for every value", () => {
    const text = formatCoverage(report);
    expect(text).toContain(
      "primary mr-child-protection*, mr-police · notify mr-national-authority*  [144]\n" +
        "       situation: none given, paid_border_crossing, other_or_not_sure · child: yes, not sure · P1\n",
    );
  });
});
