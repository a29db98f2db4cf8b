import { describe, expect, it } from "vitest";
import { mockClient } from "../../server/testing.ts";
import { runScenario, type ScenarioEffects } from "../core/scenario/run-scenario.ts";
import { parseFixtures } from "../core/wizard/engine.ts";
import { readFlowRecord } from "../core/wizard/store.ts";
import { placeFor } from "../core/wizard/target.ts";
import { fakeWorld } from "../core/wizard/testing.ts";
import type { Flow } from "../core/wizard/types.ts";
import { DEFAULT_WORKSPACE } from "../core/workspace/paths.ts";
import { providerEntries } from "./registry.ts";

const ORIGIN = "http://localhost:4173";

/**
 * A browser in front of the mock app, enough for the flows' headless logins: it keeps cookies,
 * follows redirects (a 302 after a POST becomes a GET) and stops where one leaves the mock (the
 * SPA's callback), with `res.url` set like fetch's.
 */
function browserFetch(app: ReturnType<typeof mockClient>["app"]): typeof fetch {
  const jar = new Map<string, string>();
  return async (input, init = {}) => {
    let url = String(input);
    let method = init.method ?? "GET";
    let body = init.body;
    let headers = new Headers(init.headers);
    for (let hop = 0; hop < 10; hop++) {
      if (!new URL(url).pathname.startsWith("/mock/")) return Object.defineProperty(new Response("the SPA"), "url", { value: url });
      if (init.credentials !== "omit" && jar.size) headers.set("cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
      const res = await app.request(url, { method, headers, body: body ?? null });
      for (const cookie of res.headers.getSetCookie()) {
        const [pair = ""] = cookie.split(";");
        const at = pair.indexOf("=");
        jar.set(pair.slice(0, at), pair.slice(at + 1));
      }
      const location = res.headers.get("location");
      if (res.status >= 300 && res.status < 400 && location) {
        url = new URL(location, url).toString();
        [method, body, headers] = ["GET", undefined, new Headers()];
        continue;
      }
      return Object.defineProperty(res, "url", { value: url });
    }
    throw new Error(`too many redirects from ${String(input)}`);
  };
}

/** Loads a script's URL as the page would, and calls back with what it passes to the callback. */
const scriptJsonp = (fetchFn: typeof fetch) => async (url: string, callbackParam: string) => {
  const src = new URL(url);
  src.searchParams.set(callbackParam, "cb");
  const res = await fetchFn(src.toString());
  if (!res.ok) throw new Error(`The script failed to load (HTTP error or refused): ${src.toString()}`);
  const call = /^cb\(([\s\S]*)\)\s*;?\s*$/.exec(await res.text());
  if (!call) throw new Error("JSONP timed out: the callback was never called");
  return { url: src.toString(), payload: JSON.parse(call[1]!) as unknown };
};

const flows = await Promise.all(providerEntries.map(async (entry) => ({ id: entry.meta.id, flow: await entry.loadFlow() })));

describe.each(flows)("the $id flow", ({ id, flow }) => {
  it("parses the mock's fixtures with its contract's schema, and starts from no values", async () => {
    expect(flow.fixtures).toBe(flow.contract.schemas.fixtures);
    expect(flow.values.safeParse({}).success).toBe(true);
    const fixtures = (await (await mockClient().get("/mock/_control/fixtures")).json()) as Record<string, unknown>;
    expect(parseFixtures(flow, fixtures[id]).error).toBeUndefined();
    expect(parseFixtures(flow, { clients: "none" }).error).toMatch(/clients/);
  });

  it("declares every step option's default among its choices, and marks secret params' values secret", () => {
    for (const step of flow.steps) for (const option of step.options ?? []) expect(option.choices.map((c) => c.value), `${step.id}.${option.id}`).toContain(option.default);
    const keeps = (name: string) => {
      const parsed = flow.values.safeParse({ [name]: "x" });
      return parsed.success && Object.hasOwn(parsed.data, name);
    };
    for (const step of flow.steps) for (const param of step.params ?? []) if (param.secret && keeps(param.name)) expect(flow.secretValues, `${step.id}.${param.name}`).toContain(param.name);
  });

  it("offers the clock move beside the run button on exactly the steps whose explanation asks for one", () => {
    for (const step of flow.steps) {
      const asks = /advance (the )?(virtual )?clock/i.test(typeof step.explain === "string" ? step.explain : step.explain.en);
      expect(step.clockHint !== undefined, step.id).toBe(asks);
    }
  });

  it.each((flow.scenarios ?? []).map((s) => [s.id, s] as const))("reproduces %s against the mock, with a consistent step list", async (_id, scenario) => {
    const mock = mockClient();
    const fetchFn = browserFetch(mock.app);
    const world = fakeWorld(() => new Response());
    const control = async (path: string, init?: RequestInit): Promise<Record<string, unknown>> => (await mock.request(`/mock/_control${path}`, init)).json();
    const fx: ScenarioEffects = {
      ...world.fx,
      fetch: fetchFn,
      jsonp: scriptJsonp(fetchFn),
      virtualNow: async () => Number((await control("/clock")).now),
      reset: async () => void (await control("/reset", { method: "POST" })),
      advanceClock: async (seconds) => void (await control("/clock/advance", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ seconds }) })),
      fixtures: async () => (await control("/fixtures"))[id],
    };
    // The mock serves the default workspace only, until workspaces are built.
    const place = placeFor(ORIGIN, DEFAULT_WORKSPACE, id);
    await runScenario(flow as Flow, scenario, place, fx);

    const results = readFlowRecord(world.fx.store, place).results;
    const failing = results[scenario.failingStep];
    expect(failing?.outcome.status, JSON.stringify(failing?.outcome.summary)).toMatch(/error|warning/);
    expect(JSON.stringify([failing?.outcome, failing?.response?.body])).toContain(scenario.shows.replace(/"/g, '\\"'));
    // Every step the script went through is ticked, the navigate step of an authorize included.
    const reached = scenario.script.flatMap((a) => (a.kind === "run" ? [a.step] : a.kind === "authorize" ? [a.step, flow.steps[flow.steps.findIndex((s) => s.id === a.step) + 1]!.id] : []));
    expect(reached.filter((stepId) => !results[stepId])).toEqual([]);
    expect(world.fx.store.getState().pending).toBeUndefined();
  });
});
