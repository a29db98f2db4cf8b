/**
 * The bounds of the workspace registry: at most 100 created workspaces (least recently used
 * dropped first, never the default), idle ones dropped on real time (an injected clock here),
 * one traffic budget for all, and a deleted workspace's traffic streams ended.
 */
import { describe, expect, it } from "vitest";
import { MAX_WORKSPACES, WORKSPACE_IDLE_HOURS, idleLimitFrom } from "./workspaces.ts";
import { mockClient, recordedExchange, type MockClient } from "./testing.ts";

const HOUR = 3_600_000;

const ids = async (mock: MockClient) => ((await (await mock.get("/mock/_control/workspaces")).json()).workspaces as Array<{ id: string }>).map((w) => w.id);
const alive = async (mock: MockClient, id: string) => (await mock.get(`/w/${id}/mock/_control/health`)).status === 200;

describe("at most 100 created workspaces", () => {
  it("creating the 101st drops the least recently used one, never the default", async () => {
    const mock = mockClient();
    const created = [];
    for (let i = 0; i < MAX_WORKSPACES; i++) created.push(await mock.createWorkspace(`w${i}`));
    // Using the oldest makes the second oldest the least recently used; a page load counts as a use.
    await created[0]!.client.get("/mock/_control/clock");
    await created[2]!.client.get("/spring", { accept: "text/html" });
    await mock.advance(60); // the default's own use changes nothing here
    const newest = await mock.createWorkspace("w100");
    const kept = await ids(mock);
    expect(kept).toHaveLength(MAX_WORKSPACES);
    expect(kept).not.toContain(created[1]!.id);
    expect(kept).toContain(created[0]!.id);
    expect(kept).toContain(created[2]!.id);
    expect(kept[0]).toBe(newest.id);
    expect(await alive(mock, created[1]!.id)).toBe(false);
    expect((await mock.get("/mock/_control/clock").then((r) => r.json())).offset).toBe(60);
    // And the next one goes: the third oldest was never used since.
    await mock.createWorkspace("w101");
    expect(await ids(mock)).not.toContain(created[3]!.id);
    expect(await alive(mock, created[0]!.id)).toBe(true);
  });
});

describe("idle workspaces are dropped", () => {
  const clocked = (idleMs?: number) => {
    let now = 1_000_000;
    const mock = mockClient({ workspaces: { now: () => now, ...(idleMs ? { idleMs } : {}) } });
    return { mock, pass: (ms: number) => (now += ms) };
  };

  it(`after ${WORKSPACE_IDLE_HOURS} h of real time without a request under the prefix`, async () => {
    const { mock, pass } = clocked();
    const idle = await mock.createWorkspace("idle");
    const busy = await mock.createWorkspace("busy");
    pass(WORKSPACE_IDLE_HOURS * HOUR - 1);
    await busy.client.get("/mock/spring/login");
    pass(2);
    // The virtual clock is not real time: moving it changes nothing.
    await busy.client.postJson("/mock/_control/clock/advance", { seconds: 10 * 86400 });
    expect(await ids(mock)).toEqual([busy.id]);
    expect((await idle.client.get("/mock/_control/health")).status).toBe(404);
    pass(WORKSPACE_IDLE_HOURS * HOUR + 1);
    expect((await busy.client.get("/mock/_control/health")).status).toBe(404);
    expect(await ids(mock)).toEqual([]);
  });

  it("after WORKSPACE_IDLE_HOURS instead, when set", async () => {
    expect(idleLimitFrom("0.5")).toEqual({ idleMs: HOUR / 2 });
    expect(idleLimitFrom(undefined)).toEqual({});
    for (const bad of ["0", "-1", "soon", "Infinity"]) expect(() => idleLimitFrom(bad), bad).toThrow(/WORKSPACE_IDLE_HOURS/);
    const { mock, pass } = clocked(idleLimitFrom("1").idleMs);
    const ws = await mock.createWorkspace();
    pass(HOUR + 1);
    expect((await ws.client.get("/mock/_control/health")).status).toBe(404);
  });
});

describe("one workspace's reset, traffic and streams", () => {
  it("a reset of one keeps the others' state and traffic", async () => {
    const mock = mockClient();
    const a = await mock.createWorkspace();
    const b = await mock.createWorkspace();
    for (const client of [mock, a.client, b.client]) {
      await client.postJson("/mock/_control/clock/advance", { seconds: 600 });
      await client.get("/mock/spring/login");
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await a.client.request("/mock/_control/reset", { method: "POST" })).status).toBe(200);
    expect((await (await a.client.get("/mock/_control/clock")).json()).offset).toBe(0);
    expect(await (await a.client.get("/mock/_control/traffic")).json()).toEqual([]);
    for (const client of [mock, b.client]) {
      expect((await (await client.get("/mock/_control/clock")).json()).offset).toBe(600);
      expect(await (await client.get("/mock/_control/traffic")).json()).toHaveLength(1);
    }
  });

  it("all traffic logs share the app's one byte budget; a deleted workspace's bytes are freed", async () => {
    const mock = mockClient();
    const a = await mock.createWorkspace();
    const b = await mock.createWorkspace();
    const worlds = [mock.defaultWorld, mock.workspaces.find(a.id)!.world, mock.workspaces.find(b.id)!.world];
    for (const world of worlds) expect(world.log.budget).toBe(mock.trafficBudget);
    const big = () => recordedExchange({ body: "x".repeat(60 * 1024) });
    for (const world of worlds) for (let i = 0; i < 20; i++) world.log.add(big());
    expect(worlds.map((w) => w.log.count())).toEqual([20, 20, 20]);
    expect(mock.trafficBudget.bytes).toBe(worlds.reduce((n, w) => n + w.log.bytes, 0));
    const bBytes = worlds[2]!.log.bytes;
    const before = mock.trafficBudget.bytes;
    await mock.request(`/mock/_control/workspaces/${b.id}`, { method: "DELETE" });
    expect(mock.trafficBudget.bytes).toBe(before - bBytes);
  });

  it("past the shared budget, the least recently used log gives up its oldest first, whichever workspace it is", async () => {
    const mock = mockClient();
    const fill = (log: typeof mock.log, n: number) => {
      for (let i = 0; i < n; i++) log.add(recordedExchange({ body: "y".repeat(60 * 1024) }));
      return log.count();
    };
    // Each log stays within its own 8 MB; nine of them pass the 64 MB all share.
    const perLog = 130;
    expect(fill(mock.log, perLog)).toBe(perLog);
    const created = [];
    for (let i = 0; i < 8; i++) created.push(mock.workspaces.find((await mock.createWorkspace()).id)!.world);
    for (const world of created) expect(fill(world.log, perLog)).toBe(perLog);
    expect(mock.trafficBudget.bytes).toBeLessThanOrEqual(mock.trafficBudget.limit);
    expect(mock.log.count()).toBeLessThan(perLog);
    expect(created.map((w) => w.log.count())).toEqual(created.map(() => perLog));
  });

  it("deleting a workspace ends its traffic streams", async () => {
    const mock = mockClient();
    const ws = await mock.createWorkspace();
    const res = await ws.client.get("/mock/_control/traffic/stream");
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    expect(decoder.decode((await reader.read()).value)).toContain("event: ready");
    await mock.request(`/mock/_control/workspaces/${ws.id}`, { method: "DELETE" });
    const ended = await Promise.race([
      (async () => {
        for (;;) if ((await reader.read()).done) return true;
      })(),
      new Promise((resolve) => setTimeout(() => resolve(false), 2_000)),
    ]);
    expect(ended).toBe(true);
    expect((await ws.client.get("/mock/_control/traffic/stream")).status).toBe(404);
  });
});
