/**
 * Security invariants of every registered provider (see suites/security.ts: pages, JSONP,
 * redirects, replay, body caps, each driven by the provider's probes), then bounded memory.
 */
import { describe, expect, it } from "vitest";
import { ExpiringStore } from "./kit/expiring-store.ts";
import { createClock } from "./kit/clock.ts";
import { probeClient } from "./kit/probes.ts";
import { mockEntries } from "./providers.ts";
import { springProbes } from "../src/providers/spring/mock/probes.ts";
import { describeSecurity } from "./suites/security.ts";
import { mockClient } from "./testing.ts";
import { TRAFFIC_CAPACITY } from "./traffic-log.ts";

describeSecurity(mockEntries);

const SPRING = "/mock/spring";
const springAuthorize = (query: Record<string, string>) => `${SPRING}/oauth/authorize?${new URLSearchParams(query).toString()}`;

describe("bounded memory: stores and the traffic log stay capped", () => {
  it("an ExpiringStore never holds more than its capacity (30k writes)", () => {
    const store = new ExpiringStore<number>(createClock(), 10_000);
    for (let i = 0; i < 30_000; i++) store.set(`k${i}`, i, null);
    expect(store.size).toBe(10_000);
    expect(store.get("k0")).toBeUndefined();
    expect(store.get("k29999")).toBe(29_999);
  });

  it("30k pigai tokens: the oldest are evicted, the newest still work, the log stays at its ring size", { timeout: 60_000 }, async () => {
    const mock = mockClient();
    const body = "grant_type=client_credentials&client_id=pg5f3c9a1e7b2d4c68&client_secret=e2b7c1d94f6a0385b1c7d2e9f4a6b803";
    const issue = async () => ((await (await mock.postForm("/mock/pigai/oauth2/access_token", body)).json()) as { access_token: string }).access_token;
    const first = await issue();
    const me = (token: string) => mock.get("/mock/pigai/api/me", { Authorization: `Bearer ${token}` });
    expect((await me(first)).status).toBe(200);
    let last = first;
    for (let i = 0; i < 30_000; i++) last = await issue();
    expect((await me(first)).status).toBe(401); // evicted: the store is capped at 20k
    expect((await me(last)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(mock.log.capacity).toBe(TRAFFIC_CAPACITY);
    expect(mock.log.list()).toHaveLength(TRAFFIC_CAPACITY);
  });

  it("spring sessions are capped: a flood of new sessions evicts the oldest", { timeout: 60_000 }, async () => {
    const mock = mockClient();
    const cookie = await springProbes.session!(probeClient(mock.app, SPRING));
    expect((await mock.get(`${SPRING}/`, { cookie })).status).toBe(200); // signed in
    for (let i = 0; i < 6_000; i++) await mock.get(springAuthorize({ response_type: "code", client_id: "trusted-client" }));
    const after = await mock.get(`${SPRING}/`, { cookie });
    expect(after.status).toBe(302); // the session is gone: back to /login
    expect(mock.log.list().length).toBeLessThanOrEqual(TRAFFIC_CAPACITY);
  });
});
