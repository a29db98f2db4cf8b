/**
 * The traffic recorder over a real socket (@hono/node-server), where it takes its
 * fast paths: bodies come from Hono's body cache and the light response's string,
 * not from clones. What it records must be exactly what went over the wire.
 */
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMockApp } from "./app.ts";
import { MAX_BODY_BYTES } from "./kit/http.ts";
import { lightParts, RECORDED_BODY_LIMIT } from "./recorder.ts";

let base: string;
let mock: ReturnType<typeof createMockApp>;
let close: () => Promise<void>;

beforeAll(async () => {
  mock = createMockApp();
  const server = serve({ fetch: mock.app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise<void>((resolve) => server.close(() => resolve()));
});
afterAll(() => close());

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));
const last = () => mock.log.list().at(-1)!;

describe("traffic recorder over a real socket", () => {
  // The fast path leans on @hono/node-server's private response cache: an upgrade that
  // renames it would leave recording correct but several times slower, so it fails here.
  it("reads the status, string body and headers of node-server's light response as built", () => {
    const res = new Response('{"ok":true}', { status: 201, headers: { "Content-Type": "application/json", "cache-control": "no-store" } });
    expect(lightParts(res)).toEqual({ status: 201, body: '{"ok":true}', headers: [["content-type", "application/json"], ["cache-control", "no-store"]] });
    expect(lightParts(new Response(null, { status: 204 }))).toEqual({ status: 204, body: "", headers: [] });
  });

  it("records a form body the handler read and the JSON it answered, byte for byte", async () => {
    const body = "grant_type=client_credentials&client_id=pg5f3c9a1e7b2d4c68&client_secret=e2b7c1d94f6a0385b1c7d2e9f4a6b803&note=%E4%B8%AD%E6%96%87";
    const res = await fetch(`${base}/mock/pigai/oauth2/access_token`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body });
    const text = await res.text();
    await settle();
    const exchange = last();
    expect(exchange.request.body).toBe(body);
    expect(exchange.request.method).toBe("POST");
    expect(exchange.request.headers).toContainEqual(["content-length", String(body.length)]);
    expect(exchange.response.status).toBe(200);
    expect(exchange.response.body).toBe(text);
    expect(exchange.response.headers).toContainEqual(["cache-control", "no-store"]);
    expect(exchange).not.toHaveProperty("request.bodyTruncated");
  });

  it("records a body the handler never read (unknown endpoint) and an HTML page", async () => {
    const res = await fetch(`${base}/mock/spring/nowhere`, { method: "POST", headers: { "Content-Type": "text/plain" }, body: "héllo" });
    expect(res.status).toBe(404);
    await settle();
    expect(last().request.body).toBe("héllo");
    expect(last().response.body).toBe(await res.text());
    const page = await fetch(`${base}/mock/spring/login`);
    const html = await page.text();
    await settle();
    expect(last().response.body).toBe(html);
    expect(last().request.body).toBe("");
  });

  it("records a refused oversized body cut at the limit, and the 413 in full", async () => {
    const body = `a=${"b".repeat(MAX_BODY_BYTES + 10)}`;
    const res = await fetch(`${base}/mock/easemob/easemob-demo/testapp/token`, { method: "POST", headers: { "Content-Type": "application/json" }, body });
    expect(res.status).toBe(413);
    const text = await res.text();
    await settle();
    expect(last().request.body).toBe(body.slice(0, RECORDED_BODY_LIMIT));
    expect(last().request.bodyTruncated).toBe(true);
    expect(last().response.body).toBe(text);
  });
});
