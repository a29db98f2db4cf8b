import { describe, expect, it } from "vitest";
import type { Exchange } from "./exchange.ts";
import { fromHar, toHar } from "./har.ts";
import { redactExchanges } from "./redact.ts";

const token: Exchange = {
  id: 7,
  provider: "spring",
  initiator: "fetch",
  startedAt: Date.UTC(2026, 10, 21, 12, 0, 0),
  virtualTime: 1_800_000_000,
  durationMs: 3,
  request: {
    method: "POST",
    url: "http://localhost:4173/mock/spring/oauth/token",
    headers: [["content-type", "application/x-www-form-urlencoded"], ["cookie", "JSESSIONID=ABCDEF123456"]],
    body: "grant_type=authorization_code&code=W636oE&client_id=messaging-client&client_secret=secret&redirect_uri=http://localhost",
  },
  response: {
    status: 200,
    statusText: "OK",
    headers: [["content-type", "application/json"]],
    body: '{"access_token":"a2o1msDxQlL1Ej7YRJF5zmYsL_A","token_type":"bearer","refresh_token":"uIOk2gzINbjYc5SWBvvId_xXWK0","expires_in":43199,"scope":"read write"}',
  },
};

const redirect: Exchange = {
  ...token,
  id: 8,
  initiator: "form",
  request: { method: "POST", url: "http://localhost:4173/mock/spring/oauth/authorize", headers: [], body: "user_oauth_approval=true" },
  response: { status: 302, statusText: "Found", headers: [["location", "http://localhost?code=W636oE&state=xyz"]], body: "" },
};

describe("HAR 1.2 export", () => {
  const har = toHar([token, redirect]);
  const [entry, second] = har.log.entries;

  it("has the structure Chrome DevTools reads", () => {
    expect(har.log.version).toBe("1.2");
    expect(har.log.creator.name).toBe("OAuth Playground");
    expect(entry!.startedDateTime).toBe("2026-11-21T12:00:00.000Z");
    for (const key of ["method", "url", "httpVersion", "cookies", "headers", "queryString", "headersSize", "bodySize"]) expect(entry!.request).toHaveProperty(key);
    for (const key of ["status", "statusText", "httpVersion", "cookies", "headers", "content", "redirectURL", "headersSize", "bodySize"]) expect(entry!.response).toHaveProperty(key);
    expect(entry!.timings.wait).toBe(3);
    expect(entry!.cache).toEqual({});
  });

  it("keeps bodies, form params, cookies and redirects", () => {
    expect(entry!.request.postData?.mimeType).toBe("application/x-www-form-urlencoded");
    expect(entry!.request.postData?.params).toContainEqual({ name: "code", value: "W636oE" });
    expect(entry!.request.cookies).toEqual([{ name: "JSESSIONID", value: "ABCDEF123456" }]);
    expect(JSON.parse(entry!.response.content.text).token_type).toBe("bearer");
    expect(second!.response.redirectURL).toBe("http://localhost?code=W636oE&state=xyz");
  });

  it("imports back into the same exchanges", () => {
    const back = fromHar(JSON.stringify(har));
    expect(back).toHaveLength(2);
    expect(back[0]).toMatchObject({ provider: "spring", initiator: "fetch", virtualTime: 1_800_000_000, request: { method: "POST", body: token.request.body }, response: { status: 200, body: token.response.body } });
    expect(back[1]!.response.headers).toContainEqual(["location", "http://localhost?code=W636oE&state=xyz"]);
  });

  it("refuses files that are not HAR with a readable error", () => {
    expect(() => fromHar("nope")).toThrow(/not JSON/);
    expect(() => fromHar('{"log":{}}')).toThrow(/not a HAR/);
  });
});

describe("redaction", () => {
  const [t, r] = redactExchanges([token, redirect]);

  it("replaces secrets and tokens wherever they appear, with matching fingerprints", () => {
    const all = JSON.stringify([t, r]);
    for (const secret of ["W636oE", "a2o1msDxQlL1Ej7YRJF5zmYsL_A", "uIOk2gzINbjYc5SWBvvId_xXWK0", "ABCDEF123456", "secret&"]) expect(all).not.toContain(secret);
    const codeLabel = /code=(\[redacted#[0-9a-f]{6}\])/.exec(t!.request.body)![1];
    expect(r!.response.headers[0]![1]).toBe(`http://localhost?code=${codeLabel}&state=xyz`);
  });

  it("redacts values but not the parameter names that equal them", () => {
    const [login] = redactExchanges([{ ...token, request: { ...token.request, body: "username=user&password=password" }, response: { ...token.response, body: '{"password":"password"}' } }]);
    expect(login!.request.body).toMatch(/^username=user&password=\[redacted#[0-9a-f]{6}\]$/);
    expect(login!.response.body).toMatch(/^\{"password":"\[redacted#[0-9a-f]{6}\]"\}$/);
  });

  it("keeps what is not secret", () => {
    expect(t!.request.body).toContain("client_id=messaging-client");
    expect(t!.request.body).toMatch(/client_secret=\[redacted#[0-9a-f]{6}\]&redirect_uri/);
    expect(JSON.parse(t!.response.body)).toMatchObject({ token_type: "bearer", expires_in: 43199, scope: "read write" });
  });
});
