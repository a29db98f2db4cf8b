/** The requests the bench sends to the mock, and its one SSE follower (setup only; the load is autocannon's). */
import { request as httpRequest, type IncomingMessage } from "node:http";
import type autocannon from "autocannon";

const FORM = { "content-type": "application/x-www-form-urlencoded" };

/** The three token requests the targets are about, against the mock at `base`. */
export function tokenEndpoints(base: string, refreshToken: string): Array<[string, autocannon.Options]> {
  return [
    [
      "Pigai client_credentials",
      {
        url: `${base}/mock/pigai/oauth2/access_token`,
        method: "POST",
        headers: FORM,
        body: "grant_type=client_credentials&client_id=pg5f3c9a1e7b2d4c68&client_secret=e2b7c1d94f6a0385b1c7d2e9f4a6b803",
      },
    ],
    [
      "Spring refresh_token",
      {
        url: `${base}/mock/spring/oauth/token`,
        method: "POST",
        headers: { ...FORM, authorization: `Basic ${Buffer.from("trusted-client:trusted-secret").toString("base64")}` },
        body: `grant_type=refresh_token&refresh_token=${encodeURIComponent(refreshToken)}`,
      },
    ],
    [
      "Easemob app token",
      {
        url: `${base}/mock/easemob/easemob-demo/testapp/token`,
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ grant_type: "client_credentials", client_id: "YXA6i-Ak8Ol4Eei2l11ZjV-EAg", client_secret: "YXA6VunqiNxoB7IwXHInk1cGiXOOJfc" }),
      },
    ],
  ];
}

/** Answers that take other paths through the mock and its recorder than a token answer does. */
export function otherAnswers(base: string): Array<[string, autocannon.Options]> {
  return [
    ["Spring login page (HTML)", { url: `${base}/mock/spring/login` }],
    ["Pigai 405, body never read", { url: `${base}/mock/pigai/oauth2/authorize2`, method: "POST", headers: FORM, body: "client_id=pg5f3c9a1e7b2d4c68" }],
    ["Spring 404", { url: `${base}/mock/spring/nowhere` }],
    ["PPMessage 应用授权 page (HTML)", { url: `${base}/mock/ppmessage/ppauth/auth?response_type=code&client_id=3d6e2a9c-5b1f-11e6-9c4e-acbc32d7e3f1&redirect_uri=http://you-site.com&state=s` }],
  ];
}

/** A Spring refresh token, from the whole code flow (session cookie, login, auto-approving client). */
export async function springRefreshToken(base: string): Promise<string> {
  const authorize = `${base}/mock/spring/oauth/authorize?response_type=code&client_id=trusted-client&redirect_uri=http://localhost`;
  const first = await fetch(authorize, { redirect: "manual" });
  const cookie = (first.headers.get("set-cookie") ?? "").split(";")[0]!;
  const login = await fetch(`${base}/mock/spring/login`, { method: "POST", redirect: "manual", headers: { ...FORM, cookie }, body: "username=user&password=password" });
  // A mock that issues a new session at login says so in its answer.
  const session = (login.headers.get("set-cookie") ?? "").split(";")[0] || cookie;
  const approved = await fetch(authorize, { redirect: "manual", headers: { cookie: session } });
  const code = new URL(approved.headers.get("location")!).searchParams.get("code");
  if (!code) throw new Error(`no code from the Spring authorize dance (status ${approved.status})`);
  const token = await fetch(`${base}/mock/spring/oauth/token`, {
    method: "POST",
    headers: FORM,
    body: `grant_type=authorization_code&code=${code}&redirect_uri=http://localhost&client_id=trusted-client&client_secret=trusted-secret`,
  });
  const body = (await token.json()) as { refresh_token?: string };
  if (!body.refresh_token) throw new Error(`no refresh token: ${JSON.stringify(body)}`);
  return body.refresh_token;
}

/** A new workspace's path prefix ("/w/<id>"). */
export async function createWorkspace(base: string): Promise<string> {
  const res = await fetch(`${base}/mock/_control/workspaces`, { method: "POST" });
  const body = (await res.json()) as { base?: string };
  if (res.status !== 201 || !body.base) throw new Error(`no workspace: ${res.status} ${JSON.stringify(body)}`);
  return body.base;
}

/** Id of the newest recorded exchange: the number recorded since start. */
export async function lastExchangeId(base: string): Promise<number> {
  const list = (await (await fetch(`${base}/mock/_control/traffic`)).json()) as Array<{ id: number }>;
  return list.at(-1)?.id ?? 0;
}

/**
 * One SSE client on the traffic stream, counting exchanges as they arrive and those the server
 * said it dropped while the client was behind. It counts frames
 * in the raw bytes instead of decoding and splitting text: it shares this process with
 * autocannon, and a follower that parsed every line cost the load generator a fifth of its
 * requests, which the mock's figures then wrongly carried.
 */
export function followTraffic(port: number) {
  // Every exchange frame follows the blank line that ends the one before (JSON has no raw newline).
  const frame = Buffer.from("\nevent: exchange\n");
  const droppedFrame = /event: dropped\ndata: \{"count":(\d+)\}/g;
  let exchanges = 0;
  let dropped = 0;
  let tail = Buffer.alloc(0);
  let response: IncomingMessage | undefined;
  const ready = new Promise<void>((resolvePromise, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path: "/mock/_control/traffic/stream", headers: { accept: "text/event-stream" } }, (res) => {
      response = res;
      res.on("data", (chunk: Buffer) => {
        // A frame cut between two chunks is found in the previous chunk's last bytes joined to this one;
        // a match that ends inside those kept bytes was counted with the previous chunk.
        const kept = tail.length;
        const bytes = kept ? Buffer.concat([tail, chunk]) : chunk;
        if (exchanges === 0 && bytes.includes("event: ready\n")) resolvePromise();
        for (let at = bytes.indexOf(frame); at !== -1; at = bytes.indexOf(frame, at + frame.length)) if (at + frame.length > kept) exchanges++;
        // Only when the reader fell behind, so decoding the chunk for it costs nothing in the common case.
        if (bytes.includes("event: dropped")) {
          for (const m of bytes.toString("latin1").matchAll(droppedFrame)) if (m.index + m[0].length > kept) dropped += Number(m[1]);
        }
        tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 64)));
      });
    });
    req.on("error", reject);
    req.end();
  });
  return { ready, count: () => exchanges, dropped: () => dropped, close: () => response?.destroy() };
}
