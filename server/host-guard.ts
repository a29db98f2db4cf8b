import type { Context, MiddlewareHandler } from "hono";
import { localEndpoint } from "./node-adapter.ts";

/** Which Hosts the playground answers to, besides localhost and loopback addresses on its own port. */
export interface HostRules {
  /** `host:port` entries of ALLOWED_HOSTS. */
  readonly exact: ReadonlySet<string>;
  /** ALLOWED_HOSTS names given without a port: served on any port. */
  readonly anyPort: ReadonlySet<string>;
}

const NAME = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/;

/** ALLOWED_HOSTS (`team.example,10.0.0.5:4173`): names in lower case; anything that is not a host or host:port is refused. */
export function parseAllowedHosts(value: string | undefined): string[] {
  const hosts = (value ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  const bad = hosts.filter((h) => !NAME.test(h));
  if (bad.length > 0) throw new Error(`ALLOWED_HOSTS: not a host or host:port: ${bad.join(", ")}`);
  return hosts;
}

export function hostRules(allowedHosts: readonly string[] = []): HostRules {
  return {
    exact: new Set(allowedHosts.filter((h) => /:\d+$/.test(h))),
    anyPort: new Set(allowedHosts.filter((h) => !/:\d+$/.test(h))),
  };
}

/** The request's authority (`host[:port]`, lower case) as its URL has it: from Host, or from an absolute-form target. */
export function requestAuthority(c: Context): string {
  const url = c.req.url;
  const start = url.indexOf("//") + 2;
  const end = url.indexOf("/", start);
  return url.slice(start, end < 0 ? url.length : end).toLowerCase();
}

const LOOPBACK_V4 = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "[::1]"];

/** The authorities a connection on `port` may be addressed by. */
function namesFor(port: number): Set<string> {
  return new Set(port === 80 ? [...LOOPBACK_NAMES, ...LOOPBACK_NAMES.map((n) => `${n}:80`)] : LOOPBACK_NAMES.map((n) => `${n}:${port}`));
}

/** The socket's own address as a Host would spell it: IPv6 in brackets, IPv4-mapped addresses as IPv4. */
function hostOfAddress(address: string): string {
  if (address.startsWith("::ffff:") && address.includes(".")) return address.slice(7);
  return address.includes(":") ? `[${address}]` : address;
}

/**
 * Decides Hosts. The common case is one Set lookup (the names for the socket's port are
 * built once per port); only a Host that misses it is taken apart. Without a socket
 * (app.request() in tests) there is no port to hold a Host to, so only its name counts.
 */
export function hostChecker(rules: HostRules): (authority: string, c: Context) => boolean {
  const byPort = new Map<number, Set<string>>();
  const known = (port: number) => {
    let names = byPort.get(port);
    if (!names) byPort.set(port, (names = new Set([...namesFor(port), ...rules.exact])));
    return names;
  };
  const loopback = (name: string) => LOOPBACK_NAMES.includes(name) || LOOPBACK_V4.test(name);
  const slow = (authority: string, endpoint: { address: string; port: number } | undefined) => {
    const match = NAME.exec(authority);
    if (!match) return false;
    const name = match[1]!;
    if (rules.anyPort.has(name)) return true;
    if (!endpoint) return loopback(name) || rules.exact.has(authority);
    if (Number(match[2]?.slice(1) ?? 80) !== endpoint.port) return false;
    return loopback(name) || name === hostOfAddress(endpoint.address);
  };
  return (authority, c) => {
    const endpoint = localEndpoint(c);
    return (endpoint !== undefined && known(endpoint.port).has(authority)) || slow(authority, endpoint);
  };
}

/**
 * DNS rebinding: a page on evil.example that rebinds its name to 127.0.0.1 reaches this
 * server with `Host: evil.example`. Only the server's own names are served; every URL
 * the app builds (redirects, recorded URLs) comes from a Host checked here.
 */
export function hostGuard(rules: HostRules): MiddlewareHandler {
  const isOwn = hostChecker(rules);
  return async (c, next) => {
    const authority = requestAuthority(c);
    const header = c.req.header("host")?.toLowerCase();
    if (isOwn(authority, c) && (header === undefined || header === authority || isOwn(header, c))) return next();
    return c.json(
      { error: "misdirected_request", error_description: "This Host is not one the playground serves. To reach it by another name, list that name in ALLOWED_HOSTS (e.g. ALLOWED_HOSTS=team.example)." },
      421,
    );
  };
}
