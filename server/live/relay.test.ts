/**
 * The live relay against real servers on loopback sockets: what goes to the real server, what
 * comes back to the client, what is refused, and what the workspace's traffic records.
 */
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createMockApp, type PlaygroundOptions } from "../app.ts";
import { onSocket } from "../testing.ts";
import { scriptedServer, valuesOf } from "./scripted-server.ts";

const PLAY = "http://localhost:4173";
const JSON_TYPE = { "content-type": "application/json" };
const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of cleanup.splice(0)) await close();
});

async function upstream(...args: Parameters<typeof scriptedServer>) {
  const server = await scriptedServer(...args);
  cleanup.push(server.close);
  return server;
}

/** A fresh playground whose spring target is `base`. */
async function playgroundFor(base: string, options: PlaygroundOptions = {}) {
  const mock = createMockApp(options);
  const put = await mock.app.request(`${PLAY}/mock/_control/targets/spring`, { method: "PUT", headers: JSON_TYPE, body: JSON.stringify({ base }) });
  expect(put.status).toBe(200);
  return {
    ...mock,
    live: (path: string, init?: RequestInit) => mock.app.request(`${PLAY}/live/spring${path}`, init),
    /** The recorded traffic, once the recorder's background reads are in. */
    traffic: async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return mock.log.list();
    },
  };
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer().listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("live relay: the request goes to the real server unchanged", () => {
  it("keeps the method, the path and query as sent (escapes included) and the body's bytes", async () => {
    const real = await upstream((_req, res) => res.end("ok"));
    const play = await playgroundFor(real.base);
    const body = "grant_type=authorization_code&code=W636oE&redirect_uri=http%3A%2F%2Flocalhost";
    await play.live("/oauth/token?a=1&a=2&b=%41%20x", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body });
    await play.live("/a%2Fb/c%20d", { method: "PATCH", body: "x" });
    expect(real.arrived.map((r) => `${r.method} ${r.target}`)).toEqual(["POST /oauth/token?a=1&a=2&b=%41%20x", "PATCH /a%2Fb/c%20d"]);
    expect(real.arrived[0]!.body.toString()).toBe(body);
    expect(valuesOf(real.arrived[0]!.headers, "content-type")).toEqual(["application/x-www-form-urlencoded"]);
  });

  it("goes under the base's path prefix, and a path that looks like another host stays on the target", async () => {
    const real = await upstream((_req, res) => res.end("ok"));
    const play = await playgroundFor(`${real.base}/auth`);
    expect((await play.live("/oauth/token", { method: "POST" })).status).toBe(200);
    expect((await play.live("//evil.example/steal")).status).toBe(200);
    expect((await play.live("")).status).toBe(200);
    expect(real.arrived.map((r) => r.target)).toEqual(["/auth/oauth/token", "/auth//evil.example/steal", "/auth/"]);
  });

  it("sets Host to the target's and sends the user's headers, but none the browser added for the playground", async () => {
    const real = await upstream((_req, res) => res.end("ok"));
    const play = await playgroundFor(real.base);
    const browserAdded = {
      cookie: "JSESSIONID=mock-session; other=1",
      origin: PLAY,
      referer: `${PLAY}/spring`,
      "sec-fetch-site": "same-origin",
      "sec-fetch-mode": "cors",
      "sec-fetch-dest": "empty",
      "sec-ch-ua": '"Chromium";v="140"',
      "accept-encoding": "gzip, br",
      "x-forwarded-for": "10.0.0.1",
      forwarded: "for=10.0.0.1",
    };
    const users = { authorization: "Basic bWVzc2FnaW5nLWNsaWVudDpzZWNyZXQ=", accept: "application/json", "x-request-id": "42" };
    await play.live("/oauth/token", { method: "POST", headers: { ...browserAdded, ...users }, body: "grant_type=refresh_token" });
    const { headers } = real.arrived[0]!;
    expect(valuesOf(headers, "host")).toEqual([`127.0.0.1:${real.port}`]);
    for (const name of Object.keys(browserAdded)) expect(valuesOf(headers, name), name).toEqual([]);
    for (const [name, value] of Object.entries(users)) expect(valuesOf(headers, name), name).toEqual([value]);
    expect(headers.map(([name]) => name).sort()).toEqual(["accept", "authorization", "connection", "content-length", "content-type", "host", "x-request-id"]);
  });

  it("strips hop-by-hop request headers, those Connection names included", async () => {
    const real = await upstream((_req, res) => res.end("ok"));
    const play = await playgroundFor(real.base);
    const hopByHop = { connection: "keep-alive, x-hop-secret", "x-hop-secret": "1", "keep-alive": "timeout=5", te: "trailers", trailer: "x-t", upgrade: "websocket", "proxy-authorization": "Basic eDp5", "proxy-connection": "keep-alive" };
    await play.live("/x", { method: "POST", headers: { ...hopByHop, "x-end-to-end": "kept" }, body: "b" });
    const { headers } = real.arrived[0]!;
    for (const name of Object.keys(hopByHop).filter((n) => n !== "connection")) expect(valuesOf(headers, name), name).toEqual([]);
    expect(valuesOf(headers, "connection")).toEqual(["close"]); // the relay's own hop
    expect(valuesOf(headers, "x-end-to-end")).toEqual(["kept"]);
  });

  it("refuses a body past 64 KB with 413 JSON, and sends nothing", async () => {
    const real = await upstream((_req, res) => res.end("ok"));
    const play = await playgroundFor(real.base);
    const res = await play.live("/oauth/token", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "a=" + "x".repeat(64 * 1024) });
    expect(res.status).toBe(413);
    expect((await res.json()).error).toBe("payload_too_large");
    const exact = await play.live("/oauth/token", { method: "POST", body: "x".repeat(64 * 1024) });
    expect(exact.status).toBe(200);
    expect(real.arrived.map((r) => r.body.byteLength)).toEqual([64 * 1024]);
  });
});

describe("live relay: the real answer comes back unchanged", () => {
  it("keeps the status, the headers (repeated ones too) and a non-JSON body", async () => {
    const real = await upstream((_req, res) => {
      res.writeHead(418, "I'm a teapot", [
        ["Content-Type", "text/plain; charset=utf-8"],
        ["WWW-Authenticate", 'Basic realm="oauth"'],
        ["WWW-Authenticate", 'Bearer realm="api"'],
        ["X-Custom", "one"],
      ]);
      res.end("short and stout ✓");
    });
    const play = await playgroundFor(real.base);
    const res = await play.live("/api/me");
    expect(res.status).toBe(418);
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(res.headers.get("www-authenticate")).toBe('Basic realm="oauth", Bearer realm="api"');
    expect(res.headers.get("x-custom")).toBe("one");
    expect(await res.text()).toBe("short and stout ✓");
  });

  it("passes a binary body through byte for byte, both ways", async () => {
    const real = await upstream((_req, res, body) => res.writeHead(200, { "content-type": "application/octet-stream" }).end(body));
    const play = await playgroundFor(real.base);
    const bytes = Uint8Array.from({ length: 512 }, (_, i) => (i * 7) % 256);
    const res = await play.live("/blob", { method: "PUT", headers: { "content-type": "application/octet-stream" }, body: bytes });
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
    expect(new Uint8Array(real.arrived[0]!.body)).toEqual(bytes);
  });

  it("passes a redirect back with its Location untouched, and does not follow it", async () => {
    const real = await upstream((req, res) => {
      if (req.url === "/oauth/authorize") res.writeHead(302, { location: "/login?next=%2Foauth%2Fauthorize" }).end();
      else res.writeHead(303, { location: "http://localhost/?code=W636oE&state=a%20b" }).end();
    });
    const play = await playgroundFor(real.base);
    const relative = await play.live("/oauth/authorize");
    expect(relative.status).toBe(302);
    expect(relative.headers.get("location")).toBe("/login?next=%2Foauth%2Fauthorize");
    const absolute = await play.live("/interaction/1", { method: "POST" });
    expect(absolute.status).toBe(303);
    expect(absolute.headers.get("location")).toBe("http://localhost/?code=W636oE&state=a%20b");
    expect(real.arrived.map((r) => r.target)).toEqual(["/oauth/authorize", "/interaction/1"]);
  });

  it("strips hop-by-hop answer headers, and keeps the real server's cookies and Clear-Site-Data off the playground's origin", async () => {
    const real = await upstream((_req, res) => {
      res.writeHead(200, [
        ["Content-Type", "application/json"],
        ["Connection", "x-hop-secret"],
        ["X-Hop-Secret", "1"],
        ["Keep-Alive", "timeout=5"],
        ["Proxy-Authenticate", "Basic"],
        ["Set-Cookie", "SESSION=real; Path=/"],
        ["Clear-Site-Data", '"storage"'],
        ["X-End-To-End", "kept"],
      ]);
      res.write('{"a":');
      res.end("1}"); // chunked: Transfer-Encoding is hop-by-hop too
    });
    const play = await playgroundFor(real.base);
    const res = await play.live("/api/me");
    for (const name of ["connection", "x-hop-secret", "keep-alive", "proxy-authenticate", "transfer-encoding", "set-cookie", "clear-site-data"]) expect(res.headers.get(name), name).toBeNull();
    expect(res.headers.get("x-end-to-end")).toBe("kept");
    expect(await res.json()).toEqual({ a: 1 });
    const [recorded] = await play.traffic();
    expect(valuesOf(recorded!.response.headers, "set-cookie")).toEqual(["SESSION=real; Path=/"]);
    expect(valuesOf(recorded!.response.headers, "transfer-encoding")).toEqual(["chunked"]);
  });

  it("refuses an answer past 64 KB with 502 JSON, announced or streamed, and passes 64 KB whole", async () => {
    const real = await upstream((req, res) => {
      const size = Number(req.url!.slice(1));
      if (req.method === "POST") {
        res.write("x".repeat(size - 10));
        res.end("y".repeat(10));
      } else res.writeHead(200, { "content-type": "text/plain", "content-length": size }).end("x".repeat(size));
    });
    const play = await playgroundFor(real.base);
    for (const method of ["GET", "POST"]) {
      const over = await play.live(`/${64 * 1024 + 1}`, { method });
      expect(over.status, method).toBe(502);
      const body = await over.json();
      expect(body.error).toBe("live_answer_too_large");
      expect(body.error_description).toContain("64 KB");
      const whole = await play.live(`/${64 * 1024}`, { method });
      expect(whole.status).toBe(200);
      expect((await whole.text()).length).toBe(64 * 1024);
    }
  });
});

describe("live relay: failures are the relay's own JSON", () => {
  it("answers 502 when the real server is unreachable", async () => {
    const port = await closedPort();
    const play = await playgroundFor(`http://127.0.0.1:${port}`);
    const res = await play.live("/oauth/token", { method: "POST", body: "grant_type=x" });
    expect(res.status).toBe(502);
    expect(res.headers.get("content-type")).toContain("application/json");
    const body = await res.json();
    expect(body.error).toBe("live_unreachable");
    expect(body.error_description).toContain("ECONNREFUSED");
    const [recorded] = await play.traffic();
    expect(recorded).toMatchObject({ live: true, liveFailure: "unreachable", request: { url: `http://127.0.0.1:${port}/oauth/token`, body: "grant_type=x" }, response: { status: 502 } });
  });

  it("answers 504 when the real server does not answer within the timeout", async () => {
    const silent = net.createServer(() => {}).listen(0, "127.0.0.1");
    await new Promise((resolve) => silent.once("listening", resolve));
    const sockets: net.Socket[] = [];
    silent.on("connection", (socket) => sockets.push(socket));
    cleanup.push(() => new Promise((resolve) => (sockets.forEach((s) => s.destroy()), silent.close(() => resolve()))));
    const play = await playgroundFor(`http://127.0.0.1:${(silent.address() as net.AddressInfo).port}`, { liveTimeoutMs: 150 });
    const started = Date.now();
    const res = await play.live("/oauth/token", { method: "POST" });
    expect(res.status).toBe(504);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await res.json()).toMatchObject({ error: "live_timeout", error_description: expect.stringContaining("0.15 s") });
    expect((await play.traffic())[0]).toMatchObject({ live: true, liveFailure: "timeout", response: { status: 504 } });
  });

  it("with no target set answers 409 naming the PUT to make; an unknown provider 404", async () => {
    const mock = createMockApp();
    const res = await mock.app.request(`${PLAY}/live/spring/oauth/token`, { method: "POST" });
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body.error).toBe("no_live_target");
    expect(body.error_description).toContain("PUT /mock/_control/targets/spring");
    const unknown = await mock.app.request(`${PLAY}/live/nope/x`);
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error).toBe("unknown_provider");
    expect((await mock.app.request(`${PLAY}/live`)).status).toBe(404);
  });

  it("goes back to 409 once the target is deleted", async () => {
    const real = await upstream((_req, res) => res.end("ok"));
    const play = await playgroundFor(real.base);
    expect((await play.live("/x")).status).toBe(200);
    await play.app.request(`${PLAY}/mock/_control/targets/spring`, { method: "DELETE" });
    expect((await play.live("/x")).status).toBe(409);
    expect(real.arrived).toHaveLength(1);
  });
});

describe("live relay: who may use it", () => {
  it("refuses a cross-site write with 403 and sends nothing; the playground's own pages and tools are served", async () => {
    const real = await upstream((_req, res) => res.end("ok"));
    const play = await playgroundFor(real.base);
    const form = { "content-type": "application/x-www-form-urlencoded" };
    const attacks: Array<Record<string, string>> = [{ origin: "http://evil.example" }, { origin: "null" }, { "sec-fetch-site": "cross-site" }];
    for (const headers of attacks) {
      const res = await play.live("/oauth/token", { method: "POST", headers: { ...form, ...headers }, body: "grant_type=client_credentials" });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect((await res.json()).error).toBe("forbidden");
    }
    expect(real.arrived).toHaveLength(0);
    expect((await play.live("/oauth/token", { method: "POST", headers: { ...form, origin: PLAY, "sec-fetch-site": "same-origin" }, body: "a=1" })).status).toBe(200);
    expect((await play.live("/oauth/token", { method: "POST", headers: form, body: "a=1" })).status).toBe(200);
  });

  it("is behind the host guard: another Host gets 421", async () => {
    const real = await upstream((_req, res) => res.end("ok"));
    const play = await playgroundFor(real.base);
    expect((await play.app.request("http://evil.example/live/spring/x")).status).toBe(421);
    expect(real.arrived).toHaveLength(0);
  });

  it("a target pointing at the relay itself ends in a refusal, not a flood", async () => {
    const mock = createMockApp();
    const served = await onSocket(mock.app);
    cleanup.push(served.close);
    const self = `http://127.0.0.1:${served.port}`;
    await fetch(`${self}/mock/_control/targets/spring`, { method: "PUT", headers: JSON_TYPE, body: JSON.stringify({ base: `${self}/live/spring` }) });
    const res = await fetch(`${self}/live/spring/x`);
    expect(res.status).toBe(429);
    expect((await res.json()).error).toBe("live_busy");
  });
});

describe("live relay: recorded in the workspace's traffic, marked live", () => {
  it("records the request as sent to the real URL and the answer as received", async () => {
    const real = await upstream((_req, res) => res.writeHead(200, { "content-type": "application/json", "x-a": "1" }).end('{"access_token":"t"}'));
    const play = await playgroundFor(real.base);
    await play.live("/oauth/token?x=1", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", cookie: "s=1", "sec-fetch-mode": "cors" }, body: "grant_type=x" });
    await play.app.request(`${PLAY}/mock/spring/login`);
    const [live, mock] = await play.traffic();
    expect(live).toMatchObject({
      provider: "spring",
      live: true,
      initiator: "fetch",
      request: { method: "POST", url: `${real.base}/oauth/token?x=1`, body: "grant_type=x" },
      response: { status: 200, statusText: "OK", body: '{"access_token":"t"}' },
    });
    expect(live!.request.headers).toEqual(real.arrived[0]!.headers);
    expect(valuesOf(live!.response.headers, "x-a")).toEqual(["1"]);
    expect(mock!.live).toBeUndefined();
    expect(new URL(mock!.request.url).pathname).toBe("/mock/spring/login");
  });

  it("records a binary answer without its bytes, and nothing when recording is off", async () => {
    const real = await upstream((_req, res) => res.writeHead(200, { "content-type": "image/png" }).end(Buffer.from([0x89, 0x50])));
    const play = await playgroundFor(real.base);
    await play.live("/logo.png");
    expect((await play.traffic())[0]!.response.body).toBe("");
    const quiet = await playgroundFor(real.base, { recordTraffic: false });
    await quiet.live("/logo.png");
    expect(await quiet.traffic()).toEqual([]);
  });
});
