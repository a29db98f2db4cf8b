import { headerValue, type Exchange, type Header, type Initiator } from "./exchange.ts";

/** HAR 1.2 (the subset Chrome DevTools reads), with the playground's extras under `_` names as the spec allows. */
export interface Har {
  log: {
    version: "1.2";
    creator: { name: string; version: string };
    pages: [];
    entries: HarEntry[];
  };
}

interface NameValue {
  name: string;
  value: string;
}

export interface HarEntry {
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    cookies: NameValue[];
    headers: NameValue[];
    queryString: NameValue[];
    postData?: { mimeType: string; text: string; params?: NameValue[] };
    headersSize: number;
    bodySize: number;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    cookies: NameValue[];
    headers: NameValue[];
    content: { size: number; mimeType: string; text: string };
    redirectURL: string;
    headersSize: number;
    bodySize: number;
  };
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number };
  _provider: string;
  _initiator: Initiator;
  _virtualTime: number;
}

const pairs = (headers: Header[]): NameValue[] => headers.map(([name, value]) => ({ name, value }));
const byteLength = (s: string) => new TextEncoder().encode(s).length;

function cookiesOf(headers: Header[], name: "cookie" | "set-cookie"): NameValue[] {
  return headers
    .filter(([n]) => n.toLowerCase() === name)
    .flatMap(([, v]) => (name === "cookie" ? v.split(/;\s*/) : [v.split(";")[0] ?? ""]))
    .map((part) => {
      const eq = part.indexOf("=");
      return { name: eq < 0 ? part : part.slice(0, eq), value: eq < 0 ? "" : part.slice(eq + 1) };
    })
    .filter((c) => c.name);
}

export function toHar(exchanges: Exchange[], version = "0.1.0"): Har {
  return {
    log: {
      version: "1.2",
      creator: { name: "OAuth Playground", version },
      pages: [],
      entries: exchanges.map((e) => {
        const url = new URL(e.request.url);
        const reqType = headerValue(e.request.headers, "content-type") ?? "";
        const resType = headerValue(e.response.headers, "content-type") ?? "";
        const postData = e.request.body
          ? {
              mimeType: reqType,
              text: e.request.body,
              ...(reqType.includes("x-www-form-urlencoded") ? { params: [...new URLSearchParams(e.request.body)].map(([name, value]) => ({ name, value })) } : {}),
            }
          : undefined;
        return {
          startedDateTime: new Date(e.startedAt).toISOString(),
          time: e.durationMs,
          request: {
            method: e.request.method,
            url: url.toString(),
            httpVersion: "HTTP/1.1",
            cookies: cookiesOf(e.request.headers, "cookie"),
            headers: pairs(e.request.headers),
            queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
            ...(postData ? { postData } : {}),
            headersSize: -1,
            bodySize: byteLength(e.request.body),
          },
          response: {
            status: e.response.status,
            statusText: e.response.statusText,
            httpVersion: "HTTP/1.1",
            cookies: cookiesOf(e.response.headers, "set-cookie"),
            headers: pairs(e.response.headers),
            content: { size: byteLength(e.response.body), mimeType: resType, text: e.response.body },
            redirectURL: headerValue(e.response.headers, "location") ?? "",
            headersSize: -1,
            bodySize: byteLength(e.response.body),
          },
          cache: {},
          timings: { send: 0, wait: e.durationMs, receive: 0 },
          _provider: e.provider,
          _initiator: e.initiator,
          _virtualTime: e.virtualTime,
        };
      }),
    },
  };
}

const INITIATORS: Initiator[] = ["navigation", "form", "fetch", "script", "other"];

/** Reads a HAR (ours or a browser's) back into exchanges; throws a readable error on anything else. */
export function fromHar(text: string): Exchange[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error("This file is not JSON, so it is not a HAR file.");
  }
  const entries = (parsed as { log?: { entries?: unknown } })?.log?.entries;
  if (!Array.isArray(entries)) throw new Error("No log.entries in this file: it is not a HAR file.");
  return entries.map((raw, i): Exchange => {
    const entry = raw as Partial<HarEntry>;
    const req = entry.request;
    const res = entry.response;
    if (!req?.url || !req.method || !res) throw new Error(`HAR entry ${i + 1} has no request or response.`);
    let provider = entry._provider;
    if (!provider) provider = /\/mock\/([^/]+)\//.exec(req.url)?.[1] ?? "other";
    const toHeaders = (list: NameValue[] | undefined): Header[] => (list ?? []).map((h) => [String(h.name), String(h.value)]);
    return {
      id: i + 1,
      provider,
      initiator: INITIATORS.includes(entry._initiator as Initiator) ? (entry._initiator as Initiator) : "other",
      startedAt: Date.parse(entry.startedDateTime ?? "") || 0,
      virtualTime: entry._virtualTime ?? Math.floor((Date.parse(entry.startedDateTime ?? "") || 0) / 1000),
      durationMs: Math.round(entry.time ?? 0),
      request: { method: req.method, url: req.url, headers: toHeaders(req.headers), body: req.postData?.text ?? "" },
      response: { status: Number(res.status) || 0, statusText: res.statusText ?? "", headers: toHeaders(res.headers), body: res.content?.text ?? "" },
    };
  });
}
