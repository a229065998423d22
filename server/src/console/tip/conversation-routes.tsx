import { codePointLength, NARRATIVE_MAX } from "@balagh/shared";
import { Hono } from "hono";
import type { Services } from "../../deps.js";
import { acknowledgementOf } from "../../followup/acknowledgement.js";
import { type HotlineSettings, readHotlineSettings } from "../../settings/hotline.js";
import { type Conversation, readConversation, replyToReporter } from "../../tips/conversation.js";
import { requireViewer } from "../guard.js";
import type { Translate } from "../i18n.js";
import { errorPage } from "../pages/errors.js";
import { textOf } from "../render.js";
import type { ConsoleEnv, SignedInViewer } from "../types.js";
import { ConversationMessages, type ConversationView, REPLY_FIELD, type ReplyTemplate } from "./conversation.js";
import { tipPath } from "./history.js";
import { loadWorkspace } from "./load.js";
import { replyReminderMs } from "./reply-reminder.js";
import { workspacePage } from "./workspace.js";

type Texts = Partial<Record<string, string>>;

const firstOf = (texts: Texts, languages: string[]) =>
  languages.map((l) => texts[l]).find((text) => text !== undefined) ?? Object.values(texts)[0] ?? "";

/**
 * The deployment's ready answers: titles in the member's language (they choose), bodies in the
 * tip's language when the template has it (the reporter reads them), else in the member's.
 */
const templatesFor = (settings: HotlineSettings, viewer: SignedInViewer, tipLanguage: string) =>
  (settings.replyTemplates ?? []).map(
    (template): ReplyTemplate => ({
      id: template.id,
      title: firstOf(template.title, [viewer.language, "fr"]),
      body: firstOf(template.body, [tipLanguage, viewer.language, "fr"]),
    }),
  );

/** What every reporter was told when the tip was filed, as the reporter's side shows it. */
const automaticAcknowledgement = (conversation: Conversation) => {
  const { body, sentAt } = acknowledgementOf(conversation.language, conversation.receivedAt);
  return { text: body, at: sentAt };
};

/** The conversation part of the workspace, read (and audited) for this member; null out of scope. */
export const conversationView = async (
  services: Services,
  viewer: SignedInViewer,
  tipId: string,
  options: { template?: string | undefined; draft?: string; error?: string; done?: boolean } = {},
): Promise<ConversationView | null> => {
  const now = services.now();
  const conversation = await readConversation(services.db, services.keys, viewer, tipId, now);
  if (!conversation) return null;
  const settings = await readHotlineSettings(services.db);
  const templates = templatesFor(settings, viewer, conversation.language);
  const chosen = templates.find((template) => template.id === options.template);
  return {
    conversation,
    acknowledgement: automaticAcknowledgement(conversation),
    templates,
    reminderMs: replyReminderMs(settings),
    now,
    draft: options.draft ?? chosen?.body ?? "",
    error: options.error ?? null,
    done: options.done ?? false,
  };
};

/** The same three ways the tips module refuses free text, said in the member's language. */
const replyProblem = (t: Translate, text: string) => {
  if (text.trim() === "") return t("followup.error.empty");
  const length = codePointLength(text);
  if (length > NARRATIVE_MAX) return t("tip.error.tooLong", { length, max: NARRATIVE_MAX });
  return t("tip.error.control");
};

/**
 * GET /console/tips/:id/conversation (the messages alone, for the workspace's live script) and
 * POST /console/tips/:id/reply. Out of scope or missing: the same 404 as the workspace.
 */
export const conversationRoutes = (services: Services) =>
  new Hono<ConsoleEnv>()
    .get("/tips/:id/conversation", requireViewer(services), async (c) => {
      const view = await conversationView(services, c.var.viewer, c.req.param("id"));
      if (!view) return errorPage(c, "notFound");
      c.header("Cache-Control", "no-store");
      return c.html(<ConversationMessages t={textOf(c)} language={c.var.language} view={view} />);
    })
    .post("/tips/:id/reply", requireViewer(services), async (c) => {
      const tipId = c.req.param("id");
      const form = await c.req.parseBody();
      const reply = typeof form[REPLY_FIELD] === "string" ? form[REPLY_FIELD] : "";
      const viewer = c.var.viewer;
      const result = await replyToReporter(
        { db: services.db, keys: services.keys, viewer, now: services.now() },
        tipId,
        reply,
      );
      if (result.ok) return c.redirect(`${tipPath(tipId)}?done=reply#conversation`, 303);
      if (result.reason !== "invalid") return errorPage(c, result.reason === "not_found" ? "notFound" : "forbidden");
      const conversation = await conversationView(services, viewer, tipId, {
        draft: reply,
        error: replyProblem(textOf(c), reply),
      });
      const workspace = await loadWorkspace(services, viewer, tipId);
      if (!workspace || !conversation) return errorPage(c, "notFound");
      return workspacePage(c, workspace, { conversation });
    });
