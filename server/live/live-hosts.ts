/** One LIVE_HOSTS entry: a host name (lower case, as a URL parser writes it) and, optionally, its one port. */
export interface LiveHost {
  host: string;
  /** Undefined: any port of that host. */
  port?: number;
}

const ENTRY = /^(\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)(?::(\d{1,5}))?$/;

/** The example every refusal shows. */
export const LIVE_HOSTS_EXAMPLE = "LIVE_HOSTS=auth.staging.example,10.0.0.5:8443 npm start";

/**
 * LIVE_HOSTS (`auth.staging.example,10.0.0.5:8443`): the hosts besides loopback a live target
 * may be on. Each entry is checked as the URL parser would write the host, so an entry that
 * no base can match (upper case aside) is refused at start rather than silently never matching.
 */
export function parseLiveHosts(value: string | undefined): LiveHost[] {
  const entries = (value ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  return entries.map((entry) => {
    const match = ENTRY.exec(entry);
    const port = match?.[2] === undefined ? undefined : Number(match[2]);
    const canonical = match && URL.parse(`http://${match[1]}`)?.hostname === match[1];
    if (!match || !canonical || (port !== undefined && (port < 1 || port > 65535))) {
      throw new Error(`LIVE_HOSTS: not a host or host:port as a URL writes it (ASCII, xn-- for other scripts): ${entry}`);
    }
    return port === undefined ? { host: match[1]! } : { host: match[1]!, port };
  });
}

/**
 * The script sources a live target's JSONP may come from, for the SPA's CSP: loopback by
 * name (CSP matches IP addresses only as written, so 127.0.0.1 stands for 127.0.0.0/8; and
 * it has no syntax for IPv6 literals, so [::1] is not listed) and each LIVE_HOSTS entry,
 * each over http and https.
 */
export function liveScriptSources(hosts: readonly LiveHost[]): string[] {
  const authorities = ["localhost:*", "127.0.0.1:*", ...hosts.filter((h) => !h.host.startsWith("[")).map((h) => `${h.host}:${h.port ?? "*"}`)];
  return [...new Set(authorities)].flatMap((authority) => [`http://${authority}`, `https://${authority}`]);
}
