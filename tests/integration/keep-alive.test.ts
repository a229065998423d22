import { Agent, request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "../fixtures/stack.js";

type Answer = { status: number; socket: unknown };

/** One request on the agent's single kept-alive socket; `chunked` sends the body without a Content-Length. */
const send = (agent: Agent, port: number, path: string, body?: { bytes: Buffer; chunked?: boolean }) =>
  new Promise<Answer>((resolve, reject) => {
    const headers: Record<string, string | number> = {};
    if (body) headers["Content-Type"] = "application/json";
    if (body && !body.chunked) headers["Content-Length"] = body.bytes.length;
    const req = request({ agent, port, host: "127.0.0.1", method: body ? "POST" : "GET", path, headers }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, socket: req.socket }));
    });
    req.on("error", reject);
    req.end(body?.bytes);
  });

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());

describe("a refused oversized body on a kept-alive connection", () => {
  for (const chunked of [false, true]) {
    it(`413, then the next request on the same agent is answered (${chunked ? "chunked" : "Content-Length"})`, async () => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      try {
        const warm = await send(agent, stack.port, "/healthz");
        expect(warm.status).toBe(200);
        const refused = await send(agent, stack.port, "/api/v1/tips", {
          bytes: Buffer.alloc(1024 * 1024, "a"),
          chunked,
        });
        expect(refused.status).toBe(413);
        const next = await send(agent, stack.port, "/healthz");
        expect(next.status).toBe(200);
      } finally {
        agent.destroy();
      }
    });
  }
});
