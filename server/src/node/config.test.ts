import { describe, expect, it } from "vitest";
import { EnvError } from "../env.js";
import { checkListenAddress } from "./config.js";

describe("development mode stays on this machine", () => {
  it("serves development mode on loopback addresses", () => {
    for (const host of ["127.0.0.1", "127.0.0.2", "localhost", "::1", "[::1]"]) {
      expect(() => checkListenAddress({ production: false, host }), host).not.toThrow();
    }
  });

  it("refuses any other address in development mode, and says to set BALAGH_ENV=production", () => {
    for (const host of ["0.0.0.0", "::", "192.168.1.20", "10.0.0.5", "203.0.113.4", "hotline.example.org"]) {
      expect(() => checkListenAddress({ production: false, host }), host).toThrow(EnvError);
      expect(() => checkListenAddress({ production: false, host }), host).toThrow(/BALAGH_ENV=production/);
    }
  });

  it("leaves the address to the operator in production", () => {
    expect(() => checkListenAddress({ production: true, host: "0.0.0.0" })).not.toThrow();
  });
});
