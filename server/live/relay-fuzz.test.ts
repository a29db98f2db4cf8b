/**
 * Generated requests through the relay to a real echo server on a loopback socket: what
 * arrives is what was sent (method, path and query as the URL has them, the user's headers,
 * the body's bytes), and what comes back is what the server answered.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMockApp } from "../app.ts";
import { scriptedServer, valuesOf } from "./scripted-server.ts";

const PLAY = "http://localhost:4173";

describe("live relay: generated requests arrive and come back unchanged", () => {
  let real: Awaited<ReturnType<typeof scriptedServer>>;
  const mock = createMockApp({ recordTraffic: false });
  beforeAll(async () => {
    real = await scriptedServer((req, res, body) => res.writeHead(200, { "content-type": "application/octet-stream", "x-method": req.method ?? "" }).end(body));
    await mock.app.request(`${PLAY}/mock/_control/targets/spring`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ base: `${real.base}/base` }) });
  });
  afterAll(() => real.close());

  const request = fc.record({
    method: fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"),
    segments: fc.array(fc.webSegment(), { maxLength: 4 }),
    query: fc.option(fc.webQueryParameters(), { nil: undefined }),
    // X-Forwarded-* is the one x- family the relay drops on purpose.
    header: fc.tuple(fc.stringMatching(/^x-[a-z0-9-]{1,12}$/).filter((n) => !n.startsWith("x-forwarded-")), fc.stringMatching(/^[!-~]([ -~]{0,30}[!-~])?$/)),
    body: fc.uint8Array({ maxLength: 2048 }),
  });

  it("300 requests", { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(request, async ({ method, segments, query, header, body }) => {
        const url = new URL(`${PLAY}/live/spring/${segments.join("/")}${query === undefined ? "" : `?${query}`}`);
        const withBody = method !== "GET";
        const before = real.arrived.length;
        const res = await mock.app.request(url.href, { method, headers: { [header[0]]: header[1] }, ...(withBody ? { body } : {}) });
        expect(res.status).toBe(200);
        const arrived = real.arrived[before]!;
        expect(arrived.method).toBe(method);
        const below = url.pathname.slice("/live/spring".length);
        expect(arrived.target).toBe(`/base${below || "/"}${url.search}`);
        expect(valuesOf(arrived.headers, header[0])).toEqual([header[1]]);
        expect(new Uint8Array(arrived.body)).toEqual(withBody ? body : new Uint8Array(0));
        expect(res.headers.get("x-method")).toBe(method);
        expect(new Uint8Array(await res.arrayBuffer())).toEqual(withBody ? body : new Uint8Array(0));
      }),
      { numRuns: 300, seed: 20_261_201 },
    );
  });
});
