import { hashPassword, UNKNOWN_ACCOUNT_HASH, verifyPassword } from "../../server/src/staff/password.js";

/** Bundled alone for the edge bench: one sign-in's password check (or a new hash) per request, nothing else. */
export default {
  async fetch(request: Request): Promise<Response> {
    const path = new URL(request.url).pathname;
    if (path === "/verify")
      return new Response(String(await verifyPassword("a long and private passphrase", UNKNOWN_ACCOUNT_HASH)));
    if (path === "/hash") return new Response(await hashPassword("a long and private passphrase"));
    return new Response("nothing");
  },
};
