import { describe, expect, it } from "vitest";
import { z } from "zod";
import { l } from "../i18n/localized.ts";
import { defineMeta, type ProviderContract } from "../provider/contract.ts";
import { runScenario } from "../scenario/run-scenario.ts";
import { DEFAULT_WORKSPACE } from "../workspace/paths.ts";
import { encodeParams, previewRequest, stepContext } from "./engine.ts";
import { completeRedirect, runStep } from "./runner.ts";
import { readFlowRecord } from "./store.ts";
import { liveTarget, placeFor, type RunPlace } from "./target.ts";
import { fakeWorld, type FakeWorld } from "./testing.ts";
import type { Flow, Step } from "./types.ts";

const values = z.object({ client_id: z.string(), client_secret: z.string(), code: z.string(), token: z.string() }).partial();
const fixtures = z.object({ clients: z.array(z.object({ id: z.string(), secret: z.string() })) });
type V = z.infer<typeof values>;
type F = z.infer<typeof fixtures>;

const contract: ProviderContract = {
  ...defineMeta({ id: "demo", name: l("Demo", "演示"), summary: l("", ""), sourceDocument: "none", documentedBase: "https://demo.example" }),
  paths: {},
  schemas: { fixtures, errors: [] },
  quirks: [],
  errors: [],
  answers: [{ request: { method: "POST", path: "/token" }, status: 200, format: "json", example: { token: "abc", token_type: "bearer" }, fixed: ["token_type"], source: "" }],
};

/** A small flow with one step of every kind, standing for a provider's. */
const demo: Flow<V, F> = {
  contract,
  values,
  secretValues: ["client_secret", "code", "token"],
  fixtures,
  steps: [
    {
      kind: "setup",
      id: "client",
      title: l("Client", "客户端"),
      explain: l("", ""),
      params: [
        { name: "client_id", explain: l("", ""), initial: (ctx) => ctx.fixtures?.clients[0]?.id },
        { name: "client_secret", secret: true, explain: l("", ""), initial: (ctx) => ctx.fixtures?.clients[0]?.secret },
      ],
      save: (ctx) => ({ client_id: ctx.params.client_id ?? "", client_secret: ctx.params.client_secret ?? "" }),
    },
    {
      kind: "navigate",
      id: "authorize",
      title: l("Authorize", "授权"),
      explain: l("", ""),
      params: [{ name: "state", explain: l("", ""), initial: () => "s3nt" }],
      url: (ctx) => `/authorize?${encodeParams({ client_id: ctx.values.client_id ?? "", state: ctx.params.state ?? "" })}`,
      headless: async (url) => `http://spa.test/callback?code=C0DE&state=${new URL(url).searchParams.get("state")}`,
      save: () => ({}),
    },
    {
      kind: "callback",
      id: "callback",
      title: l("Callback", "回调"),
      explain: l("", ""),
      outcome: ({ query }) => ({ status: "success", summary: l("code", "code"), values: { code: query.get("code") ?? "" } }),
    },
    {
      kind: "http",
      id: "token",
      title: l("Token", "令牌"),
      explain: l("", ""),
      options: [{ id: "retry", label: l("", ""), default: "on", choices: [] }],
      params: [{ name: "code", explain: l("", ""), initial: (ctx) => ctx.values.code }],
      request: (ctx) => ({ method: "POST", path: "/token", headers: [["Content-Type", "application/x-www-form-urlencoded"]], body: encodeParams(ctx.params) }),
      followUp: async (first, ctx, send) =>
        first.response.status === 401 && ctx.options.retry === "on" ? [await send({ method: "POST", path: "/token?again=1", headers: [] })] : [],
      outcome: ({ response, json, exchanges }) =>
        response?.status === 200
          ? { status: "success", summary: l(`after ${exchanges.length}`, `共 ${exchanges.length}`), values: { token: z.object({ token: z.string() }).parse(json).token } }
          : { status: "error", summary: l("refused", "拒绝") },
    },
    {
      kind: "jsonp",
      id: "jsonp",
      title: l("JSONP", "JSONP"),
      explain: l("", ""),
      params: [{ name: "state", explain: l("", ""), initial: () => "js0n" }],
      url: (ctx) => `/jsonp?state=${ctx.params.state ?? ""}`,
      callbackParam: "cb",
      stateOf: (payload) => {
        const body = z.object({ error: z.string().optional(), state: z.string().optional() }).parse(payload);
        return body.error ? undefined : (body.state ?? null);
      },
      outcome: ({ payload }) => ({ status: "success", summary: l(JSON.stringify(payload), JSON.stringify(payload)) }),
    },
  ],
};

const RAW_FIXTURES = { clients: [{ id: "app-1", secret: "very-secret-value" }] };
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
const step = (id: string): Step<V, F> => demo.steps.find((s) => s.id === id)!;

/** The bundled mock's target for the default workspace, and one whose two kinds of hop go to different hosts. */
const mockPlace = placeFor("http://spa.test", DEFAULT_WORKSPACE, "demo");
const splitPlace: RunPlace = { ...mockPlace, target: { browserBase: "http://browser.test/b", serverBase: "http://server.test/s" } };

const ctxIn = (world: FakeWorld, place: RunPlace, id: string, raw: unknown = RAW_FIXTURES) =>
  stepContext(demo, step(id), readFlowRecord(world.fx.store, place), { fixtures: raw, place, now: 1_700_000_000 });
const run = (world: FakeWorld, place: RunPlace, id: string, raw?: unknown) => runStep(demo, step(id), ctxIn(world, place, id, raw), place, world.fx);
const record = (world: FakeWorld, place: RunPlace = mockPlace) => readFlowRecord(world.fx.store, place);

describe("the step runner", () => {
  it("records a setup step's values, its secret only in this tab's storage", async () => {
    const world = fakeWorld(() => json({}));
    await run(world, mockPlace, "client");
    expect(record(world).results.client?.outcome.status).toBe("success");
    // The result says what was saved, the secret marked so the screen can hide it.
    expect(record(world).results.client?.outcome.facts).toEqual([
      { label: "client_id", value: "app-1", secret: false },
      { label: "client_secret", value: "very-secret-value", secret: true },
    ]);
    expect(record(world).values).toEqual({ client_id: "app-1" });
    expect(record(world).secrets).toEqual({ client_secret: "very-secret-value" });
    expect(world.local.getItem("oauth-playground.wizard")).toContain("app-1");
    expect(world.local.getItem("oauth-playground.wizard")).not.toContain("very-secret-value");
    expect(world.session.getItem("oauth-playground.wizard")).toContain("very-secret-value");
  });

  it("sends exactly the previewed request, to the server base", async () => {
    const world = fakeWorld(() => json({ token: "t0k" }));
    const ctx = ctxIn(world, splitPlace, "token");
    const token = step("token");
    if (token.kind !== "http") throw new Error("the demo's token step is an http step");
    const preview = previewRequest(token.request(ctx), splitPlace.target.serverBase);
    await runStep(demo, step("token"), ctx, splitPlace, world.fx);
    expect(world.fetched).toHaveLength(1);
    expect(world.fetched[0]!.url).toBe("http://server.test/s/token");
    expect(world.fetched[0]!.url).toBe(preview.url);
    expect(world.fetched[0]!.init?.body).toBe(preview.body);
    expect(world.fetched[0]!.init?.credentials).toBe("omit");
    expect(record(world, splitPlace).results.token?.request).toEqual(preview);
    expect(record(world, splitPlace).secrets).toEqual({ token: "t0k" });
  });

  it("runs a follow-up after the first answer; the outcome sees every exchange and the result keeps the earlier ones", async () => {
    const world = fakeWorld((url) => (url.includes("again") ? json({ token: "fresh" }) : json({ error: "expired" }, 401)));
    const done = await run(world, mockPlace, "token");
    expect(world.fetched.map((f) => f.url)).toEqual(["http://spa.test/mock/demo/token", "http://spa.test/mock/demo/token?again=1"]);
    expect(done?.result.outcome.summary.en).toBe("after 2");
    expect(done?.result.earlier?.map((e) => e.response.status)).toEqual([401]);
    expect(done?.result.response?.status).toBe(200);
    expect(record(world).secrets.token).toBe("fresh");
  });

  it("refuses to run a step when the fixtures don't match the contract, and sends nothing", async () => {
    const world = fakeWorld(() => json({ token: "t" }));
    const done = await run(world, mockPlace, "token", { clients: "not a list" });
    expect(world.fetched).toHaveLength(0);
    expect(done?.result.outcome.status).toBe("error");
    expect(done?.result.outcome.summary.en).toMatch(/fixtures for this provider don't match its contract \(clients: /);
  });

  it("starts a redirect at the browser base: what must survive is saved, with the state sent, then the page leaves", async () => {
    const world = fakeWorld(() => json({}));
    await run(world, splitPlace, "client");
    await run(world, splitPlace, "authorize");
    expect(world.navigated).toEqual(["http://browser.test/b/authorize?client_id=app-1&state=s3nt"]);
    expect(world.fetched).toHaveLength(0);
    expect(world.fx.store.getState().pending).toMatchObject({ workspace: DEFAULT_WORKSPACE, providerId: "demo", stepId: "authorize", state: "s3nt" });
  });

  it("completes a redirect: the navigate step is ticked, the callback step gets its outcome, the pending redirect is done", async () => {
    const world = fakeWorld(() => json({}));
    await run(world, mockPlace, "authorize");
    const landed = await completeRedirect(demo, mockPlace, world.fx, "http://spa.test/callback?code=C0DE&state=s3nt", RAW_FIXTURES);
    expect(landed).toBe("callback");
    expect(record(world).results.authorize?.outcome.status).toBe("success");
    expect(record(world).results.callback?.outcome.status).toBe("success");
    expect(record(world).secrets.code).toBe("C0DE");
    expect(world.fx.store.getState().pending).toBeUndefined();
  });

  it("checks the state first: a forged one is a CSRF error and its code is not taken", async () => {
    const world = fakeWorld(() => json({}));
    await run(world, mockPlace, "authorize");
    await completeRedirect(demo, mockPlace, world.fx, "http://spa.test/callback?code=EVIL&state=forged", RAW_FIXTURES);
    const callback = record(world).results.callback;
    expect(callback?.outcome.status).toBe("error");
    expect(callback?.outcome.summary.en).toMatch(/State mismatch/);
    expect(callback?.outcome.facts?.map((f) => f.value)).toEqual(["s3nt", "forged"]);
    expect(record(world).secrets.code).toBeUndefined();
  });

  it("leaves a redirect alone that another workspace is waiting for", async () => {
    const world = fakeWorld(() => json({}));
    await run(world, mockPlace, "authorize");
    const elsewhere = placeFor("http://spa.test", "other-workspace-1", "demo");
    expect(await completeRedirect(demo, elsewhere, world.fx, "http://spa.test/w/other-workspace-1/callback?code=C0DE&state=s3nt", RAW_FIXTURES)).toBeUndefined();
    expect(world.fx.store.getState().pending?.workspace).toBe(DEFAULT_WORKSPACE);
    expect(world.fx.store.getState().flows["other-workspace-1"]).toBeUndefined();
  });

  it("checks a JSONP answer's state unless the flow says the payload carries none, and loads it from the browser base", async () => {
    const forged = fakeWorld(() => json({}), () => ({ state: "forged" }));
    await run(forged, splitPlace, "jsonp");
    expect(forged.jsonpUrls).toEqual(["http://browser.test/b/jsonp?state=js0n"]);
    expect(record(forged, splitPlace).results.jsonp?.outcome.summary.en).toMatch(/State mismatch/);

    const error = fakeWorld(() => json({}), () => ({ error: "invalid_client" }));
    await run(error, mockPlace, "jsonp");
    expect(record(error).results.jsonp?.outcome.summary.en).toBe('{"error":"invalid_client"}');
  });

  it("against a real server: fetches go to the workspace's relay, navigations straight to the server, and the answer is checked against the document", async () => {
    const livePlace = placeFor("http://spa.test", "live-space-1", "demo", liveTarget("http://spa.test", "live-space-1", "demo", "http://localhost:8090"));
    const world = fakeWorld(() => json({ token: "t0k", token_type: "Bearer", id_token: "j" }));
    await run(world, livePlace, "client");
    await run(world, livePlace, "token");
    expect(world.fetched.map((f) => f.url)).toEqual(["http://spa.test/w/live-space-1/live/demo/token"]);
    const token = record(world, livePlace).results.token;
    expect(token?.live?.base).toBe("http://localhost:8090");
    expect(token?.live?.differences?.map((d) => d.text.en)).toEqual(["token_type is 'Bearer'; the document shows 'bearer'", "extra field id_token (not in the document's example)"]);
    // The result (and the secrets it carries) stay in this tab's storage.
    expect(world.local.getItem("oauth-playground.wizard")).not.toContain("t0k");
    expect(world.local.getItem("oauth-playground.wizard")).not.toContain("very-secret-value");
    expect(world.session.getItem("oauth-playground.wizard")).toContain("token_type is 'Bearer'");
    await run(world, livePlace, "authorize");
    expect(world.navigated).toEqual(["http://localhost:8090/authorize?client_id=app-1&state=s3nt"]);
  });

  it("writes only the place's workspace", async () => {
    const world = fakeWorld(() => json({}));
    const other = placeFor("http://spa.test", "other-workspace-1", "demo");
    await run(world, other, "client");
    expect(Object.keys(world.fx.store.getState().flows)).toEqual(["other-workspace-1"]);
    expect(record(world).results).toEqual({});
  });
});

describe("the scenario runner", () => {
  it("reproduces in its workspace through the same runner: after a headless authorize every step it went through is ticked", async () => {
    const world = fakeWorld(() => json({ token: "t" }));
    const calls: string[] = [];
    const place = placeFor("http://spa.test", "scenario-space-1", "demo");
    await runScenario(
      demo,
      {
        id: "demo",
        title: l("", ""),
        symptom: l("", ""),
        cause: l("", ""),
        fix: l("", ""),
        source: "",
        shows: "",
        failingStep: "token",
        script: [{ kind: "run", step: "client" }, { kind: "edit", step: "client", param: "client_secret", derive: (ctx) => `${ctx.params.client_secret}!` }, { kind: "authorize", step: "authorize" }, { kind: "run", step: "token" }],
      },
      place,
      {
        ...world.fx,
        reset: async () => void calls.push("reset"),
        advanceClock: async (s) => void calls.push(`advance ${s}`),
        fixtures: async () => RAW_FIXTURES,
      },
    );
    expect(calls).toEqual(["reset"]);
    const results = readFlowRecord(world.fx.store, place).results;
    expect(Object.fromEntries(Object.entries(results).map(([id, r]) => [id, r.outcome.status]))).toEqual({
      client: "success",
      authorize: "success",
      callback: "success",
      token: "success",
    });
    expect(readFlowRecord(world.fx.store, place).secretEdits.client).toEqual({ client_secret: "very-secret-value!" });
    expect(world.fx.store.getState().flows[DEFAULT_WORKSPACE]).toBeUndefined();
  });
});
