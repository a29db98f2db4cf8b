import { describe, expect, it } from "vitest";
import { parseEvidence, shellWords } from "./parse-evidence.ts";

describe("parseEvidence", () => {
  it("splits shell words with quotes and line continuations", () => {
    expect(shellWords(`curl -H 'A: b c' \\\n  -d "x=\\"y\\"" url`)).toEqual(["curl", "-H", "A: b c", "-d", 'x="y"', "url"]);
  });
  it.each([
    ["# curl -X POST -d 'a=1&b=2' http://h/p", { kind: "curl", method: "POST", path: "/p", body: [["a", "1"], ["b", "2"]], encoding: "form" }],
    ["$ curl --data-urlencode 'redirect_uri=http://x/y z' http://h/p", { kind: "curl", method: "POST", path: "/p", body: [["redirect_uri", "http://x/y z"]], encoding: "form" }],
    ["curl -G -d a=1 http://h/p", { kind: "curl", method: "GET", path: "/p", query: [["a", "1"]] }],
    [`curl -XPOST -H 'Content-Type: application/json' --data-raw '{"n":1}' http://h/p`, { kind: "curl", method: "POST", body: [["n", 1]], encoding: "json" }],
    ["POST /t HTTP/1.1\nHost: h.example\nContent-Type: application/x-www-form-urlencoded\n\na=1", { kind: "http-request", method: "POST", host: "h.example", body: [["a", "1"]] }],
    ["GET https://ppmessage.com/ppauth/auth?state=x", { kind: "http-request", method: "GET", query: [["state", "x"]] }],
    ["http://localhost?code=W636oE", { kind: "url", method: undefined, query: [["code", "W636oE"]] }],
  ])("%s", (input, want) => {
    const ev = parseEvidence(input);
    expect(ev.kind).toBe(want.kind);
    if ("method" in want) expect(ev.method).toBe(want.method);
    if ("path" in want) expect(ev.url?.path).toBe(want.path);
    if ("host" in want) expect(ev.url?.host).toBe(want.host);
    if ("query" in want) expect(ev.url?.query).toEqual(want.query);
    if ("body" in want) expect(ev.bodyParams).toEqual(want.body);
    if ("encoding" in want) expect(ev.bodyEncoding).toBe(want.encoding);
  });
  it("reads -u as HTTP Basic", () => {
    expect(parseEvidence("curl -u messaging-client:secret -d grant_type=x http://h/t").basicAuth).toEqual({ user: "messaging-client", password: "secret" });
  });
  it("reads a raw response and a JSONP body", () => {
    const res = parseEvidence('HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\n\r\n{"error":"x"}');
    expect(res).toMatchObject({ kind: "http-response", status: 400, json: { error: "x" } });
    expect(parseEvidence('myfun({"a":"1"});')).toMatchObject({ kind: "body", jsonpCallback: "myfun", json: { a: "1" } });
    expect(parseEvidence('{ "expires_in": 7200 //有效期为7200秒\n}').json).toEqual({ expires_in: 7200 });
  });
});
