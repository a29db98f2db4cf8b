import { LIVE_HOSTS_EXAMPLE, type LiveHost } from "./live-hosts.ts";

/** A base the relay may reach: `http(s)://host[:port][/path]`, as the URL parser writes it, no trailing slash. */
export type LiveBase = string & { readonly __liveBase: unique symbol };

export type BaseCheck = { ok: true; base: LiveBase } | { ok: false; reason: string };

/** Longest base accepted, in bytes (it is stored per workspace and sent back in every listing). */
export const MAX_BASE_BYTES = 2048;

const SCHEME = /^(https?):\/\//i;
/** The authority as typed: up to the first character that ends it (the parser treats `\` as `/` in http URLs). */
const AUTHORITY = /^[^/?#\\]*/;
const HOST_AND_PORT = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/;
const LOOPBACK_V4 = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

export const isLoopbackHost = (hostname: string) => hostname === "localhost" || hostname === "[::1]" || LOOPBACK_V4.test(hostname);

const refuse = (why: string): BaseCheck => ({
  ok: false,
  reason: `${why} A live target must be on localhost, 127.0.0.0/8 or [::1], or on a host listed in LIVE_HOSTS when the playground is started (comma-separated host or host:port, e.g. ${LIVE_HOSTS_EXAMPLE}).`,
});

function parse(input: string): URL | undefined {
  try {
    return new URL(input);
  } catch {
    return undefined;
  }
}

/**
 * Decides whether a live target's base is allowed. The check is on the parsed URL, and the
 * host must be written the way the parser writes it: a spelling the parser rewrites (an IPv4
 * address in decimal, octal or hex, `127.0.0.1.`, percent-escapes, a Unicode name that maps to
 * `localhost`, `[0:0::1]`) is refused with the canonical spelling, so what the user reads is
 * what the relay connects to. Only upper case is taken as is (host names are caseless).
 * Names that merely resolve to loopback (`localhost.`, `*.localhost`, nip.io) are not loopback.
 */
export function checkLiveBase(input: string, liveHosts: readonly LiveHost[]): BaseCheck {
  const text = input.trim();
  if (Buffer.byteLength(text) > MAX_BASE_BYTES) return refuse(`The base is longer than ${MAX_BASE_BYTES} bytes.`);
  const scheme = SCHEME.exec(text);
  if (!scheme) return refuse("The base must be an http: or https: URL such as http://localhost:8090.");
  const typed = AUTHORITY.exec(text.slice(scheme[0].length))![0];
  const url = parse(text);
  if (!url) return refuse("The base is not a URL.");
  if (typed.includes("@") || url.username !== "" || url.password !== "") return refuse("The base may not carry credentials (user:password@).");
  if (text.includes("?") || text.includes("#")) return refuse("The base may not carry a query or a fragment; a path prefix such as /auth is fine.");
  const [, typedHost = "", typedPort] = HOST_AND_PORT.exec(typed) ?? [];
  if (typedPort === "") return refuse("The base's port is empty.");
  const hostname = url.hostname;
  if (typedHost.toLowerCase() !== hostname) return refuse(`Write the host as ${hostname}, the way the URL parser reads it: ${typedHost === "" ? "it is empty" : "other spellings of an address are refused"}.`);
  const port = url.port === "" ? (url.protocol === "https:" ? 443 : 80) : Number(url.port);
  const listed = liveHosts.some((h) => h.host === hostname && (h.port === undefined || h.port === port));
  if (!isLoopbackHost(hostname) && !listed) return refuse(`${url.host} is neither a loopback address nor listed in LIVE_HOSTS.`);
  const path = url.pathname.replace(/\/+$/, "");
  return { ok: true, base: `${url.protocol}//${url.host}${path}` as LiveBase };
}
