import { afterEach, describe, expect, it, vi } from "vitest";
import { mockClient } from "../../server/testing.ts";
import { clearTarget, setTarget, TargetRefused, targetsQuery } from "../core/api/targets.ts";
import { DEFAULT_WORKSPACE } from "../core/workspace/paths.ts";

const ORIGIN = "http://localhost:4173";

/** The SPA's fetch against the real control API, as the browser sends it (same origin). */
function useApp(mock: ReturnType<typeof mockClient>) {
  vi.stubGlobal("fetch", (input: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (init.method && init.method !== "GET") headers.set("origin", ORIGIN);
    return mock.app.request(new URL(input, ORIGIN).href, { ...init, headers });
  });
}
const listed = (ws: string) => targetsQuery(ws).queryFn!({} as never);

afterEach(() => vi.unstubAllGlobals());

describe("the targets API client", () => {
  it("sets, lists and clears a workspace's target, and keeps each workspace's own", async () => {
    const mock = mockClient();
    useApp(mock);
    const ws = await mock.createWorkspace("live");
    expect(await listed(ws.id)).toEqual({});
    expect(await setTarget(ws.id, "spring", "http://localhost:8090")).toEqual({ provider: "spring", base: "http://localhost:8090", relay: `${ws.base}/live/spring` });
    expect(await listed(ws.id)).toEqual({ spring: { base: "http://localhost:8090" } });
    expect(await listed(DEFAULT_WORKSPACE)).toEqual({});
    await clearTarget(ws.id, "spring");
    expect(await listed(ws.id)).toEqual({});
  });

  it("gives the server's own words when it refuses a base: they name LIVE_HOSTS", async () => {
    useApp(mockClient());
    const refused = await setTarget(DEFAULT_WORKSPACE, "spring", "http://auth.example.com").catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TargetRefused);
    expect((refused as Error).message).toContain("LIVE_HOSTS");
  });

  it("refuses an answer that is not the documented shape", async () => {
    vi.stubGlobal("fetch", async () => Response.json({ targets: { spring: { base: 8090 } } }));
    await expect(listed(DEFAULT_WORKSPACE)).rejects.toThrow(/unexpected answer/);
  });
});
