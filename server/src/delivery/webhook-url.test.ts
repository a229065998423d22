import { describe, expect, it } from "vitest";
import { parseWebhookUrl, WebhookUrlError } from "./webhook-url.js";

const production = { production: true };
const development = { production: false };

// The addresses issue 7 names, and the rest of what is not the public internet.
const INSIDE = [
  "https://10.0.0.5:8443/in",
  "https://172.16.9.1/in",
  "https://192.168.1.20/in",
  "https://127.0.0.1/in",
  "https://127.8.9.10/in",
  "https://169.254.169.254/latest/meta-data/",
  "https://100.64.0.1/in",
  "https://0.0.0.0/in",
  "https://224.0.0.1/in",
  "https://[::1]/in",
  "https://[fd00::1]/in",
  "https://[fd00:ec2::254]/latest/meta-data/",
  "https://[fe80::1]/in",
  "https://[::ffff:127.0.0.1]/in",
  "https://[::ffff:169.254.169.254]/in",
  "https://[::7f00:1]/in",
  "https://localhost/in",
  "https://LOCALHOST./in",
  "https://hooks.localhost/in",
  // Spellings the URL parser turns into 127.0.0.1.
  "https://2130706433/in",
  "https://0x7f.1/in",
];

describe("webhook URLs in production", () => {
  it.each(["https://agency.example/hooks/balagh", "https://8.8.8.8/hook", "https://[2606:4700::1111]/hook"])(
    "accepts %s",
    (url) => {
      expect(parseWebhookUrl(url, production).href).toBe(new URL(url).href);
    },
  );

  it.each(INSIDE)("refuses %s, which points inside", (url) => {
    expect(() => parseWebhookUrl(url, production)).toThrow(WebhookUrlError);
    expect(() => parseWebhookUrl(url, production)).toThrow(/cannot point inside/);
  });

  it.each(["http://agency.example/hook", "http://localhost:9000/hook", "http://127.0.0.1:9000/hook"])(
    "refuses plain http: %s",
    (url) => {
      expect(() => parseWebhookUrl(url, production)).toThrow(/in production a webhook URL must use https/);
    },
  );
});

describe("webhook URLs in development", () => {
  it.each([
    "https://agency.example/hooks/balagh",
    "https://10.0.0.5:8443/in",
    "http://localhost:9000/hook",
    "http://127.0.0.1:9000/hook",
    "http://[::1]:9000/hook",
    "http://192.168.1.20/hook",
    "http://webhook-receiver:8080/hook",
  ])("accepts %s", (url) => {
    expect(parseWebhookUrl(url, development).href).toBe(new URL(url).href);
  });

  it.each([
    ["http://agency.example/hook", /https/],
    ["http://127.0.0.1.evil.example/hook", /https/],
    ["http://8.8.8.8/hook", /https/],
    ["http://[2606:4700::1111]/hook", /https/],
    ["ftp://agency.example/hook", /https/],
    ["https://user:pass@agency.example/hook", /user name or password/],
    ["agency.example/hook", /not a URL/],
  ])("refuses %s", (url, message) => {
    expect(() => parseWebhookUrl(url, development)).toThrow(WebhookUrlError);
    expect(() => parseWebhookUrl(url, development)).toThrow(message);
  });
});
