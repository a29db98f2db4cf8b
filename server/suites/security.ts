/**
 * Security invariants of every registered provider, from what its mock entry's probes say it
 * has: no reflected XSS in its pages or JSONP, page security headers, JSONP callbacks
 * restricted, redirects only to exactly registered URIs (state echoed unchanged), single-use
 * codes whose replay revokes every token descending from them, and request bodies capped with a
 * 413 in the provider's envelope (over a real socket too, keeping the connection usable). Each
 * check runs in the default workspace and under a created one's /w/<id> prefix.
 * Each check throws on a violation, so a test can also show it catches a broken provider.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "../kit/http.ts";
import type { MockEntry } from "../kit/provider.ts";
import { probeClient, type ProbeClient } from "../kit/probes.ts";
import { mockClient } from "../testing.ts";
import { jsonpCall } from "./jsonp.ts";

type Mock = ReturnType<typeof mockClient>;

export const XSS_PAYLOADS = [
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  '" onmouseover="alert(1)" x="',
  "</title><script>alert(1)</script>",
  "<svg/onload=alert(1)>",
  "</textarea></style></script><script>alert(1)</script>",
];

/** Where a check runs: the default workspace, or one created for it (under /w/<id>). */
export type SuitePlace = "default" | "workspace";

/** A fresh app with the given providers, the prefix of the place in it, and a client for one provider there. */
async function world(entries: readonly MockEntry[], entry: MockEntry, place: SuitePlace): Promise<{ mock: Mock; client: ProbeClient; prefix: string }> {
  const mock = mockClient({ entries });
  const prefix = place === "workspace" ? (await mock.createWorkspace()).base : "";
  return { mock, client: probeClient(mock.app, `${prefix}${entry.contract.mockBase}`), prefix };
}

const matchesEnvelope = (entry: MockEntry, body: unknown) => entry.contract.schemas.errors.some((schema) => schema.safeParse(body).success);

/**
 * The page's markup skeleton: every tag with its attribute names, in order.
 * Attribute values are all double-quoted in these pages, so a value that broke
 * out of its quotes or text would add tags or attributes to the skeleton.
 */
function skeleton(html: string): string[] {
  const tags: string[] = [];
  const tag = /<(\/?[a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/?>/g;
  const attr = /\s+([^\s"'>/=]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?/g;
  for (const m of html.matchAll(tag)) tags.push(`${m[1]!.toLowerCase()}[${[...m[2]!.matchAll(attr)].map((a) => a[1]!.toLowerCase()).join(",")}]`);
  return tags;
}

export function assertPageHeaders(res: Response): void {
  expect(res.headers.get("content-type")).toMatch(/^text\/html/);
  const csp = res.headers.get("content-security-policy") ?? "";
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toMatch(/script-src/); // no script may run on these pages at all
  expect(res.headers.get("x-frame-options")).toBe("DENY");
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
}

/** Fetches the same page with the payload and with a benign value: the markup must not differ. */
export async function assertEscaped(payload: string, fetchPage: (value: string) => Promise<Response>, expectStatus: number): Promise<string> {
  const withPayload = await fetchPage(payload);
  const benign = await fetchPage("benign-value");
  expect(withPayload.status).toBe(expectStatus);
  expect(benign.status).toBe(expectStatus);
  expect(withPayload.headers.get("location")).toBeNull();
  assertPageHeaders(withPayload);
  const html = await withPayload.text();
  expect(html).not.toContain(payload);
  expect(html).not.toMatch(/<(script|img|svg|iframe)\b/i);
  const tags = skeleton(html);
  expect(tags.some((t) => /[[,]on[a-z]+[,\]]/.test(t))).toBe(false);
  expect(tags).toEqual(skeleton(await benign.text()));
  return html;
}

/** Every page the provider renders escapes the payload, whatever parameter carries it. */
export async function checkPagesEscape(entries: readonly MockEntry[], entry: MockEntry, payload: string, place: SuitePlace = "default"): Promise<void> {
  const { client } = await world(entries, entry, place);
  const session = (await entry.probes.session?.(client)) ?? "";
  for (const page of entry.probes.pages) {
    await assertEscaped(payload, (v) => page.open(client, v, session), page.status).catch((err: unknown) => {
      throw new Error(`${entry.contract.id} ${page.name}: ${String(err)}`);
    });
  }
}

/** Every page the provider renders carries the page security headers. */
export async function checkPageHeaders(entries: readonly MockEntry[], entry: MockEntry, place: SuitePlace = "default"): Promise<void> {
  const { client } = await world(entries, entry, place);
  const session = (await entry.probes.session?.(client)) ?? "";
  for (const page of entry.probes.pages) assertPageHeaders(await page.open(client, "benign-value", session));
}

/** A JSONP endpoint never reflects markup, calls only accepted callbacks, and refuses the rest as JSON. */
export async function checkJsonp(entries: readonly MockEntry[], entry: MockEntry, place: SuitePlace = "default"): Promise<void> {
  const { client } = await world(entries, entry, place);
  for (const probe of entry.probes.jsonp) {
    const call = (fields: Record<string, string>, extra = "") => client.get(`${probe.path}?${new URLSearchParams(fields).toString()}${extra}`);
    for (const payload of XSS_PAYLOADS) {
      const cases = [
        ...["state", ...Object.keys(probe.params)].map((name) => ({ ...probe.params, [probe.callbackParam]: "cb", [name]: payload })),
        { ...probe.params, [probe.callbackParam]: "cb", [payload]: payload },
        { ...probe.params, [probe.callbackParam]: payload },
      ];
      for (const fields of cases) {
        const res = await call(fields);
        const body = await res.text();
        expect(body).not.toContain(payload);
        expect(body).not.toMatch(/[<>]/);
        if (res.status !== 200) {
          expect(res.headers.get("content-type")).toMatch(/^application\/json/);
          continue;
        }
        expect(res.headers.get("content-type")).toMatch(/^application\/javascript/);
        expect(res.headers.get("x-content-type-options")).toBe("nosniff");
        const answer = jsonpCall(body);
        expect(answer?.callback).toBe("cb");
        // The value arrives intact in the callback; only its encoding is escaped.
        const state = (answer?.argument as Record<string, unknown> | undefined)?.state;
        if (state !== undefined) expect(state).toBe(fields.state);
      }
    }
    for (const callback of ["myfun", "ns.cb", "$", "_", "jQuery3600123_456", "a.b.c", "$x.y_z"].filter((c) => probe.callback.test(c))) {
      const res = await call({ ...probe.params, [probe.callbackParam]: callback });
      expect(res.status, callback).toBe(200);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(jsonpCall(await res.text())?.callback).toBe(callback);
    }
    const hostile = ["alert(1)//", "a b", "a.", ".a", "a..b", "1abc", "a-b", "a[0]", "a;b", "/*", "a\u2028b", "x".repeat(probe.callbackMaxLength + 1), "", "<script>", "eval(1)"];
    const refused = hostile.filter((c) => !probe.callback.test(c) || c.length > probe.callbackMaxLength);
    expect(refused.length).toBeGreaterThan(10);
    for (const callback of refused) {
      const res = await call({ ...probe.params, [probe.callbackParam]: callback });
      expect(res.status, callback).toBe(400);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      expect(matchesEnvelope(entry, await res.json())).toBe(true);
    }
    // Repeated callbacks are refused, never concatenated.
    const twice = await call(probe.params, `&${probe.callbackParam}=a&${probe.callbackParam}=b`);
    expect(twice.status).toBe(400);
    expect(twice.headers.get("content-type")).toMatch(/^application\/json/);
  }
}

/** URIs a lenient matcher would take for `registered`: case, slash, port, userinfo, scheme, encoding. */
export function nearMisses(registered: string): string[] {
  const { host, hostname, port } = new URL(registered);
  const otherPort = `${hostname}:${(Number(port) || 80) + 1}`;
  return [
    `${registered}/`,
    registered.toUpperCase(),
    registered.replace(host, host.replace(/^./, (c) => c.toUpperCase())),
    `${registered}/extra`,
    `${registered}x`,
    `${registered}?x=1`,
    `${registered}#frag`,
    `${registered}/../evil`,
    registered.replace(`//${host}`, `//${host}@evil.example`),
    registered.replace(`//${host}`, "//evil.example"),
    registered.replace(`//${host}`, `//${host}.evil.example`),
    registered.replace(`//${host}`, `//${otherPort}`),
    registered.replace(`//${hostname}`, "//127.0.0.1"),
    registered.replace("http:", "https:"),
    registered.replace("http://", "//"),
    ` ${registered}`,
    `${registered} `,
    `${registered}%2F`,
    "http://evil.example",
    "javascript:alert(1)",
  ];
}

/** Each redirecting endpoint refuses every near-miss of a registered URI and redirects to the exact one, state unchanged. */
export async function checkRedirects(entries: readonly MockEntry[], entry: MockEntry, place: SuitePlace = "default"): Promise<void> {
  const { mock, client, prefix } = await world(entries, entry, place);
  // A workspace's own callback is among its URIs, so near-misses of it are tried too.
  const fixtures = (await (await mock.get(`${prefix}/mock/_control/fixtures`)).json()) as Record<string, { clients: Array<Record<string, unknown>> }>;
  const session = (await entry.probes.session?.(client)) ?? "";
  const state = "a b&c=d/é?#%zz\"'<>";
  let redirected = 0;
  for (const probe of entry.probes.redirects) {
    const owner = fixtures[entry.contract.id]?.clients.find((c) => Object.values(c).includes(probe.clientId));
    const registered = (owner?.redirect_uris as string[] | undefined) ?? [];
    expect(registered.length, `${probe.name}: the fixtures register URIs for ${probe.clientId}`).toBeGreaterThan(0);
    for (const exact of registered) {
      for (const uri of nearMisses(exact).filter((u) => !registered.includes(u))) {
        const res = await probe.attempt(client, uri, state, session);
        expect(res.headers.get("location"), `${probe.name}: ${uri}`).toBeNull();
        expect(res.status, `${probe.name}: ${uri}`).toBe(400);
      }
      const res = await probe.attempt(client, exact, state, session);
      expect(res.status, `${probe.name}: ${exact}`).toBeLessThan(400);
      const location = res.headers.get("location");
      if (location === null) continue;
      redirected++;
      expect(location.startsWith(`${exact}?`), `${probe.name}: ${location}`).toBe(true);
      expect(new URL(location).searchParams.get("state")).toBe(state);
    }
  }
  expect(redirected, "at least one probe redirects to an exact URI").toBeGreaterThan(0);
}

/** A code works once; its replay is refused in the provider's envelope and revokes every token descending from it. */
export async function checkReplay(entries: readonly MockEntry[], entry: MockEntry, place: SuitePlace = "default"): Promise<void> {
  const replay = entry.probes.replay;
  if (!replay) return;
  const { client } = await world(entries, entry, place);
  const code = await replay.code(client);
  const first = await replay.exchange(client, code);
  expect(first.status).toBeLessThan(300);
  const issued: unknown = await first.json();
  expect(await replay.use(client, issued)).toBe(true);
  const refreshed: unknown = replay.refresh ? await (await replay.refresh(client, issued)).json() : undefined;
  if (replay.refresh) expect(await replay.use(client, refreshed)).toBe(true);

  const again = await replay.exchange(client, code);
  expect(matchesEnvelope(entry, await again.json()), "the replay is refused in the provider's envelope").toBe(true);
  expect(await replay.use(client, issued), "the token the code issued is revoked").toBe(false);
  if (replay.refresh) {
    expect(await replay.use(client, refreshed), "the token a refresh issued is revoked too").toBe(false);
    expect(matchesEnvelope(entry, await (await replay.refresh(client, issued)).json()), "the refresh token is revoked").toBe(true);
  }
}

const bigBody = () => `a=${"b".repeat(MAX_BODY_BYTES)}`;

/** A body past the cap gets a 413 in the provider's envelope (streamed, through app.request()). */
export async function checkBodyCapStreamed(entries: readonly MockEntry[], entry: MockEntry, place: SuitePlace = "default"): Promise<void> {
  const { client } = await world(entries, entry, place);
  for (const { path, contentType } of entry.probes.bodyCap) {
    const res = await client.request(path, { method: "POST", headers: { "Content-Type": contentType }, body: bigBody() });
    expect(res.status, path).toBe(413);
    expect(matchesEnvelope(entry, await res.json()), path).toBe(true);
  }
}

/** The same over a real socket: sized bodies keep the connection (the next request is served), streamed ones close it. */
export async function checkBodyCapOnSocket(entries: readonly MockEntry[], entry: MockEntry, place: SuitePlace = "default"): Promise<void> {
  const { mock, prefix } = await world(entries, entry, place);
  const server = serve({ fetch: mock.app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { port } = server.address() as AddressInfo;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const post = (path: string, contentType: string, body: string, streamed = false) =>
    new Promise<{ status: number; connection: string | undefined; body: string }>((resolve, reject) => {
      const headers: Record<string, string | number> = { "Content-Type": contentType };
      if (!streamed) headers["Content-Length"] = Buffer.byteLength(body);
      const req = http.request({ host: "127.0.0.1", port, path: `${prefix}${entry.contract.mockBase}${path}`, method: "POST", agent, headers }, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body: text }));
      });
      req.on("error", reject);
      // Streamed: sent in chunks without a Content-Length (Transfer-Encoding: chunked).
      if (streamed) for (let i = 0; i < body.length; i += 16 * 1024) req.write(body.slice(i, i + 16 * 1024));
      req.end(streamed ? undefined : body);
    });
  const huge = `a=${"b".repeat(16 * MAX_BODY_BYTES)}`;
  try {
    for (const { path, contentType } of entry.probes.bodyCap) {
      const sized = await post(path, contentType, huge);
      expect(sized.status, path).toBe(413);
      expect(matchesEnvelope(entry, JSON.parse(sized.body)), path).toBe(true);
      expect(sized.connection).toBe("keep-alive");
      const next = await post(path, contentType, "a=b");
      expect(next.status, `${path} after a refused body`).not.toBe(413);
      expect(next.status).toBeLessThan(500);
      const streamed = await post(path, contentType, huge, true);
      expect(streamed.status, path).toBe(413);
      expect(streamed.connection).toBe("close");
      expect((await post(path, contentType, "a=b")).status).toBeLessThan(500);
      // Just under the cap is read normally.
      expect((await post(path, contentType, `a=${"b".repeat(MAX_BODY_BYTES - 2)}`)).status, `${path} just under the cap`).not.toBe(413);
    }
  } finally {
    agent.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** The security suite over the given providers: per provider and place (default, created workspace), one test per check it has probes for. */
export function describeSecurity(entries: readonly MockEntry[]): void {
  const places: Array<[SuitePlace, string]> = [
    ["default", ""],
    ["workspace", ", in a workspace"],
  ];
  for (const entry of entries) {
    const { probes } = entry;
    for (const [place, where] of places) {
      describe(`security: ${entry.contract.id}${where}`, () => {
        if (probes.pages.length) {
          it.each(XSS_PAYLOADS)("every page escapes %s", (payload) => checkPagesEscape(entries, entry, payload, place));
          it("every page carries Content-Security-Policy, X-Frame-Options and nosniff", () => checkPageHeaders(entries, entry, place));
        }
        if (probes.jsonp.length) it("JSONP: never reflects markup, calls only identifier-path callbacks, refuses the rest as JSON", () => checkJsonp(entries, entry, place));
        if (probes.redirects.length) it("never redirects to a URI that is not registered exactly; state comes back unchanged", () => checkRedirects(entries, entry, place));
        if (probes.replay) it("a code is single-use; a replay revokes every token descending from it", () => checkReplay(entries, entry, place));
        if (probes.bodyCap.length) {
          it("a body past the cap gets 413 in the provider's envelope", () => checkBodyCapStreamed(entries, entry, place));
          it("over a real socket too, and the connection stays usable", () => checkBodyCapOnSocket(entries, entry, place));
        }
      });
    }
  }
}
