import { consoleCatalogs } from "@balagh/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ConsoleBrowser, errorSummaryOf, fieldValue, manualClock } from "../fixtures/console.js";
import { addMembers, csrfOf, signedInAs } from "../fixtures/console-workspace.js";
import { createTestApp, HOTLINE, type TestApp } from "../fixtures/test-app.js";
import { validTip } from "../fixtures/tips.js";

/**
 * Issue 11, "Partners" and "Bad input": an admin lists, creates, edits and disables partners; every
 * field is checked (origins: scheme, host, port, no path, https except localhost; exit URL https only;
 * the accent's contrast against the widget's white text, WCAG AA 4.5:1); a refused form keeps its
 * values and writes nothing; a disabled partner answers as an unknown key; every change is audited.
 */
const fr = consoleCatalogs.fr;
const snippetOn = (html: string) =>
  (html.match(/<code id="snippet">([^<]*)<\/code>/)?.[1] ?? "")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&amp;", "&");
const unisolate = (text: string) => text.replaceAll(/[\u2068\u2069]/g, "");

let testApp: TestApp;
let admin: ConsoleBrowser;
let adminId: string;

beforeAll(async () => {
  const clock = manualClock();
  testApp = await createTestApp({ now: clock.now });
  adminId = (await addMembers(testApp)).admin;
  admin = await signedInAs(testApp, clock.now, "admin", "198.51.100.40");
});

afterAll(async () => {
  await testApp.close();
});

const validForm = (key: string): Record<string, string | string[]> => ({
  key,
  name: "ONG Nouakchott Solidarité",
  allowedOrigins: "https://www.ong-nouakchott.example\nhttps://dons.ong-nouakchott.example:8443",
  languages: ["fr", "ar"],
  defaultLanguage: "ar",
  countries: "MR SN",
  defaultCountry: "MR",
  captchaProviders: ["altcha"],
  exitUrl: "https://www.wikipedia.org/",
  accent: "#0b6e4f",
  launcherLabel: "Signaler",
});

/** A form post with repeated fields for the ticked boxes, as a browser sends it. */
const post = async (path: string, fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams({ csrf: await csrfOf(admin) });
  for (const [name, value] of Object.entries(fields)) {
    for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
  }
  const cookie = [...admin.jar].map(([n, v]) => `${n}=${v}`).join("; ");
  return testApp.app.request(path, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: HOTLINE,
      Cookie: cookie,
      "X-Test-Client-Address": "198.51.100.40",
    },
    body: body.toString(),
  });
};

const partnerRow = async (key: string) =>
  (await testApp.exec(`select * from partners where key = '${key}'`)).rows[0] as Record<string, unknown> | undefined;

const auditOf = async (action: string) =>
  (await testApp.exec(`select actor, subject, details from audit_log where action = '${action}' order by seq`)).rows;

describe("creating a partner", () => {
  it("stores every field, audits it with what was set, and the widget serves it at once", async () => {
    const answer = await post("/console/admin/partners/new", validForm("ong-nouakchott"));
    expect(answer.status).toBe(303);
    expect(answer.headers.get("Location")).toBe("/console/admin/partners/ong-nouakchott?done=created");

    const row = await partnerRow("ong-nouakchott");
    expect(row).toMatchObject({
      name: "ONG Nouakchott Solidarité",
      default_language: "ar",
      default_country: "MR",
      exit_url: "https://www.wikipedia.org/",
      disabled: 0,
    });
    expect(JSON.parse(String(row?.allowed_origins))).toEqual([
      "https://www.ong-nouakchott.example",
      "https://dons.ong-nouakchott.example:8443",
    ]);
    expect(JSON.parse(String(row?.languages))).toEqual(["fr", "ar"]);
    expect(JSON.parse(String(row?.countries))).toEqual(["MR", "SN"]);
    expect(JSON.parse(String(row?.theme))).toEqual({ accent: "#0b6e4f", launcherLabel: "Signaler" });

    const [entry] = await auditOf("partner.create");
    expect(entry?.actor).toBe(adminId);
    expect(entry?.subject).toBe(row?.id);
    expect(JSON.parse(String(entry?.details))).toMatchObject({
      key: "ong-nouakchott",
      after: { name: "ONG Nouakchott Solidarité", allowedOrigins: expect.any(Array) },
    });

    const config = await testApp.app.request("/api/v1/partners/ong-nouakchott/config");
    expect(config.status).toBe(200);
    expect(await config.json()).toMatchObject({ defaultLanguage: "ar", theme: { accent: "#0b6e4f" } });
  });

  it("lists it, and its kit page gives the snippet, the full-page link, the preview and the posters", async () => {
    const list = await (await admin.get("/console/admin/partners")).text();
    expect(list).toContain('href="/console/admin/partners/ong-nouakchott"');

    const kit = await admin.get("/console/admin/partners/ong-nouakchott");
    expect(kit.status).toBe(200);
    const html = await kit.text();
    // The README's snippet, with this partner's key, language and launcher text.
    expect(snippetOn(html)).toBe(
      `<script async src="${HOTLINE}/embed.js" data-partner="ong-nouakchott" data-lang="ar" data-label="Signaler"></script>`,
    );
    for (const option of ["partner", "lang", "country", "mode", "target", "label", "position"]) {
      expect(html).toContain(`data-${option}</code>`);
    }
    expect(html).toContain(`href="${HOTLINE}/report/ong-nouakchott"`);
    expect(html).toContain('<iframe class="preview" src="/w/ong-nouakchott?lang=ar"');
    for (const poster of ["size=a4&amp;lang=fr", "size=a4&amp;lang=ar", "size=a5&amp;lang=fr", "size=a5&amp;lang=ar"]) {
      expect(html).toContain(`/console/admin/partners/ong-nouakchott/poster?${poster}`);
    }
  });

  it("refuses a key another partner has, and writes nothing", async () => {
    const before = await testApp.count("audit_log");
    const answer = await post("/console/admin/partners/new", { ...validForm("demo"), name: "Another demo" });
    expect(answer.status).toBe(422);
    expect(errorSummaryOf(await answer.text())).toEqual([fr["partners.error.key.taken"]]);
    // Found with the other problems, so one answer shows them all.
    const withAnother = await post("/console/admin/partners/new", { ...validForm("demo"), name: "" });
    expect(errorSummaryOf(await withAnother.text())).toEqual([
      fr["partners.error.key.taken"],
      fr["partners.error.name.required"],
    ]);
    expect((await partnerRow("demo"))?.name).toBe("Balagh demo partner");
    expect(await testApp.count("audit_log")).toBe(before);
  });
});

/** One bad field at a time, the rest valid: the message names that field and nothing is written. */
const BAD: [string, Record<string, string | string[]>, string][] = [
  ["an empty key", { key: "" }, fr["partners.error.key.required"]],
  ["a key with capitals", { key: "ONG" }, fr["partners.error.key.pattern"]],
  ["a key with a slash", { key: "ong/x" }, fr["partners.error.key.pattern"]],
  // GET /console/admin/partners/new is the form: a partner there would have no kit page.
  ["the key new", { key: "new" }, fr["partners.error.key.reserved"]],
  ["an empty name", { name: "  " }, fr["partners.error.name.required"]],
  ["a name of 201 characters", { name: "n".repeat(201) }, fr["partners.error.name.tooLong"].replace("{max}", "200")],
  ["no origin", { allowedOrigins: "\n \n" }, fr["partners.error.allowedOrigins.required"]],
  [
    "an http origin on line 2",
    { allowedOrigins: "https://a.example\nhttp://www.ong.example" },
    "La ligne 2 (http://www.ong.example) doit commencer par https://",
  ],
  [
    "an origin with a path on line 3",
    { allowedOrigins: "https://a.example\nhttps://b.example\nhttps://c.example/page" },
    "La ligne 3 (https://c.example/page) a un chemin",
  ],
  [
    "an origin with a query",
    { allowedOrigins: "https://c.example?x=1" },
    "La ligne 1 (https://c.example?x=1) a une requête",
  ],
  [
    "an origin with a trailing slash",
    { allowedOrigins: "https://c.example/" },
    "écrivez-la exactement https://c.example",
  ],
  ["not an origin", { allowedOrigins: "www.ong.example" }, "La ligne 1 (www.ong.example) n’est pas une origine"],
  [
    "an ftp origin",
    { allowedOrigins: "ftp://files.example" },
    "La ligne 1 (ftp://files.example) n’est pas une origine",
  ],
  ["an origin with a password", { allowedOrigins: "https://u:p@c.example" }, "nom d’utilisateur ou un mot de passe"],
  [
    "the same origin twice",
    { allowedOrigins: "https://c.example\nhttps://c.example" },
    "La ligne 2 (https://c.example) répète",
  ],
  ["no language", { languages: [] }, fr["partners.error.languages.required"]],
  ["an unknown language only", { languages: ["de"] }, fr["partners.error.languages.required"]],
  ["a default language not ticked", { defaultLanguage: "es" }, fr["partners.error.defaultLanguage.notAmong"]],
  ["no country", { countries: "" }, fr["partners.error.countries.required"]],
  ["a country that is no ISO code", { countries: "MR XX" }, "XX n’est pas un code de pays ISO"],
  ["a default country not listed", { defaultCountry: "ML" }, fr["partners.error.defaultCountry.notAmong"]],
  ["no default country", { defaultCountry: "" }, fr["partners.error.defaultCountry.required"]],
  ["no captcha", { captchaProviders: [] }, fr["partners.error.captchaProviders.required"]],
  ["an unknown captcha only", { captchaProviders: ["recaptcha"] }, fr["partners.error.captchaProviders.required"]],
  ["no exit URL", { exitUrl: "" }, fr["partners.error.exitUrl.required"]],
  ["an http exit URL", { exitUrl: "http://www.wikipedia.org/" }, fr["partners.error.exitUrl.scheme"]],
  ["an exit URL that is no address", { exitUrl: "wikipedia" }, fr["partners.error.exitUrl.invalid"]],
  ["an accent that is no colour", { accent: "green" }, fr["partners.error.accent.format"]],
  // WCAG: white on yellow is 1.07:1; #777777 is 4.48:1, just under AA's 4.5:1.
  ["a yellow accent", { accent: "#ffff00" }, "contraste de 1.07:1"],
  ["a grey just under AA", { accent: "#777777" }, "contraste de 4.48:1"],
  ["a launcher text of 61 characters", { launcherLabel: "x".repeat(61) }, "60 caractères au plus"],
  ["a launcher text with a line break", { launcherLabel: "a\u2028b" }, fr["partners.error.control"]],
];

describe("bad input", () => {
  it.each(BAD)("%s: its message beside the field, values kept, nothing written", async (_, change, message) => {
    const form = { ...validForm("bad-input"), ...change };
    const [partners, audits] = [await testApp.count("partners"), await testApp.count("audit_log")];
    const answer = await post("/console/admin/partners/new", form);
    expect(answer.status).toBe(422);
    const html = await answer.text();
    const summary = errorSummaryOf(html).map(unisolate);
    expect(summary).toHaveLength(1);
    expect(summary[0]).toContain(message);
    const field = String(html.match(/class="error-summary"[\s\S]*?<a href="#([^"]+)"/)?.[1]);
    expect(Object.keys(validForm("x"))).toContain(field);
    expect(html).toMatch(new RegExp(`id="${field}-error"`));
    // Every text the admin typed is still there.
    for (const name of ["key", "name", "countries", "defaultCountry", "exitUrl", "accent"]) {
      expect(fieldValue(html, name)).toBe(String(form[name]).replaceAll("<", "&lt;"));
    }
    expect(html).toContain(`${String(form.allowedOrigins).replaceAll("&", "&amp;")}</textarea>`);
    expect(await testApp.count("partners")).toBe(partners);
    expect(await testApp.count("audit_log")).toBe(audits);
  });

  it("every field bad at once: one message for each, in the summary and beside the field", async () => {
    const answer = await post("/console/admin/partners/new", {
      key: "Bad Key",
      name: "",
      allowedOrigins: "https://ok.example\nhttp://bad.example",
      languages: [],
      defaultLanguage: "",
      countries: "ZZ",
      defaultCountry: "",
      captchaProviders: [],
      exitUrl: "http://exit.example",
      accent: "#ffffff",
      launcherLabel: "x".repeat(61),
    });
    expect(answer.status).toBe(422);
    const html = await answer.text();
    const fields = [...html.matchAll(/<p class="error-message" id="([a-zA-Z]+)-error"/g)].map((m) => m[1]);
    expect(fields.sort()).toEqual(
      [
        "key",
        "name",
        "allowedOrigins",
        "languages",
        "defaultLanguage",
        "countries",
        "defaultCountry",
        "captchaProviders",
        "exitUrl",
        "accent",
        "launcherLabel",
      ].sort(),
    );
    expect(errorSummaryOf(html)).toHaveLength(11);
    expect(await partnerRow("bad-key")).toBeUndefined();
  });

  it("the lightest accepted grey, #767676 (4.54:1), is saved", async () => {
    const answer = await post("/console/admin/partners/new", { ...validForm("grey-accent"), accent: "#767676" });
    expect(answer.status).toBe(303);
  });

  it("localhost and 127.0.0.1 may be http, with a port", async () => {
    const answer = await post("/console/admin/partners/new", {
      ...validForm("local-test"),
      allowedOrigins: "http://localhost:3000\nhttp://127.0.0.1:8788",
    });
    expect(answer.status).toBe(303);
  });
});

describe("editing a partner", () => {
  it("saves the change, audits only what changed (before and after), and never changes the key", async () => {
    await post("/console/admin/partners/new", validForm("edit-me"));
    const form = await (await admin.get("/console/admin/partners/edit-me/edit")).text();
    expect(fieldValue(form, "name")).toBe("ONG Nouakchott Solidarité");
    expect(form).not.toContain('name="key"');

    const answer = await post("/console/admin/partners/edit-me/edit", {
      ...validForm("renamed-key"),
      name: "ONG renommée",
      allowedOrigins: "https://www.ong-nouakchott.example",
    });
    expect(answer.status).toBe(303);
    expect(answer.headers.get("Location")).toBe("/console/admin/partners/edit-me?done=saved");
    expect(await partnerRow("renamed-key")).toBeUndefined();
    const row = await partnerRow("edit-me");
    expect(row?.name).toBe("ONG renommée");

    const entry = (await auditOf("partner.update")).at(-1);
    expect(entry?.actor).toBe(adminId);
    expect(JSON.parse(String(entry?.details))).toEqual({
      key: "edit-me",
      before: {
        name: "ONG Nouakchott Solidarité",
        allowedOrigins: ["https://www.ong-nouakchott.example", "https://dons.ong-nouakchott.example:8443"],
      },
      after: { name: "ONG renommée", allowedOrigins: ["https://www.ong-nouakchott.example"] },
    });
  });

  it("an origin list with one bad line saves nothing, not even the good lines or the other fields", async () => {
    const before = await partnerRow("edit-me");
    const audits = await testApp.count("audit_log");
    const answer = await post("/console/admin/partners/edit-me/edit", {
      ...validForm("edit-me"),
      name: "Ne doit pas être enregistré",
      allowedOrigins: "https://new.example\nhttps://www.ong.example/embed\nhttps://other.example",
    });
    expect(answer.status).toBe(422);
    const html = await answer.text();
    expect(unisolate(errorSummaryOf(html)[0] ?? "")).toContain("La ligne 2 (https://www.ong.example/embed)");
    expect(fieldValue(html, "name")).toBe("Ne doit pas être enregistré");
    expect(await partnerRow("edit-me")).toEqual(before);
    expect(await testApp.count("audit_log")).toBe(audits);
  });

  it("a partner that does not exist is a 404", async () => {
    expect((await admin.get("/console/admin/partners/no-such-partner/edit")).status).toBe(404);
    expect((await post("/console/admin/partners/no-such-partner/edit", validForm("x"))).status).toBe(404);
  });
});

describe("disabling a partner", () => {
  const fileThrough = (partner: string) =>
    testApp.post({ ...testApp.body(validTip()), partner }, { "X-Test-Client-Address": "203.0.113.9" });

  it("answers like an unknown key everywhere; its tips keep it; enabling brings it back; both audited", async () => {
    await post("/console/admin/partners/new", { ...validForm("to-disable"), captchaProviders: ["hcaptcha"] });
    expect((await fileThrough("to-disable")).status).toBe(201);
    const partnerId = (await partnerRow("to-disable"))?.id;
    const tipsOfPartner = async () =>
      Number((await testApp.exec(`select count(*) as n from tips where partner_id = '${partnerId}'`)).rows[0]?.n);
    expect(await tipsOfPartner()).toBe(1);

    const disabled = await post("/console/admin/partners/to-disable/disable", {});
    expect(disabled.status).toBe(303);
    expect(disabled.headers.get("Location")).toBe("/console/admin/partners/to-disable?done=disabled");

    const asUnknown = async (key: string) => {
      const config = await testApp.app.request(`/api/v1/partners/${key}/config`);
      const tip = await fileThrough(key);
      const body = (await tip.json()) as { error: { message: string } };
      return {
        config: config.status,
        configBody: String(((await config.json()) as { error: { message: string } }).error.message).replace(key, "K"),
        tip: tip.status,
        tipBody: body.error.message.replace(key, "K"),
      };
    };
    expect(await asUnknown("to-disable")).toEqual(await asUnknown("never-registered"));
    expect((await asUnknown("to-disable")).config).toBe(404);
    expect(await tipsOfPartner()).toBe(1);
    expect(await partnerRow("to-disable")).toMatchObject({ disabled: 1 });
    const kit = await (await admin.get("/console/admin/partners/to-disable")).text();
    expect(kit).toContain(fr["partners.kit.disabledNotice"].replaceAll("’", "’"));
    expect(kit).not.toContain('<iframe class="preview"');
    expect(kit).not.toContain("/console/admin/partners/to-disable/poster");

    expect((await post("/console/admin/partners/to-disable/enable", {})).status).toBe(303);
    expect((await testApp.app.request("/api/v1/partners/to-disable/config")).status).toBe(200);

    const entries = [...(await auditOf("partner.disable")), ...(await auditOf("partner.enable"))];
    expect(entries.map((e) => JSON.parse(String(e.details)))).toEqual([
      { key: "to-disable", before: { disabled: false }, after: { disabled: true } },
      { key: "to-disable", before: { disabled: true }, after: { disabled: false } },
    ]);
    expect(entries.every((e) => e.actor === adminId && e.subject === partnerId)).toBe(true);
  });
});

describe("the poster", () => {
  it("carries the full-page address, the hotline's free number and the country's emergency numbers, in French and Arabic", async () => {
    const fr = await admin.get("/console/admin/partners/demo/poster?size=a4&lang=fr");
    expect(fr.status).toBe(200);
    const frHtml = await fr.text();
    expect(frHtml).toContain('class="sheet sheet--a4" lang="fr" dir="ltr"');
    expect(frHtml).toContain(`${HOTLINE}/report/demo`);
    // The Mauritania deployment's free number, and Mauritania's police (DOMAIN.md: 117).
    expect(frHtml).toContain("1916");
    expect(frHtml).toContain("<b>117</b>");
    const ar = await (await admin.get("/console/admin/partners/demo/poster?size=a5&lang=ar")).text();
    expect(ar).toContain('class="sheet sheet--a5" lang="ar" dir="rtl"');
    expect(ar).toContain(`${HOTLINE}/report/demo`);
  });
});
