/**
 * No export carries a secret: for every registered provider and every field its contract
 * calls secret, generated secrets of any characters (one character and up) are placed in
 * that field in every spelling a browser, curl or a JSON writer gives them, and each
 * export (HAR, support bundle with its replay script, permalink, curl) is read back by an
 * independent parser: wherever the secret stood, something else stands now.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { bashCurlWords } from "../../server/testing.ts";
import { curlEncode, formEncode, spellings } from "../core/exchange/encodings.ts";
import type { Exchange, Header } from "../core/exchange/exchange.ts";
import { parseJsonOrJsonp } from "../core/exchange/jsonp.ts";
import { collectSecrets, redactExchange } from "../core/exchange/redact.ts";
import { toCurl } from "../core/exchange/to-curl.ts";
import { exportHar } from "../core/export/har-export.ts";
import { PERMALINK_PARAM, permalink, readPermalink } from "../core/export/permalink.ts";
import { flowSecretFields, recordSecrets } from "../core/export/secret-fields.ts";
import { supportBundle } from "../core/export/support-bundle.ts";
import type { FlowRecord } from "../core/wizard/store.ts";
import type { Flow } from "../core/wizard/types.ts";
import { providerEntries } from "./registry.ts";

const utf8Base64 = (s: string) => btoa(String.fromCharCode(...new TextEncoder().encode(s)));
const lowerPercent = (s: string) => s.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
const everyCharEscaped = (s: string) => `"${Array.from({ length: s.length }, (_, i) => `\\u${s.charCodeAt(i).toString(16).padStart(4, "0")}`).join("")}"`;

function exchange(id: number, base: string, request: Partial<Exchange["request"]>, response: Partial<Exchange["response"]>): Exchange {
  return {
    id,
    provider: "x",
    initiator: "fetch",
    startedAt: 0,
    virtualTime: 0,
    durationMs: 1,
    request: { method: "POST", url: `http://localhost:4173${base}/token`, headers: [], body: "", ...request },
    response: { status: 200, statusText: "OK", headers: [], body: "", ...response },
  };
}

/** The secret in field `f` of every kind of place an exchange has, each in its own spelling. */
function carrying(f: string, s: string, base: string): Exchange[] {
  const form: Header = ["content-type", "application/x-www-form-urlencoded"];
  const headerSafe = !/[\r\n]/.test(s) && s.trim() === s && s !== "";
  return [
    exchange(1, base, { url: `http://localhost:4173${base}/token?${f}=${encodeURIComponent(s)}`, headers: [form], body: `a=1&${f}=${formEncode(s)}&b=2` }, {
      status: 302,
      headers: [["location", `http://localhost/cb?${f}=${lowerPercent(encodeURIComponent(s))}#${f}=${encodeURIComponent(s)}`], ["set-cookie", `sid=${encodeURIComponent(s)}; Path=/`]],
    }),
    exchange(2, base, { headers: [["content-type", "application/json"], ["authorization", `Basic ${utf8Base64(`client:${s}`)}`]], body: JSON.stringify({ [f]: s, other: "x" }) }, {
      status: 400,
      headers: [["content-type", "application/json"]],
      body: `{"${f}": ${everyCharEscaped(s)}, "nested": {"${f}": ${JSON.stringify(s).replace(/\//g, "\\/")}}}`,
    }),
    exchange(3, base, { method: "GET", url: `http://localhost:4173${base}/cb?callback=cb` }, { headers: [["content-type", "application/javascript"]], body: `cb({"${f}":${JSON.stringify(s)}})` }),
    exchange(4, base, { method: "GET", headers: [...(headerSafe ? [["authorization", `Bearer ${s}`] as Header] : []), ["cookie", `sid=${encodeURIComponent(s)}`]] }, {}),
    exchange(5, base, { headers: [form], body: `${f}=${curlEncode(s)}` }, {}),
  ];
}

/** Every value a request or response carries under `f`, read with the platform's own parsers (not the redactor's). */
function valuesAt(f: string, message: { url?: string; headers: Header[]; body: string }): string[] {
  const found: string[] = [];
  const params = (text: string) => found.push(...new URLSearchParams(text).getAll(f));
  const url = (text: string) => {
    try {
      const u = new URL(text, "http://localhost");
      params(u.search);
      params(u.hash.slice(1));
    } catch {
      found.push(text);
    }
  };
  if (message.url) url(message.url);
  const json = parseJsonOrJsonp(message.body) as Record<string, unknown> | undefined;
  if (json && typeof json === "object") for (const v of [json[f], (json.nested as Record<string, unknown> | undefined)?.[f]]) if (typeof v === "string") found.push(v);
  if (!json && message.body) params(message.body);
  for (const [name, value] of message.headers) {
    const lower = name.toLowerCase();
    if (lower === "authorization") {
      const token = value.slice(value.indexOf(" ") + 1);
      found.push(token);
      try {
        found.push(new TextDecoder().decode(Uint8Array.from(atob(token), (c) => c.charCodeAt(0))).split(":").slice(1).join(":"));
      } catch {
        // not Basic
      }
    }
    if (lower === "cookie" || lower === "set-cookie") for (const pair of value.split(";")) found.push(decodeURIComponent(pair.split("=").slice(1).join("=")));
    if (lower === "location") url(value);
  }
  return found;
}

/** The words bash passes to curl for each line (redacted variables filled with a marker). */
const bashCurls = (script: string) => bashCurlWords(script.replace(/^([A-Z][A-Z0-9_]*)=''/gm, "$1='FILLED'"));

/** A curl's words back into a request. */
function curlRequest(words: string[]) {
  const headers: Header[] = [];
  const data: string[] = [];
  let url = "";
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === "-X") i++;
    else if (w === "-H") {
      const h = words[++i]!;
      headers.push([h.slice(0, h.indexOf(":")), h.slice(h.indexOf(":") + 1).trim()]);
    } else if (w === "--data-raw") data.push(words[++i]!);
    else if (w === "--data-urlencode") data.push(words[++i]!.replace(/=(.*)$/s, (_m, v: string) => `=${curlEncode(v)}`));
    else if (w === "-u") headers.push(["authorization", `Basic ${utf8Base64(words[++i]!)}`]);
    else url = w;
  }
  return { url, headers, body: data.join("&") };
}

/** The raw HTTP blocks of a bundle, back into messages. */
function bundleMessages(md: string) {
  return [...md.matchAll(/```+http\n([\s\S]*?)\n```+/g)].map((m) => {
    const [head, ...rest] = m[1]!.split("\n\n");
    const lines = head!.split("\n");
    const headers = lines.slice(1).map((l) => [l.slice(0, l.indexOf(":")), l.slice(l.indexOf(":") + 1).trim()] as Header);
    const target = /^\S+ (\S+) HTTP/.exec(lines[0]!)?.[1];
    return { url: target, headers, body: rest.join("\n\n") };
  });
}

let flows: Flow[];
beforeAll(async () => {
  flows = await Promise.all(providerEntries.map((e) => e.loadFlow()));
});

/** Any characters, one and up; a long one also gets a core no export could contain by chance. */
const secretArb = fc.oneof(
  fc.string({ unit: "binary", minLength: 1, maxLength: 3 }),
  fc.tuple(fc.string({ unit: "binary", maxLength: 4 }), fc.stringMatching(/^[A-Za-z0-9]{8}$/), fc.string({ unit: "binary", maxLength: 4 })).map(([a, b, c]) => a + b + c),
);

describe("redaction: no export contains a secret, in any spelling", () => {
  it("holds for every provider's secret fields", () => {
    fc.assert(
      fc.property(fc.nat({ max: providerEntries.length - 1 }), fc.nat(), secretArb, (which, fieldIndex, s) => {
        fc.pre(!s.includes("\0"));
        const flow = flows[which]!;
        const fieldList = flow.contract.secrets!.fields;
        const f = fieldList[fieldIndex % fieldList.length]!;
        const exchanges = carrying(f, s, flow.contract.mockBase);
        const step = flow.steps[0]!.id;
        const record: FlowRecord = { values: { [f]: s }, secrets: { [`kept_${f}`]: s }, edits: { [step]: { [f]: s, note: s } }, secretEdits: { [step]: { [f]: s } }, options: {}, results: {} };
        const fields = flowSecretFields(flow);
        const secrets = collectSecrets(exchanges, fields, recordSecrets(record, fields));
        const har = exportHar(exchanges, { secrets, fields });
        const md = supportBundle({ flow, record, exchanges, locale: "en", clock: undefined, permalink: "http://localhost/p", redact: true });
        const link = permalink("http://localhost:4173", flow, flow.steps[0]!.id, record, { secrets });
        const curls = exchanges.map((e) => toCurl(redactExchange(e, secrets, fields).request));

        const places: Array<{ where: string; values: string[] }> = [];
        for (const entry of JSON.parse(har).log.entries) {
          const headers = (list: Array<{ name: string; value: string }>) => list.map((h) => [h.name, h.value] as Header);
          places.push({ where: "HAR request", values: valuesAt(f, { url: entry.request.url, headers: headers(entry.request.headers), body: entry.request.postData?.text ?? "" }) });
          places.push({ where: "HAR response", values: valuesAt(f, { headers: headers(entry.response.headers), body: entry.response.content.text }) });
        }
        for (const message of bundleMessages(md)) places.push({ where: "bundle HTTP", values: valuesAt(f, message) });
        const replay = /```+sh\n([\s\S]*?)\n```+/.exec(md)![1]!;
        for (const words of bashCurls(replay)) places.push({ where: "bundle replay", values: valuesAt(f, curlRequest(words)) });
        for (const words of bashCurls(curls.join("\n"))) places.push({ where: "curl", values: valuesAt(f, curlRequest(words)) });
        const shared = readPermalink(new URL(link).searchParams.get(PERMALINK_PARAM)!)!;
        places.push({ where: "permalink", values: Object.values(shared.edits).flatMap((step) => Object.values(step)) });

        for (const place of places) expect(place.values, `${place.where}, field ${f}`).not.toContain(s);
        if (/[A-Za-z0-9]{8}/.test(s) && s.length >= 8) {
          const texts = { har, md, link: decodeURIComponent(new URL(link).search), curls: curls.join("\n") };
          for (const spelled of [...spellings(s), utf8Base64(`client:${s}`)]) for (const [name, text] of Object.entries(texts)) expect(text.includes(spelled), `${name} holds ${JSON.stringify(spelled)}`).toBe(false);
        }
      }),
      { numRuns: 150, seed: 20261202 },
    );
  }, 120_000);
});
