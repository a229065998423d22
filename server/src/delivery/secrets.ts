import { encodeBase64 } from "hono/utils/encode";
import type { Keys } from "../security/keys.js";
import { seal, unseal } from "../security/seal.js";

const SECRET_BYTES = 32;
const PREFIX = "whsec_";

export const webhookSecretContext = (agencyId: string) => `agency:${agencyId}:webhook`;

/** A Standard Webhooks signing secret: `whsec_` and base64 of random bytes, the form its libraries read. */
export const generateWebhookSecret = (): string =>
  PREFIX + encodeBase64(crypto.getRandomValues(new Uint8Array(SECRET_BYTES)).buffer);

export const sealWebhookSecret = (keys: Pick<Keys, "seal" | "keyId">, agencyId: string, secret: string) =>
  seal(keys, webhookSecretContext(agencyId), secret);

export const unsealWebhookSecret = (keys: Pick<Keys, "seal" | "keyId">, agencyId: string, sealed: string) =>
  unseal<string>(keys, webhookSecretContext(agencyId), sealed);
