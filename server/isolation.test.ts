/**
 * Nothing crosses between workspaces, for every registered provider (driven by its probes):
 * what one workspace issues (codes, tokens, sessions) is unknown in another and in the
 * default, and the other way round; what it provokes (rate limits, bans) leaves the others
 * answering like a fresh mock; a reset of one keeps the others' tokens. Then the world around
 * the providers: clock, seed, traffic.
 */
import { describe, expect, it } from "vitest";
import { mockBase } from "../src/core/workspace/paths.ts";
import { probeClient, type FuzzSeeds, type ProbeClient } from "./kit/probes.ts";
import type { MockEntry } from "./kit/provider.ts";
import { mockEntries } from "./providers.ts";
import { mockClient, type MockClient } from "./testing.ts";

/** A provider's client in one world, recording every cookie the world sets. */
interface Place {
  client: ProbeClient;
  cookies: string[];
  /** The world's path prefix ("" for the default). */
  base: string;
}

function placeIn(mock: MockClient, entry: MockEntry, base: string): Place {
  const cookies: string[] = [];
  const app = {
    request: async (url: string, init?: RequestInit) => {
      const res = await mock.app.request(url, init);
      cookies.push(...res.headers.getSetCookie());
      return res;
    },
  };
  return { client: probeClient(app, `${base}${mockBase("default", entry.contract.id)}`), cookies, base };
}

/** The default world, two created workspaces, and a fresh app to compare with: where nothing ever happened. */
async function places(entry: MockEntry) {
  const mock = mockClient();
  const [a, b] = [await mock.createWorkspace("a"), await mock.createWorkspace("b")];
  return { mock, home: placeIn(mock, entry, ""), a: placeIn(mock, entry, a.base), b: placeIn(mock, entry, b.base), fresh: placeIn(mockClient(), entry, "") };
}

/** Header sets that carry the live credentials of `seeds`: each authorization, and the session cookie. */
const credentialsOf = (seeds: FuzzSeeds): Array<Record<string, string>> => [
  ...(seeds.authorizations ?? []).map((authorization) => ({ authorization })),
  ...(seeds.cookie ? [{ cookie: seeds.cookie }] : []),
];

/** The status of every fuzz path, by GET and by a JSON POST, with each credential: what a world makes of them. */
async function answersTo(entry: MockEntry, place: Place, credentials: Array<Record<string, string>>): Promise<string[]> {
  const out: string[] = [];
  for (const headers of credentials) {
    for (const path of entry.probes.fuzz.paths) {
      out.push(`GET ${path} ${(await place.client.get(path, headers)).status}`);
      out.push(`POST ${path} ${(await place.client.postJson(path, {}, headers)).status}`);
    }
  }
  return out;
}

const shapeOf = (seeds: FuzzSeeds) => ({ authorizations: seeds.authorizations?.filter(Boolean).length ?? 0, values: seeds.values?.filter(Boolean).length ?? 0, cookie: Boolean(seeds.cookie) });

const refused = (entry: MockEntry, body: unknown) => entry.contract.schemas.errors.some((schema) => schema.safeParse(body).success);

describe.each(mockEntries.map((entry) => [entry.contract.id, entry] as const))("isolation: %s", (_id, entry) => {
  const seed = entry.probes.fuzz.seed;
  const replay = entry.probes.replay;

  if (seed) it("credentials one workspace issues are unknown in another and in the default, and the other way round", async () => {
    const { home, a, b, fresh } = await places(entry);
    for (const [issuer, others] of [
      [a, [b, home]],
      [home, [a]],
    ] as const) {
      const credentials = credentialsOf(await seed(issuer.client));
      if (credentials.length === 0) {
        // Codes and tokens sent as parameters are checked through the replay probe below.
        expect(replay, "a provider whose seeds carry no Authorization or session cookie needs a replay probe to be checked here").toBeDefined();
        continue;
      }
      const unknown = await answersTo(entry, fresh, credentials);
      // The issuer itself knows them (or this check could never fail).
      expect(await answersTo(entry, issuer, credentials)).not.toEqual(unknown);
      for (const other of others) expect(await answersTo(entry, other, credentials), `issued in "${issuer.base}", sent to "${other.base}"`).toEqual(unknown);
    }
  });

  if (seed) it("every cookie a workspace sets is scoped to its own prefix", async () => {
    const { a, home } = await places(entry);
    await seed(a.client);
    await entry.probes.session?.(a.client);
    for (const cookie of a.cookies) expect(cookie).toMatch(new RegExp(`; Path=${a.base}/mock/${entry.contract.id}(;|$)`, "i"));
    await seed(home.client);
    for (const cookie of home.cookies) expect(cookie).toMatch(new RegExp(`; Path=/mock/${entry.contract.id}(;|$)`, "i"));
  });

  if (seed) it("what one workspace provokes (rate limits, bans) leaves the others answering like a fresh mock", async () => {
    const { home, a, b, fresh } = await places(entry);
    for (let i = 0; i < 10; i++) await seed(a.client);
    const expected = shapeOf(await seed(fresh.client));
    expect(shapeOf(await seed(b.client))).toEqual(expected);
    expect(shapeOf(await seed(home.client))).toEqual(expected);
  });

  if (replay) it("a code of one workspace is refused in another, stays good in its own, and its tokens work only there", async () => {
    const { home, a, b } = await places(entry);
    const code = await replay.code(a.client);
    for (const other of [b, home]) expect(refused(entry, await (await replay.exchange(other.client, code)).json()), `exchanged in "${other.base}"`).toBe(true);
    const exchanged = await replay.exchange(a.client, code);
    expect(exchanged.status).toBeLessThan(300);
    const issued: unknown = await exchanged.json();
    expect(await replay.use(a.client, issued)).toBe(true);
    expect(await replay.use(b.client, issued)).toBe(false);
    expect(await replay.use(home.client, issued)).toBe(false);
    // The other way round: the default's code and tokens are nothing in a workspace.
    const homeCode = await replay.code(home.client);
    expect(refused(entry, await (await replay.exchange(a.client, homeCode)).json())).toBe(true);
    const homeIssued: unknown = await (await replay.exchange(home.client, homeCode)).json();
    expect(await replay.use(home.client, homeIssued)).toBe(true);
    expect(await replay.use(a.client, homeIssued)).toBe(false);
  });

  if (replay) it("a reset of one workspace keeps the others' tokens working", async () => {
    const { mock, home, a, b } = await places(entry);
    const issue = async (place: Place) => (await replay.exchange(place.client, await replay.code(place.client))).json();
    const [inHome, inA, inB] = [await issue(home), await issue(a), await issue(b)];
    expect((await mock.request(`${a.base}/mock/_control/reset`, { method: "POST" })).status).toBe(200);
    expect(await replay.use(a.client, inA)).toBe(false);
    expect(await replay.use(b.client, inB)).toBe(true);
    expect(await replay.use(home.client, inHome)).toBe(true);
  });
});

describe("isolation: the clock, the seed and the traffic of a workspace", () => {
  const control = (mock: MockClient, base: string, path: string, init?: RequestInit) => mock.request(`${base}/mock/_control${path}`, init);
  const json = async (res: Promise<Response>) => (await res).json();

  it("a clock move in one world is not seen in any other", async () => {
    const mock = mockClient();
    const [a, b] = [await mock.createWorkspace(), await mock.createWorkspace()];
    await a.client.postJson("/mock/_control/clock/advance", { seconds: 3600 });
    await mock.advance(60);
    expect((await json(control(mock, a.base, "/clock"))).offset).toBe(3600);
    expect((await json(control(mock, b.base, "/clock"))).offset).toBe(0);
    expect((await json(control(mock, "", "/clock"))).offset).toBe(60);
  });

  it("a seed set in one world leaves the others random, and its codes replay only there", async () => {
    const mock = mockClient();
    const [a, b] = [await mock.createWorkspace(), await mock.createWorkspace()];
    await a.client.postJson("/mock/_control/seed", { seed: 42 });
    expect(await json(control(mock, a.base, "/seed"))).toEqual({ seed: 42 });
    expect(await json(control(mock, b.base, "/seed"))).toEqual({ seed: null });
    expect(await json(control(mock, "", "/seed"))).toEqual({ seed: null });
    const sessionOf = async (client: ProbeClient) => (await client.get("/mock/spring/oauth/authorize?response_type=code&client_id=trusted-client")).headers.get("set-cookie");
    const first = await sessionOf(a.client);
    await a.client.request("/mock/_control/reset", { method: "POST" });
    expect(await sessionOf(a.client)).toBe(first);
    expect(await sessionOf(b.client)).not.toBe(first);
  });

  it("an exchange is recorded in its own world's traffic and stream only", async () => {
    const mock = mockClient();
    const [a, b] = [await mock.createWorkspace(), await mock.createWorkspace()];
    const stream = await b.client.get("/mock/_control/traffic/stream");
    const reader = stream.body!.getReader();
    await reader.read(); // ready
    await a.client.get("/mock/spring/login?from=a");
    await mock.get("/mock/spring/login?from=home");
    await new Promise((resolve) => setTimeout(resolve, 50));
    const urls = async (base: string) => ((await json(control(mock, base, "/traffic"))) as Array<{ request: { url: string } }>).map((e) => new URL(e.request.url).pathname + new URL(e.request.url).search);
    expect(await urls(a.base)).toEqual([`${a.base}/mock/spring/login?from=a`]);
    expect(await urls("")).toEqual(["/mock/spring/login?from=home"]);
    expect(await urls(b.base)).toEqual([]);
    const next = await Promise.race([reader.read().then(({ value }) => new TextDecoder().decode(value)), new Promise<string>((resolve) => setTimeout(() => resolve("nothing"), 100))]);
    expect(next).not.toContain("exchange");
    await reader.cancel();
  });
});
