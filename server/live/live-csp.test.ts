/** The SPA's CSP lets a live target's JSONP load straight from the real server, and nothing wider. */
import { describe, expect, it } from "vitest";
import { spaContentSecurityPolicy } from "../spa-headers.ts";
import { liveScriptSources, parseLiveHosts } from "./live-hosts.ts";

const scriptSrc = (policy: string) => policy.split("; ").find((d) => d.startsWith("script-src "))!.split(" ").slice(1);

describe("the SPA's script-src with live targets", () => {
  it("allows loopback origins over http and https, on any port", () => {
    expect(scriptSrc(spaContentSecurityPolicy({ scriptSources: liveScriptSources([]) }))).toEqual([
      "'self'",
      "http://localhost:*",
      "https://localhost:*",
      "http://127.0.0.1:*",
      "https://127.0.0.1:*",
    ]);
  });

  it("adds each LIVE_HOSTS entry: a name on any port, host:port on that port", () => {
    const sources = scriptSrc(spaContentSecurityPolicy({ scriptSources: liveScriptSources(parseLiveHosts("auth.staging.example,10.0.0.5:8443")) }));
    expect(sources).toContain("http://auth.staging.example:*");
    expect(sources).toContain("https://auth.staging.example:*");
    expect(sources).toContain("http://10.0.0.5:8443");
    expect(sources).toContain("https://10.0.0.5:8443");
    expect(sources).toHaveLength(9);
  });

  it("allows no wildcard host, no scheme-only source and no inline or eval'd script", () => {
    const policy = spaContentSecurityPolicy({ scriptSources: liveScriptSources(parseLiveHosts("auth.staging.example,[fd00::5]:9000")) });
    for (const source of scriptSrc(policy).slice(1)) expect(source).toMatch(/^https?:\/\/[a-z0-9.-]+:(\*|\d+)$/);
    expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*\.| https?: |script-src[^;]* \*[ ;]/);
    expect(policy).toContain("connect-src 'self'");
  });
});
