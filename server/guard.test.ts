/**
 * Who may talk to the server: only its own Hosts (DNS rebinding), state changes only
 * from its own pages or from tools without an Origin (cross-site writes), control
 * bodies JSON and capped. Every rule is checked in the default workspace and, under its
 * /w/<id> prefix, in a created one.
 */
import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlaygroundOptions } from "./app.ts";
import { parseAllowedHosts } from "./host-guard.ts";
import { mockClient, onSocket, type MockClient } from "./testing.ts";

/** Where the rules are checked: the default workspace (prefix "") or a workspace created for the test. */
const PLACES: Array<[string, (mock: MockClient) => Promise<string>]> = [
  ["the default workspace", async () => ""],
  ["a created workspace", async (mock) => (await mock.createWorkspace()).base],
];

describe.each(PLACES)("in %s", (_place, prefixIn) => {
  /** A fresh app, the prefix of the place in it (W), and its control base as an absolute URL. */
  const world = async (options?: PlaygroundOptions) => {
    const mock = mockClient(options);
    const W = await prefixIn(mock);
    return { mock, W, CONTROL: `http://localhost:4173${W}/mock/_control` };
  };

  /** The place's app on a real socket, for the tests of the describe that calls it. */
  const servedPlace = () => {
    const at = { port: 0, W: "", close: async () => {} };
    beforeAll(async () => {
      const { mock, W } = await world();
      at.W = W;
      Object.assign(at, await onSocket(mock.app));
    });
    afterAll(() => at.close());
    return at;
  };

  describe("Host: only the playground's own names are served (DNS rebinding)", () => {
    it("refuses any other Host with 421 JSON, fixtures and traffic included", async () => {
      const { mock, W, CONTROL } = await world();
      for (const url of [`http://evil.example${W}/mock/_control/fixtures`, `http://evil.example:4173${W}/mock/_control/traffic`, `http://localhost.evil.example:4173${W}/mock/spring/login`, `http://10.0.0.1:4173${W}/mock/_control/health`, `http://evil.example${W}/spring`]) {
        const res = await mock.app.request(url);
        expect(res.status, url).toBe(421);
        expect(res.headers.get("content-type")).toContain("application/json");
        const body = await res.json();
        expect(body.error).toBe("misdirected_request");
        expect(body.error_description).toContain("ALLOWED_HOSTS");
      }
      // A lying Host header next to a good URL is refused too.
      expect((await mock.app.request(`${CONTROL}/fixtures`, { headers: { host: "evil.example" } })).status).toBe(421);
    });

    it("serves localhost and loopback addresses", async () => {
      const { mock, W } = await world();
      for (const host of ["localhost:4173", "127.0.0.1:4173", "127.8.9.10:4173", "[::1]:4173", "LOCALHOST:4173"]) {
        expect((await mock.app.request(`http://${host}${W}/mock/_control/health`)).status, host).toBe(200);
      }
    });

    it("serves the names in ALLOWED_HOSTS: a bare name on any port, host:port on that port only", async () => {
      const { mock, W } = await world({ allowedHosts: parseAllowedHosts(" team.example , Box.Local:8080") });
      expect((await mock.app.request(`http://team.example:9999${W}/mock/_control/health`)).status).toBe(200);
      expect((await mock.app.request(`http://box.local:8080${W}/mock/_control/health`)).status).toBe(200);
      expect((await mock.app.request(`http://box.local:8081${W}/mock/_control/health`)).status).toBe(421);
      expect(() => parseAllowedHosts("good.example,bad host")).toThrow(/ALLOWED_HOSTS/);
    });

    describe("over a real socket, where the port counts", () => {
      const at = servedPlace();

      const raw = (head: string) =>
        new Promise<string>((resolve, reject) => {
          const socket = net.connect(at.port, "127.0.0.1", () => socket.write(`${head}\r\nConnection: close\r\n\r\n`));
          let text = "";
          socket.setEncoding("latin1");
          socket.on("data", (chunk: string) => (text += chunk));
          socket.on("end", () => resolve(text));
          socket.on("error", reject);
        });

      it("serves its own port under every loopback name, and no other port", async () => {
        expect(await raw(`GET ${at.W}/mock/_control/health HTTP/1.1\r\nHost: localhost:${at.port}`)).toMatch(/^HTTP\/1\.1 200/);
        expect(await raw(`GET ${at.W}/mock/_control/health HTTP/1.1\r\nHost: 127.0.0.1:${at.port}`)).toMatch(/^HTTP\/1\.1 200/);
        expect(await raw(`GET ${at.W}/mock/_control/fixtures HTTP/1.1\r\nHost: localhost:${at.port + 1}`)).toMatch(/^HTTP\/1\.1 421/);
        expect(await raw(`GET ${at.W}/mock/_control/fixtures HTTP/1.1\r\nHost: evil.example:${at.port}`)).toMatch(/^HTTP\/1\.1 421/);
      });

      it("refuses an absolute-form request target naming another host, whatever the Host header says", async () => {
        const answer = await raw(`GET http://evil.example${at.W}/mock/spring/oauth/authorize?response_type=code&client_id=trusted-client HTTP/1.1\r\nHost: localhost:${at.port}`);
        expect(answer).toMatch(/^HTTP\/1\.1 421/);
        expect(answer).not.toMatch(/location:/i);
      });
    });
  });

  describe("cross-site writes: state changes only from the playground's own pages", () => {
    const post = async (path: string, headers: Record<string, string>, body?: string) => {
      const { mock, CONTROL } = await world();
      return mock.request(`${CONTROL}${path}`, { method: "POST", headers, ...(body === undefined ? {} : { body }) });
    };

    it("refuses a foreign Origin, Origin null and Sec-Fetch-Site: cross-site with 403 JSON", async () => {
      const attacks: Array<Record<string, string>> = [
        { origin: "http://evil.example" },
        { origin: "null" },
        { origin: "http://localhost:3000" },
        // Another origin of the same machine, even the playground's other name: not the page this request came from.
        { origin: "http://127.0.0.1:4173" },
        { "sec-fetch-site": "cross-site" },
        { origin: "http://localhost:4173", "sec-fetch-site": "cross-site" },
      ];
      for (const headers of attacks) {
        for (const path of ["/reset", "/clock/advance", "/seed", "/workspaces"]) {
          const res = await post(path, { ...headers, "content-type": "application/json" }, '{"seconds":604800,"seed":1}');
          expect(res.status, `${path} ${JSON.stringify(headers)}`).toBe(403);
          expect((await res.json()).error).toBe("forbidden");
        }
      }
    });

    it("the issue's no-cors attack leaves the clock where it was", async () => {
      const { mock, CONTROL } = await world();
      const res = await mock.request(`${CONTROL}/clock/advance`, { method: "POST", headers: { origin: "http://evil.example", "content-type": "text/plain" }, body: '{"seconds":604800}' });
      expect(res.status).toBe(403);
      expect((await (await mock.get(`${CONTROL}/clock`)).json()).offset).toBe(0);
    });

    it("serves its own origin, tools without an Origin, and reads from anywhere", async () => {
      expect((await post("/reset", { origin: "http://localhost:4173", "sec-fetch-site": "same-origin" })).status).toBe(200);
      // Behind a TLS proxy the page is https: and the request reaches the server as http:.
      expect((await post("/reset", { origin: "https://localhost:4173" })).status).toBe(200);
      expect((await post("/reset", {})).status).toBe(200);
      const { mock, CONTROL } = await world();
      expect((await mock.request(`${CONTROL}/clock`, { headers: { origin: "http://evil.example" } })).status).toBe(200);
    });

    it("takes the Origin of an ALLOWED_HOSTS name when the request came by that name", async () => {
      const { mock, W } = await world({ allowedHosts: ["team.example"] });
      const res = await mock.app.request(`http://team.example:4173${W}/mock/_control/reset`, { method: "POST", headers: { origin: "http://team.example:4173" } });
      expect(res.status).toBe(200);
    });
  });

  describe("control bodies: JSON only, capped", () => {
    it("refuses a form or text body with 415 JSON, and takes an empty one", async () => {
      const { mock, CONTROL } = await world();
      for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
        const res = await mock.request(`${CONTROL}/clock/advance`, { method: "POST", headers: { "content-type": type }, body: '{"seconds":604800}' });
        expect(res.status, type).toBe(415);
        expect((await res.json()).error).toContain("JSON");
      }
      expect((await (await mock.get(`${CONTROL}/clock`)).json()).offset).toBe(0);
      expect((await mock.request(`${CONTROL}/reset`, { method: "POST" })).status).toBe(200);
      expect((await mock.request(`${CONTROL}/seed`, { method: "POST", headers: { "content-type": "application/json; charset=utf-8" }, body: '{"seed":7}' })).status).toBe(200);
    });

    it("refuses a body past 64 KB with 413 JSON", async () => {
      const { mock, CONTROL } = await world();
      const res = await mock.postJson(`${CONTROL}/clock/advance`, `{"seconds":1,"pad":"${"x".repeat(70_000)}"}`);
      expect(res.status).toBe(413);
      expect((await res.json()).error).toContain("64 KB");
    });

    describe("over a real socket", () => {
      const at = servedPlace();

      it("keeps the kept-alive connection usable after a refused sized body", async () => {
        const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
        const send = (path: string, body: string) =>
          new Promise<number>((resolve, reject) => {
            const req = http.request({ host: "127.0.0.1", port: at.port, path, method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } }, (res) => {
              res.resume();
              res.on("end", () => resolve(res.statusCode ?? 0));
            });
            req.on("error", reject);
            req.end(body);
          });
        try {
          expect(await send(`${at.W}/mock/_control/clock/advance`, `{"pad":"${"x".repeat(200_000)}"}`)).toBe(413);
          expect(await send(`${at.W}/mock/_control/clock/advance`, '{"seconds":60}')).toBe(200);
        } finally {
          agent.destroy();
        }
      });

      it("six parallel chunked uploads of 32 MB each: 413s, memory stays put, health keeps answering", { timeout: 60_000 }, async () => {
        const chunk = Buffer.alloc(64 * 1024, "a");
        const upload = () =>
          new Promise<number>((resolve) => {
            const req = http.request({ host: "127.0.0.1", port: at.port, path: `${at.W}/mock/_control/clock/advance`, method: "POST", headers: { "content-type": "application/json" } }, (res) => {
              res.resume();
              resolve(res.statusCode ?? 0);
            });
            req.on("error", () => resolve(0));
            let sent = 0;
            const pump = () => {
              while (sent < 32 * 1024 * 1024) {
                sent += chunk.length;
                if (!req.write(chunk)) return void req.once("drain", pump);
              }
              req.end();
            };
            pump();
          });
        global.gc?.();
        const before = process.memoryUsage().rss;
        const uploads = Promise.all(Array.from({ length: 6 }, upload));
        const started = performance.now();
        const health = await fetch(`http://127.0.0.1:${at.port}${at.W}/mock/_control/health`);
        expect(health.status).toBe(200);
        expect(performance.now() - started).toBeLessThan(1000);
        expect(await uploads).toEqual([413, 413, 413, 413, 413, 413]);
        expect((process.memoryUsage().rss - before) / 1024 / 1024).toBeLessThan(64);
      });
    });
  });
});
