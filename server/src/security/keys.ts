import { bytesToHex } from "@noble/hashes/utils.js";
import { decodeBase64 } from "hono/utils/encode";
import { cryptoBackend } from "./crypto-backend.js";

export const MASTER_KEY_BYTES = 32;

/** Everything the server derives from BALAGH_MASTER_KEY; one purpose per key so that none can stand in for another. */
export type Keys = {
  keyId: string;
  seal: CryptoKey;
  receipt: CryptoKey;
  clientAddress: CryptoKey;
  fingerprint: CryptoKey;
  captcha: CryptoKey;
  altchaSecret: string;
};

const encoder = new TextEncoder();

export const decodeMasterKey = (base64: string): Uint8Array<ArrayBuffer> => {
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = decodeBase64(base64.trim());
  } catch {
    throw new Error("BALAGH_MASTER_KEY is not valid base64");
  }
  if (bytes.length !== MASTER_KEY_BYTES) {
    throw new Error(`BALAGH_MASTER_KEY must be ${MASTER_KEY_BYTES} random bytes in base64 (got ${bytes.length} bytes)`);
  }
  return bytes;
};

const hkdfBits = async (master: CryptoKey, info: string, bits = 256) =>
  new Uint8Array(
    await crypto.subtle.deriveBits(
      { name: "HKDF", hash: "SHA-256", salt: encoder.encode("balagh"), info: encoder.encode(info) },
      master,
      bits,
    ),
  );

const hmacKey = async (master: CryptoKey, info: string) =>
  crypto.subtle.importKey("raw", await hkdfBits(master, info), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);

export const deriveKeys = async (masterKeyBase64: string): Promise<Keys> => {
  const master = await crypto.subtle.importKey("raw", decodeMasterKey(masterKeyBase64), "HKDF", false, ["deriveBits"]);
  const sealBits = await hkdfBits(master, "balagh/seal/v1");
  return {
    keyId: bytesToHex(await hkdfBits(master, "balagh/key-id/v1", 32)),
    seal: await crypto.subtle.importKey("raw", sealBits, "AES-GCM", false, ["encrypt", "decrypt"]),
    receipt: await hmacKey(master, "balagh/receipt/v1"),
    clientAddress: await hmacKey(master, "balagh/client-address/v1"),
    fingerprint: await hmacKey(master, "balagh/idempotency-fingerprint/v1"),
    captcha: await hmacKey(master, "balagh/captcha-spent/v1"),
    altchaSecret: bytesToHex(await hkdfBits(master, "balagh/altcha/v1")),
  };
};

export const hmacHex = async (key: CryptoKey | Promise<CryptoKey>, message: string): Promise<string> =>
  bytesToHex(await cryptoBackend().hmacSha256(await key, encoder.encode(message)));

/** A fresh master key, base64, for demo mode and for operators (`pnpm balagh keygen`). */
export const generateMasterKey = (): string => {
  const bytes = crypto.getRandomValues(new Uint8Array(MASTER_KEY_BYTES));
  return btoa(String.fromCharCode(...bytes));
};
