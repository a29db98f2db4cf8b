import { describe, expect, it } from "vitest";
import type { Exchange } from "./exchange.ts";
import { toHar } from "./har.ts";
import { fromHar, HAR_LIMITS, HarImportError, readHarFile } from "./har-import.ts";

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

  it("keeps bodies, cookies and redirects", () => {
    expect(entry!.request.postData).toEqual({ mimeType: "application/x-www-form-urlencoded", text: token.request.body });
    expect(entry!.request.cookies).toEqual([{ name: "JSESSIONID", value: "ABCDEF123456" }]);
    expect(JSON.parse(entry!.response.content.text!).token_type).toBe("bearer");
    expect(second!.response.redirectURL).toBe("http://localhost?code=W636oE&state=xyz");
  });

  it("imports back into the same exchanges", () => {
    const back = fromHar(JSON.stringify(har));
    expect(back).toHaveLength(2);
    expect(back[0]).toMatchObject({ provider: "spring", initiator: "fetch", virtualTime: 1_800_000_000, request: { method: "POST", body: token.request.body }, response: { status: 200, body: token.response.body } });
    expect(back[1]!.response.headers).toContainEqual(["location", "http://localhost?code=W636oE&state=xyz"]);
  });
});

type LooseEntry = { request: Record<string, unknown>; response: Record<string, unknown> };
const looseHar = (exchanges: Exchange[]) => toHar(exchanges) as unknown as { log: { entries: LooseEntry[] } };

/** A HAR with one entry changed by `change`; the message the import gives, in both languages. */
function refusal(change: (entry: LooseEntry) => void): { en: string; zh: string } {
  const har = looseHar([token]);
  change(har.log.entries[0]!);
  try {
    fromHar(JSON.stringify(har));
  } catch (error) {
    expect(error).toBeInstanceOf(HarImportError);
    return (error as HarImportError).text;
  }
  throw new Error("imported");
}

describe("HAR import checks what it reads", () => {
  it("refuses files that are not HAR with a readable error", () => {
    expect(() => fromHar("nope")).toThrow(/not JSON/);
    expect(() => fromHar('{"log":{}}')).toThrow(/not a HAR/);
  });

  it("refuses a method that is not an HTTP token (it would end up in a shell line)", () => {
    const text = refusal((e) => (e.request.method = "POST;touch pwned;#"));
    expect(text.en).toBe("Entry 1: the method “POST;touch pwned;#” is not an HTTP method.");
    expect(text.zh).toBe("第 1 条：方法 “POST;touch pwned;#”不是 HTTP 方法。");
  });

  it("refuses a URL the viewer cannot parse, instead of crashing the page", () => {
    expect(refusal((e) => (e.request.url = "http://[bad")).en).toMatch(/^Entry 1: the URL “http:\/\/\[bad” is not an http\(s\) URL/);
    expect(refusal((e) => (e.request.url = "javascript:alert(1)")).en).toMatch(/not an http\(s\) URL/);
  });

  it("refuses a status that is not a number, and headers that are not pairs of strings", () => {
    expect(refusal((e) => (e.response.status = "200")).en).toMatch(/response status is not a number/);
    expect(refusal((e) => (e.request.headers = [{ name: "a", value: 1 }])).en).toMatch(/request\.headers\.0\.value is not a list of name\/value strings/);
    expect(refusal((e) => (e.request.headers = [{ name: "a", value: "x\r\nInjected: 1" }])).en).toMatch(/no line breaks/);
    expect(refusal((e) => (e.request.headers = [{ name: "bad name", value: "x" }])).en).toBe("Entry 1: “bad name” is not a header name.");
  });

  it("drops HTTP/2 pseudo-headers, which a browser's HAR carries", () => {
    const har = looseHar([token]);
    (har.log.entries[0]!.request.headers as unknown[]).unshift({ name: ":authority", value: "localhost:4173" });
    expect(fromHar(JSON.stringify(har))[0]!.request.headers.map(([n]) => n)).toEqual(["content-type", "cookie"]);
  });

  it("refuses 10,000 entries at once, before reading any of them", () => {
    const text = JSON.stringify({ log: { entries: Array.from({ length: 10_000 }, () => ({ request: { method: "POST;x" } })) } });
    expect(() => fromHar(text)).toThrow(`This HAR has 10000 entries; at most ${HAR_LIMITS.entries} can be imported.`);
  });

  it("refuses a 50 MB file by its size, without parsing it", async () => {
    const big = new Blob([new Uint8Array(50 * 1024 * 1024)]);
    await expect(readHarFile(big)).rejects.toThrow("This file is larger than 16 MB: too large to import.");
    expect(() => fromHar(" ".repeat(HAR_LIMITS.fileBytes + 1))).toThrow(/larger than 16 MB/);
  });

  it("cuts a body over 64 KB, in bytes, and marks it", () => {
    const har = toHar([{ ...token, response: { ...token.response, body: "界".repeat(30_000) } }]);
    const [back] = fromHar(JSON.stringify(har));
    expect(back!.response.bodyTruncated).toBe(true);
    expect(new TextEncoder().encode(back!.response.body).length).toBeLessThanOrEqual(HAR_LIMITS.bodyBytes);
  });
});
