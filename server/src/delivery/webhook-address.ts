import ipaddr from "ipaddr.js";

// IANA allocates global unicast from 2000::/3 only; ipaddr.js calls some other IPv6 space "unicast"
// (e.g. the deprecated IPv4-compatible ::7f00:1), which must not pass for a public address.
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR("2000::/3");

const READABLE: Record<string, string> = {
  loopback: "a loopback address (this machine)",
  private: "a private network address",
  uniqueLocal: "a private network address (unique local)",
  linkLocal: "a link-local address (where cloud metadata services answer)",
  carrierGradeNat: "a carrier-grade NAT address",
  unspecified: "an unspecified address",
  multicast: "a multicast address",
  broadcast: "a broadcast address",
};

/** A bare IP address (no brackets), or null for a name. */
export const literalAddress = (hostname: string): string | null => {
  const bare = hostname.replace(/^\[(.*)\]$/, "$1");
  return ipaddr.isValid(bare) ? bare : null;
};

/** RFC 6761: every name under .localhost is this machine. */
export const isLocalhostName = (hostname: string) => {
  const name = hostname.toLowerCase().replace(/\.$/, "");
  return name === "localhost" || name.endsWith(".localhost");
};

/**
 * Why `address` is not on the public internet, in words, or null when it is. IPv4-mapped IPv6
 * (::ffff:127.0.0.1) is judged as the IPv4 address it carries.
 */
export const nonPublicReason = (address: string): string | null => {
  const ip = ipaddr.process(address);
  const range = ip.range();
  if (range === "unicast" && (ip.kind() === "ipv4" || ip.match(GLOBAL_UNICAST_V6))) return null;
  return `${ip.toString()} is ${READABLE[range] ?? `not a public address (${range})`}`;
};

/** Thrown where a webhook connection would reach an address inside the hotline's networks. */
export class WebhookAddressRefused extends Error {
  override name = "WebhookAddressRefused";
}
