import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { Hono } from "hono";
import { CONSOLE_CSS } from "./console-css.js";
import { CONVERSATION_CSS } from "./conversation-css.js";
import { CONVERSATION_JS } from "./conversation-js.js";
import { QUEUE_CSS } from "./queue-css.js";
import { QUEUE_JS } from "./queue-js.js";
import { TIP_CSS } from "./tip-css.js";

const contentHash = (text: string) => bytesToHex(sha256(utf8ToBytes(text))).slice(0, 16);

/** The name changes whenever the content does, so the file may be cached for good. */
export const CONSOLE_CSS_PATH = `/console/assets/console.${contentHash(CONSOLE_CSS)}.css`;

export const QUEUE_CSS_PATH = `/console/assets/queue.${contentHash(QUEUE_CSS)}.css`;
export const TIP_CSS_PATH = `/console/assets/tip.${contentHash(TIP_CSS)}.css`;
export const QUEUE_JS_PATH = `/console/assets/queue.${contentHash(QUEUE_JS)}.js`;
export const CONVERSATION_CSS_PATH = `/console/assets/conversation.${contentHash(CONVERSATION_CSS)}.css`;
export const CONVERSATION_JS_PATH = `/console/assets/conversation.${contentHash(CONVERSATION_JS)}.js`;

export const IMMUTABLE = "public, max-age=31536000, immutable";

export const assetRoutes = () =>
  new Hono()
    .get(CONSOLE_CSS_PATH.replace("/console", ""), (c) =>
      c.body(CONSOLE_CSS, 200, { "Content-Type": "text/css; charset=utf-8", "Cache-Control": IMMUTABLE }),
    )
    .get(QUEUE_CSS_PATH.replace("/console", ""), (c) =>
      c.body(QUEUE_CSS, 200, { "Content-Type": "text/css; charset=utf-8", "Cache-Control": IMMUTABLE }),
    )
    .get(TIP_CSS_PATH.replace("/console", ""), (c) =>
      c.body(TIP_CSS, 200, { "Content-Type": "text/css; charset=utf-8", "Cache-Control": IMMUTABLE }),
    )
    .get(QUEUE_JS_PATH.replace("/console", ""), (c) =>
      c.body(QUEUE_JS, 200, { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": IMMUTABLE }),
    )
    .get(CONVERSATION_CSS_PATH.replace("/console", ""), (c) =>
      c.body(CONVERSATION_CSS, 200, { "Content-Type": "text/css; charset=utf-8", "Cache-Control": IMMUTABLE }),
    )
    .get(CONVERSATION_JS_PATH.replace("/console", ""), (c) =>
      c.body(CONVERSATION_JS, 200, { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": IMMUTABLE }),
    );
