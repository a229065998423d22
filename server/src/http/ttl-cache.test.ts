import { describe, expect, it } from "vitest";
import { ttlCache } from "./ttl-cache.js";

describe("ttlCache", () => {
  it("answers from memory within the TTL, and loads again after it", async () => {
    let t = 0;
    let loads = 0;
    const get = ttlCache(
      1_000,
      () => new Date(t),
      async (key: string) => `${key}:${++loads}`,
    );
    expect(await get("demo")).toBe("demo:1");
    t = 999;
    expect(await get("demo")).toBe("demo:1");
    expect(await get("other")).toBe("other:2");
    t = 1_000;
    expect(await get("demo")).toBe("demo:3");
  });

  it("keeps no failure, so an unknown key or a database error is asked again", async () => {
    let fail = true;
    const get = ttlCache(
      60_000,
      () => new Date(0),
      async () => {
        if (fail) throw new Error("down");
        return "ok";
      },
    );
    await expect(get("k")).rejects.toThrow("down");
    fail = false;
    expect(await get("k")).toBe("ok");
  });

  it("reads every time with a TTL of 0", async () => {
    let loads = 0;
    const get = ttlCache(
      0,
      () => new Date(0),
      async () => ++loads,
    );
    await get(1);
    await get(1);
    expect(loads).toBe(2);
  });
});
