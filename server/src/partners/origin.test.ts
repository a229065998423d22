import { describe, expect, it } from "vitest";
import { loadDeployment } from "../deployments/index.js";
import { deploymentSchema } from "../deployments/schema.js";
import { originProblem } from "./origin.js";

/** Issue 11: each origin checked, scheme, host, port, no path; https:// except localhost. */
describe("an allowed origin", () => {
  it.each([
    ["https://www.ong.example", null],
    ["https://www.ong.example:8443", null],
    ["http://localhost:3000", null],
    ["http://127.0.0.1:8788", null],
    ["http://www.ong.example", "scheme"],
    ["http://192.168.1.10", "scheme"],
    ["https://www.ong.example/embed", "path"],
    ["https://www.ong.example?x=1", "query"],
    ["https://www.ong.example#top", "query"],
    ["https://user:pw@www.ong.example", "credentials"],
    ["https://www.ong.example/", "notCanonical"],
    ["https://WWW.ONG.example", "notCanonical"],
    ["https://www.ong.example:443", "notCanonical"],
    ["www.ong.example", "invalid"],
    ["ftp://www.ong.example", "invalid"],
    ["javascript:alert(1)", "invalid"],
    ["", "invalid"],
  ])("%s: %s", (text, problem) => {
    expect(originProblem(text)).toBe(problem);
  });
});

describe("the deployment file uses the same checks", () => {
  const mauritania = () => structuredClone(loadDeployment("mauritania"));

  it("accepts the Mauritania deployment", () => {
    expect(deploymentSchema.safeParse(mauritania()).success).toBe(true);
  });

  it("refuses a partner origin with a path, or over http on another host", () => {
    for (const bad of ["https://www.ong.example/embed", "http://www.ong.example"]) {
      const deployment = mauritania();
      (deployment.partners[0] as { allowedOrigins: string[] }).allowedOrigins = [bad];
      const result = deploymentSchema.safeParse(deployment);
      expect(result.success, bad).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(["partners", 0, "allowedOrigins", 0]);
    }
  });

  it("refuses an exit URL that is not https", () => {
    const deployment = mauritania();
    (deployment.partners[0] as { exitUrl: string }).exitUrl = "http://www.wikipedia.org/";
    const result = deploymentSchema.safeParse(deployment);
    expect(result.error?.issues[0]?.path).toEqual(["partners", 0, "exitUrl"]);
  });
});
