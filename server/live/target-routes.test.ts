/**
 * The targets API (`/mock/_control/targets`): set, list and delete a provider's real
 * server; which bases are allowed (loopback, LIVE_HOSTS) and which tricks are refused.
 */
import { describe, expect, it } from "vitest";
import { createMockApp } from "../app.ts";
import { parseLiveHosts } from "./live-hosts.ts";

const TARGETS = "http://localhost:4173/mock/_control/targets";
const JSON_TYPE = { "content-type": "application/json" };

function playground(liveHosts?: string) {
  const { app } = createMockApp({ liveHosts: parseLiveHosts(liveHosts) });
  return {
    put: (provider: string, body: unknown, headers: Record<string, string> = {}) =>
      app.request(`${TARGETS}/${provider}`, { method: "PUT", headers: { ...JSON_TYPE, ...headers }, body: typeof body === "string" ? body : JSON.stringify(body) }),
    get: (path = "") => app.request(`${TARGETS}${path}`),
    del: (provider: string, headers: Record<string, string> = {}) => app.request(`${TARGETS}/${provider}`, { method: "DELETE", headers }),
  };
}

describe("targets API", () => {
  it("PUT sets a provider's target, GET lists it, DELETE goes back to none", async () => {
    const pg = playground();
    expect(await (await pg.get()).json()).toEqual({ targets: {} });
    const put = await pg.put("spring", { base: "http://localhost:8090" });
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual({ provider: "spring", base: "http://localhost:8090", relay: "/live/spring" });
    await pg.put("pigai", { base: "http://127.0.0.1:8091/mock/pigai/" });
    expect(await (await pg.get()).json()).toEqual({ targets: { spring: { base: "http://localhost:8090" }, pigai: { base: "http://127.0.0.1:8091/mock/pigai" } } });
    expect(await (await pg.get("/spring")).json()).toEqual({ provider: "spring", base: "http://localhost:8090", relay: "/live/spring" });
    const del = await pg.del("spring");
    expect(del.status).toBe(200);
    expect(await del.json()).toEqual({ provider: "spring", base: null, relay: "/live/spring" });
    expect(await (await pg.get()).json()).toEqual({ targets: { pigai: { base: "http://127.0.0.1:8091/mock/pigai" } } });
  });

  it("a reset of the mock leaves the targets alone", async () => {
    const { app } = createMockApp();
    await app.request(`${TARGETS}/spring`, { method: "PUT", headers: JSON_TYPE, body: '{"base":"http://localhost:8090"}' });
    await app.request("http://localhost:4173/mock/_control/reset", { method: "POST" });
    expect(await (await app.request(TARGETS)).json()).toEqual({ targets: { spring: { base: "http://localhost:8090" } } });
  });

  it("an unknown provider gets 404 JSON, whatever the method", async () => {
    const pg = playground();
    for (const res of [await pg.put("github", { base: "http://localhost:8090" }), await pg.get("/github"), await pg.del("github")]) {
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ error: "unknown_provider", error_description: expect.stringContaining("spring") });
    }
    expect(await (await pg.get()).json()).toEqual({ targets: {} });
  });

  it("a body that is not {\"base\": string} gets 400 JSON with an example", async () => {
    const pg = playground();
    for (const body of ["", "{", "[]", '{"base":8090}', '{"url":"http://localhost:8090"}', JSON.stringify({ base: "x".repeat(3000) })]) {
      const res = await pg.put("spring", body);
      expect(res.status, body.slice(0, 40)).toBe(400);
      const answer = await res.json();
      expect(answer.error).toBe("invalid_target");
      expect(answer.error_description, body.slice(0, 40)).toMatch(/"base"|2048 bytes|LIVE_HOSTS/);
    }
  });

  it("has the control API's write guards: 403 cross-site, 415 non-JSON, 413 too big", async () => {
    const pg = playground();
    const good = { base: "http://localhost:8090" };
    expect((await pg.put("spring", good, { origin: "http://evil.example" })).status).toBe(403);
    expect((await pg.put("spring", good, { "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await pg.del("spring", { origin: "null" })).status).toBe(403);
    expect((await pg.put("spring", "base=http://localhost:8090", { "content-type": "application/x-www-form-urlencoded" })).status).toBe(415);
    expect((await pg.put("spring", "base=http://localhost:8090", { "content-type": "text/plain" })).status).toBe(415);
    expect((await pg.put("spring", JSON.stringify({ base: "http://localhost:8090", pad: "x".repeat(70_000) }))).status).toBe(413);
    expect(await (await pg.get()).json()).toEqual({ targets: {} });
    expect((await pg.put("spring", good, { origin: "http://localhost:4173" })).status).toBe(200);
  });
});

describe("which bases are allowed", () => {
  /** Each base with what it is stored as. */
  const accepted: Array<[string, string]> = [
    ["http://localhost:8090", "http://localhost:8090"],
    ["https://localhost", "https://localhost"],
    ["http://127.0.0.1:8080/", "http://127.0.0.1:8080"],
    ["http://127.255.3.4:1", "http://127.255.3.4:1"],
    ["http://[::1]:8090/auth", "http://[::1]:8090/auth"],
    ["http://localhost:8090/auth/", "http://localhost:8090/auth"],
    ["  http://localhost:8090  ", "http://localhost:8090"],
    // Host names are caseless: upper case is no trick, and is stored as the parser writes it.
    ["HTTP://LOCALHOST:8090/Auth", "http://localhost:8090/Auth"],
    ["http://localhost:80", "http://localhost"],
  ];
  it.each(accepted)("accepts %s (stored as %s)", async (base, stored) => {
    const res = await playground().put("spring", { base });
    expect(res.status).toBe(200);
    expect((await res.json()).base).toBe(stored);
  });

  const refused: Array<[string, string]> = [
    ["http://localhost@evil.example", "credentials, and the host is evil.example"],
    ["http://user:pw@localhost:8090", "credentials"],
    ["http://127.0.0.1.evil.example", "a name under evil.example"],
    ["http://localhost.evil.example", "a name under evil.example"],
    ["http://evil.example/localhost", "another host"],
    ["http://[::ffff:7f00:1]", "IPv4-mapped IPv6 is not [::1]"],
    ["http://[::ffff:127.0.0.1]", "IPv4-mapped IPv6 is not [::1]"],
    ["http://[0:0:0:0:0:0:0:1]", "[::1] spelt long"],
    ["http://2130706433", "127.0.0.1 in decimal"],
    ["http://0177.0.0.1", "octal"],
    ["http://0x7f.0.0.1", "hex"],
    ["http://0x7f000001", "hex"],
    ["http://127.1", "short form"],
    ["http://127.0.0.1.", "trailing dot"],
    ["http://localhost.", "trailing dot: a DNS name, not localhost"],
    ["http://foo.localhost", "a name that resolves to loopback is not loopback"],
    ["http://127.0.0.1.nip.io", "a name that resolves to loopback is not loopback"],
    ["http://ⓛocalhost", "IDN that maps to localhost"],
    ["http://ｌｏｃａｌｈｏｓｔ", "full-width localhost"],
    ["http://%6cocalhost", "percent-escaped host"],
    ["http://local\thost", "a tab the parser drops"],
    ["http://localhost:8090?x=1", "query"],
    ["http://localhost:8090/#top", "fragment"],
    ["http://localhost:/", "empty port"],
    ["http://localhost:99999", "not a port"],
    ["ftp://localhost", "scheme"],
    ["file:///etc/passwd", "scheme"],
    ["javascript:alert(1)", "scheme"],
    ["//localhost:8090", "no scheme"],
    ["localhost:8090", "no scheme"],
    ["http://10.0.0.5:8443", "private, not loopback"],
    ["http://0.0.0.0:8090", "any-address, not loopback"],
    ["http://[::]:8090", "any-address, not loopback"],
    ["http://169.254.169.254/latest/meta-data", "cloud metadata"],
    ["http:\\\\localhost\\", "backslashes"],
  ];
  it.each(refused)("refuses %s (%s) with 400 naming LIVE_HOSTS", async (base) => {
    const res = await playground().put("spring", { base });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/json");
    const body = await res.json();
    expect(body.error).toBe("invalid_target");
    expect(body.error_description).toContain("LIVE_HOSTS");
    expect(body.error_description).toContain("LIVE_HOSTS=auth.staging.example");
  });

  it("names the canonical spelling of an address written another way", async () => {
    const body = await (await playground().put("spring", { base: "http://2130706433:8090" })).json();
    expect(body.error_description).toContain("Write the host as 127.0.0.1");
  });

  it("never reflects an unparsed base", async () => {
    const body = await (await playground().put("spring", { base: "http://<script>alert(1)</script>" })).text();
    expect(body).not.toContain("<script>");
  });

  it("accepts LIVE_HOSTS entries: a name on any port, host:port on that port only, nothing under them", async () => {
    const pg = playground("Auth.Staging.Example, 10.0.0.5:8443, [fd00::5]:9000");
    const ok = async (base: string) => (await pg.put("spring", { base })).status;
    expect(await ok("https://auth.staging.example")).toBe(200);
    expect(await ok("http://auth.staging.example:8080/oauth")).toBe(200);
    expect(await ok("https://10.0.0.5:8443")).toBe(200);
    expect(await ok("http://[fd00::5]:9000")).toBe(200);
    expect(await ok("https://10.0.0.5")).toBe(400);
    expect(await ok("http://10.0.0.5:8444")).toBe(400);
    expect(await ok("http://[fd00::5]:9001")).toBe(400);
    expect(await ok("http://evil.auth.staging.example")).toBe(400);
    expect(await ok("http://auth.staging.example.evil.example")).toBe(400);
    expect(await ok("http://staging.example")).toBe(400);
  });

  it("refuses a LIVE_HOSTS entry no base could match, at start", () => {
    for (const bad of ["bad host", "http://x.example", "ⓛocalhost", "x.example:0", "x.example:70000", "x.example/path", "2130706433"]) {
      expect(() => parseLiveHosts(bad), bad).toThrow(/LIVE_HOSTS/);
    }
    expect(parseLiveHosts(" a.example , b.example:8443 ,")).toEqual([{ host: "a.example" }, { host: "b.example", port: 8443 }]);
  });
});
