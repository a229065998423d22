import { describe, expect, it } from "vitest";
import { parseWebhookUrl, WebhookUrlError } from "./webhook-url.js";

describe("webhook URLs", () => {
  it.each([
    "https://agency.example/hooks/balagh",
    "https://10.0.0.5:8443/in",
    "http://localhost:9000/hook",
    "http://127.0.0.1:9000/hook",
    "http://[::1]:9000/hook",
  ])("accepts %s", (url) => {
    expect(parseWebhookUrl(url).href).toBe(new URL(url).href);
  });

  it.each([
    ["http://agency.example/hook", /https/],
    ["http://127.0.0.1.evil.example/hook", /https/],
    ["ftp://agency.example/hook", /https/],
    ["https://user:pass@agency.example/hook", /user name or password/],
    ["agency.example/hook", /not a URL/],
  ])("refuses %s", (url, message) => {
    expect(() => parseWebhookUrl(url)).toThrow(WebhookUrlError);
    expect(() => parseWebhookUrl(url)).toThrow(message);
  });
});
