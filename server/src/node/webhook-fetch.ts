import { lookup as systemLookup } from "node:dns/promises";
import { isIP, type LookupFunction } from "node:net";
import { Agent, type RequestInit as UndiciRequestInit, fetch as undiciFetch } from "undici";
import { literalAddress, nonPublicReason, WebhookAddressRefused } from "../delivery/webhook-address.js";

/** Every address a name resolves to. Injected in tests, which use no real DNS. */
export type Resolve = (hostname: string) => Promise<string[]>;

const systemResolve: Resolve = async (hostname) =>
  (await systemLookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

export type WebhookFetchOptions = {
  /** Development only: let webhooks reach this machine and private networks. */
  allowPrivate: boolean;
  resolve?: Resolve;
};

type Resolved = { address: string; family: number };

/**
 * A fetch for webhooks that refuses to connect to this machine, private networks, link-local (cloud metadata)
 * and other non-public addresses. The check sits in the connection's own DNS lookup, so the address judged is
 * the address connected to: a name that resolves to a public address when the URL is set and to 127.0.0.1
 * later (DNS rebinding) is refused at that later connection.
 */
export const createWebhookFetch = ({ allowPrivate, resolve = systemResolve }: WebhookFetchOptions): typeof fetch => {
  const refuseInside = (address: string) => {
    const reason = allowPrivate ? null : nonPublicReason(address);
    if (reason) throw new WebhookAddressRefused(reason);
  };

  const resolveChecked = async (hostname: string, family: number | undefined): Promise<Resolved[]> => {
    const addresses = await resolve(hostname);
    // One inside address refuses the name: a connection could be steered to any of them.
    for (const address of addresses) refuseInside(address);
    const usable = addresses.map((address) => ({ address, family: isIP(address) })).filter((a) => a.family !== 0);
    const wanted = family === 4 || family === 6 ? usable.filter((a) => a.family === family) : usable;
    if (wanted.length === 0) throw Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" });
    return wanted;
  };

  type Answer = (error: unknown, address?: string | Resolved[], family?: number) => void;
  const lookup = ((hostname: string, options: { family?: number; all?: boolean }, callback: Answer) => {
    resolveChecked(hostname, options.family).then(
      (found) => (options.all ? callback(null, found) : callback(null, found[0]?.address, found[0]?.family)),
      (error: unknown) => callback(error),
    );
  }) as unknown as LookupFunction;

  const dispatcher = new Agent({ connect: { lookup } });

  return (async (input: string | URL | Request, init?: RequestInit) => {
    if (input instanceof Request) throw new TypeError("the webhook fetch takes a URL and options, not a Request");
    const url = new URL(input);
    // A literal address is connected to without any lookup, so it is judged here.
    const literal = literalAddress(url.hostname);
    if (literal) refuseInside(literal);
    return undiciFetch(url, { ...(init as UndiciRequestInit), dispatcher });
  }) as unknown as typeof fetch;
};

/** The dispatcher's options on Node: the policy, and a fetch that holds it on the address actually connected to. */
export const nodeWebhookDelivery = (production: boolean) => ({
  production,
  fetch: createWebhookFetch({ allowPrivate: !production }),
});
