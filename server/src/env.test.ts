import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env.js";
import { HCAPTCHA_TEST_SECRET } from "./security/captcha/hcaptcha.js";
import { generateMasterKey } from "./security/keys.js";

const production = {
  BALAGH_ENV: "production",
  BALAGH_MASTER_KEY: generateMasterKey(),
  PUBLIC_URL: "https://report.example.mr",
  DATABASE_URL: "libsql://hotline.turso.io",
  HCAPTCHA_SITEKEY: "site",
  HCAPTCHA_SECRET: "0xsecret",
};

describe("parseEnv", () => {
  it("runs the demo with defaults and hCaptcha's test keys", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ production: false, port: 8787, host: "127.0.0.1", demoPartnerPort: 8788 });
    expect(env.publicUrl).toBe("http://localhost:8787");
    expect(env.databaseUrl).toBe("file:./data/balagh.db");
    expect(env.hcaptcha?.secret).toBe(HCAPTCHA_TEST_SECRET);
    expect(env.hcaptcha?.verifyUrl).toBe("https://api.hcaptcha.com/siteverify");
  });

  it("starts in production when every secret is set", () => {
    expect(parseEnv(production).production).toBe(true);
  });

  it.each([
    ["BALAGH_MASTER_KEY", /BALAGH_MASTER_KEY is required/],
    ["PUBLIC_URL", /PUBLIC_URL is required/],
    ["DATABASE_URL", /DATABASE_URL is required/],
    ["HCAPTCHA_SITEKEY", /HCAPTCHA_SITEKEY is required/],
  ])("refuses to start in production without %s", (name, message) => {
    expect(() => parseEnv({ ...production, [name]: undefined })).toThrow(message);
  });

  it("lets a Worker with a D1 binding run in production without DATABASE_URL", () => {
    expect(parseEnv({ ...production, DATABASE_URL: undefined }, { databaseBinding: true }).production).toBe(true);
  });

  it("refuses production with no captcha, or with hCaptcha's public test secret", () => {
    expect(() => parseEnv({ ...production, HCAPTCHA_SECRET: undefined, HCAPTCHA_SITEKEY: undefined })).toThrow(
      /a captcha is required/,
    );
    expect(() => parseEnv({ ...production, HCAPTCHA_SECRET: HCAPTCHA_TEST_SECRET })).toThrow(/public test secret/);
    expect(
      parseEnv({
        ...production,
        HCAPTCHA_SECRET: undefined,
        HCAPTCHA_SITEKEY: undefined,
        ALTCHA_HMAC_KEY: "k".repeat(32),
      }).hcaptcha,
    ).toBeNull();
  });

  it("refuses a malformed master key, port or URL in any mode", () => {
    expect(() => parseEnv({ BALAGH_MASTER_KEY: "c2hvcnQ=" })).toThrow(EnvError);
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => parseEnv({ PUBLIC_URL: "not a url" })).toThrow(/PUBLIC_URL/);
    expect(() => parseEnv({ BALAGH_ENV: "staging" })).toThrow(/BALAGH_ENV/);
  });
});
