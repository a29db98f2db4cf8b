/**
 * The workspace registry's API as a script sees it: create, list, rename, delete, on the
 * default control base and on every workspace's; what an unknown or deleted workspace
 * answers under each prefix; ids and names.
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { WORKSPACE_ID_PATTERN } from "../src/core/workspace/paths.ts";
import { mockEntries } from "./providers.ts";
import { serveSpa } from "./spa.ts";
import { mockClient, type MockClient } from "./testing.ts";

const WORKSPACES = "/mock/_control/workspaces";

const list = async (mock: MockClient) =>
  (await (await mock.get(WORKSPACES)).json()) as { workspaces: Array<{ id: string; name: string; createdAt: number; lastUsedAt: number; exchanges: number }>; default: { exchanges: number } };

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe("POST/GET/PATCH/DELETE /mock/_control/workspaces", () => {
  it("creates a workspace with a default name, or the one given, trimmed", async () => {
    const mock = mockClient();
    const before = Date.now();
    const res = await mock.postJson(WORKSPACES, {});
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created).toEqual({ id: expect.stringMatching(WORKSPACE_ID_PATTERN), name: "Workspace 1", base: `/w/${created.id}`, createdAt: expect.any(Number), lastUsedAt: created.createdAt, exchanges: 0 });
    expect(created.createdAt).toBeGreaterThanOrEqual(before);
    expect((await (await mock.request(WORKSPACES, { method: "POST" })).json()).name).toBe("Workspace 2");
    expect((await (await mock.postJson(WORKSPACES, { name: "  Ticket 4711 " })).json()).name).toBe("Ticket 4711");
    expect((await (await mock.postJson(WORKSPACES, { name: "   " })).json()).name).toBe("Workspace 4");
  });

  it("lists the created ones newest first, with their exchanges, and the default's count", async () => {
    const mock = mockClient();
    const a = await mock.createWorkspace("a");
    const b = await mock.createWorkspace("b");
    await a.client.get("/mock/spring/login");
    await a.client.get("/mock/spring/login");
    await mock.get("/mock/pigai/api/me");
    await settle();
    const listed = await list(mock);
    expect(listed.workspaces.map((w) => [w.id, w.name, w.exchanges])).toEqual([
      [b.id, "b", 0],
      [a.id, "a", 2],
    ]);
    expect(listed.default).toEqual({ exchanges: 1 });
    expect(listed.workspaces[1]!.lastUsedAt).toBeGreaterThanOrEqual(a.createdAt);
    expect(Object.keys(listed.workspaces[0]!).sort()).toEqual(["createdAt", "exchanges", "id", "lastUsedAt", "name"]);
  });

  it("renames with PATCH and answers the workspace", async () => {
    const mock = mockClient();
    const ws = await mock.createWorkspace("old");
    const res = await mock.request(`${WORKSPACES}/${ws.id}`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: " new name " }) });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: ws.id, name: "new name", base: ws.base });
    expect((await list(mock)).workspaces[0]!.name).toBe("new name");
  });

  it("deletes with DELETE; afterwards every prefix of it answers 404 JSON", async () => {
    const mock = mockClient();
    const ws = await mock.createWorkspace();
    const other = await mock.createWorkspace();
    const res = await mock.request(`${WORKSPACES}/${ws.id}`, { method: "DELETE" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect((await list(mock)).workspaces.map((w) => w.id)).toEqual([other.id]);
    for (const path of ["/mock/_control/health", "/mock/_control/fixtures", "/mock/spring/login", "/mock/easemob/easemob-demo/testapp/token", "/mock", "/live/spring/oauth/token", "/spring", "/", ""]) {
      const answer = await ws.client.get(path);
      expect(answer.status, path).toBe(404);
      expect(await answer.json(), path).toMatchObject({ error: "unknown_workspace", error_description: expect.stringContaining(ws.id) });
    }
    const post = await ws.client.postForm("/mock/spring/oauth/token", "grant_type=client_credentials");
    expect(post.status).toBe(404);
    expect((await mock.request(`${WORKSPACES}/${ws.id}`, { method: "DELETE" })).status).toBe(404);
  });

  it("answers an unknown or malformed id with 404 JSON, naming only a well-formed id back", async () => {
    const mock = mockClient();
    for (const id of ["AAAAAAAAAAAAAAAA", "x", "default", "%3Cscript%3E", "a".repeat(33)]) {
      for (const path of [`/w/${id}/mock/_control/clock`, `/w/${id}/mock/pigai/oauth2/access_token`, `/w/${id}/spring`]) {
        const res = await mock.get(path);
        expect(res.status, path).toBe(404);
        const body = await res.json();
        expect(body.error).toBe("unknown_workspace");
        expect(body.error_description).not.toMatch(/[<>]/);
      }
      const patch = await mock.request(`${WORKSPACES}/${id}`, { method: "PATCH", headers: { "content-type": "application/json" }, body: '{"name":"x"}' });
      expect(patch.status, id).toBe(id === "default" ? 400 : 404);
    }
    expect((await mock.request(`${WORKSPACES}/default`, { method: "DELETE" })).status).toBe(400);
  });

  it("serves the same registry on every workspace's control base", async () => {
    const mock = mockClient();
    const a = await mock.createWorkspace("a");
    const fromA = await a.client.postJson("/mock/_control/workspaces", { name: "made in a" });
    expect(fromA.status).toBe(201);
    const b = await fromA.json();
    expect((await (await a.client.get("/mock/_control/workspaces")).json()).workspaces.map((w: { id: string }) => w.id)).toEqual([b.id, a.id]);
    expect((await list(mock)).workspaces.map((w) => w.id)).toEqual([b.id, a.id]);
    expect((await a.client.request(`/mock/_control/workspaces/${b.id}`, { method: "DELETE" })).status).toBe(200);
    expect((await mock.get(`/w/${b.id}/mock/_control/health`)).status).toBe(404);
  });

  it("gives random ids of 96 bits: 16 base64url characters, never repeated, every position varying", async () => {
    const mock = mockClient({ workspaces: { max: 300 } });
    // A seed makes the mocks' codes predictable; it must not make workspace ids so.
    await mock.postJson("/mock/_control/seed", { seed: 42 });
    const ids = await Promise.all(Array.from({ length: 200 }, async () => (await mock.createWorkspace()).id));
    expect(new Set(ids).size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    for (let i = 0; i < 16; i++) expect(new Set(ids.map((id) => id[i])).size, `position ${i}`).toBeGreaterThan(20);
    const again = mockClient();
    await again.postJson("/mock/_control/seed", { seed: 42 });
    expect(ids).not.toContain((await again.createWorkspace()).id);
  });
});

describe("workspace names", () => {
  const bad = [1, true, ["a"], { a: 1 }, "x".repeat(81), "tab\there", "new\nline", "nul\u0000", "bidi\u202Eevil", "sep\u2028x", "\ud800lone"];

  it("refuses anything but a printable string of at most 80 characters, in the control API's envelope", async () => {
    const mock = mockClient();
    const ws = await mock.createWorkspace("kept");
    for (const name of bad) {
      const create = await mock.postJson(WORKSPACES, { name });
      expect(create.status, JSON.stringify(name)).toBe(400);
      expect(await create.json()).toMatchObject({ error: "invalid_request", error_description: expect.stringContaining("80 characters") });
      const rename = await mock.request(`${WORKSPACES}/${ws.id}`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ name }) });
      expect(rename.status, JSON.stringify(name)).toBe(400);
    }
    for (const body of ["{", "[]", '"name"', "null"]) expect((await mock.postJson(WORKSPACES, body)).status, body).toBe(400);
    for (const body of ["", "{}", '{"name":"   "}']) {
      const rename = await mock.request(`${WORKSPACES}/${ws.id}`, { method: "PATCH", headers: { "content-type": "application/json" }, body });
      expect(rename.status, body).toBe(400);
    }
    expect((await list(mock)).workspaces.map((w) => w.name)).toEqual(["kept"]);
  });

  it("counts characters, not UTF-16 units: 80 CJK or emoji characters are a name", async () => {
    const mock = mockClient();
    expect((await mock.postJson(WORKSPACES, { name: "工".repeat(80) })).status).toBe(201);
    expect((await mock.postJson(WORKSPACES, { name: "😀".repeat(80) })).status).toBe(201);
    expect((await mock.postJson(WORKSPACES, { name: "😀".repeat(81) })).status).toBe(400);
  });

  it("reflects a name only as JSON, verbatim, and never in the error that refuses it", async () => {
    const mock = mockClient();
    const name = `"><script>alert(1)</script>`;
    const res = await mock.postJson(WORKSPACES, { name });
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect((await res.json()).name).toBe(name);
    const listed = await mock.get(WORKSPACES);
    expect(listed.headers.get("content-type")).toMatch(/^application\/json/);
    expect((await listed.json()).workspaces[0].name).toBe(name);
    const refused = await mock.postJson(WORKSPACES, { name: `${name}${"x".repeat(80)}` });
    expect(await refused.text()).not.toContain("<script>");
  });
});

describe("write guards on the workspace endpoints", () => {
  it("refuses cross-site creates, renames and deletes with 403, and form bodies with 415", async () => {
    const mock = mockClient();
    const ws = await mock.createWorkspace("mine");
    const json = { "content-type": "application/json" };
    const attacks: Array<Record<string, string>> = [{ origin: "http://evil.example" }, { origin: "null" }, { "sec-fetch-site": "cross-site" }];
    for (const headers of attacks) {
      for (const base of ["", ws.base]) {
        expect((await mock.request(`${base}${WORKSPACES}`, { method: "POST", headers: { ...headers, ...json }, body: "{}" })).status).toBe(403);
        expect((await mock.request(`${base}${WORKSPACES}/${ws.id}`, { method: "PATCH", headers: { ...headers, ...json }, body: '{"name":"pwned"}' })).status).toBe(403);
        expect((await mock.request(`${base}${WORKSPACES}/${ws.id}`, { method: "DELETE", headers })).status).toBe(403);
      }
    }
    expect((await mock.request(WORKSPACES, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "name=x" })).status).toBe(415);
    expect((await list(mock)).workspaces.map((w) => w.name)).toEqual(["mine"]);
  });
});

describe("the SPA's routes under /w/<id>/ (npm start)", () => {
  const INDEX = "<!doctype html><html><head><title>OAuth Playground</title></head><body><div id=root></div></body></html>";
  const withSpa = async () => {
    const dist = await mkdtemp(join(tmpdir(), "spa-"));
    await writeFile(join(dist, "index.html"), INDEX);
    const mock = mockClient();
    serveSpa(mock.app, dist, INDEX);
    return mock;
  };
  const navigate = { "sec-fetch-dest": "document", "sec-fetch-mode": "navigate", accept: "text/html,application/xhtml+xml,*/*;q=0.8" };

  it("serves index.html for a live workspace's pages, with the SPA's headers, and counts them as a use", async () => {
    const mock = await withSpa();
    const ws = await mock.createWorkspace();
    const before = (await list(mock)).workspaces[0]!.lastUsedAt;
    await new Promise((resolve) => setTimeout(resolve, 5));
    for (const path of ["/", "/spring", "/spring/token", "/callback?code=x&state=y", "/diagnose"]) {
      const res = await ws.client.get(path, navigate);
      expect(res.status, path).toBe(200);
      expect(await res.text()).toBe(INDEX);
      expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    }
    expect((await list(mock)).workspaces[0]!.lastUsedAt).toBeGreaterThan(before);
  });

  it("gives a navigation into an unknown workspace the SPA's page with 404, and everything else 404 JSON", async () => {
    const mock = await withSpa();
    const ws = await mock.createWorkspace();
    await mock.request(`${WORKSPACES}/${ws.id}`, { method: "DELETE" });
    const navigations: Array<Record<string, string>> = [navigate, { accept: "text/html" }, { "sec-fetch-dest": "document" }];
    for (const headers of navigations) {
      const res = await ws.client.get("/spring/token", headers);
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
      expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(await res.text()).toBe(INDEX);
    }
    const cases: Array<[string, Record<string, string>]> = [
      ["/spring", { accept: "application/json" }],
      ["/spring", { accept: "*/*" }],
      ["/spring", { accept: "application/json, text/html" }],
      ["/spring", {}],
      ["/assets/index.js", { "sec-fetch-dest": "script" }],
      ["/mock/spring/login", navigate],
      ["/live/spring/login", navigate],
    ];
    for (const [path, headers] of cases) {
      const res = await ws.client.get(path, headers);
      expect(res.status, `${path} ${JSON.stringify(headers)}`).toBe(404);
      expect((await res.json()).error).toBe("unknown_workspace");
    }
    const post = await ws.client.request("/spring", { method: "POST", headers: navigate });
    expect(post.status).toBe(404);
    expect((await post.json()).error).toBe("unknown_workspace");
  });

  it("registers each workspace's own callback with every redirecting client, and no other workspace's", async () => {
    const mock = mockClient();
    const a = await mock.createWorkspace();
    const b = await mock.createWorkspace();
    const urisOf = async (client: MockClient | typeof a.client) => JSON.stringify(await (await client.get("/mock/_control/fixtures")).json());
    const [inDefault, inA, inB] = [await urisOf(mock), await urisOf(a.client), await urisOf(b.client)];
    expect(inDefault).toContain('"http://localhost:4173/callback"');
    expect(inDefault).not.toContain("/w/");
    expect(inA).toContain(`"http://localhost:4173${a.base}/callback"`);
    expect(inA).toContain(`"http://127.0.0.1:5173${a.base}/callback"`);
    expect(inA).not.toContain('"http://localhost:4173/callback"');
    expect(inA).not.toContain(b.id);
    expect(inB).not.toContain(a.id);
    // Every provider's slice still parses with its contract's schema.
    const fixtures = (await (await a.client.get("/mock/_control/fixtures")).json()) as Record<string, unknown>;
    for (const { contract } of mockEntries) expect(contract.schemas.fixtures.safeParse(fixtures[contract.id]).success, contract.id).toBe(true);
  });
});
