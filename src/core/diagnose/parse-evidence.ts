import { headerValue, type Header } from "../exchange/exchange.ts";
import { splitJsonp } from "../exchange/jsonp.ts";
import type { Evidence } from "./types.ts";

/** Splits a shell command line into words: quotes, backslash escapes and line continuations. */
export function shellWords(input: string): string[] {
  const words: string[] = [];
  let word = "";
  let inWord = false;
  let i = 0;
  const s = input.replace(/\\\r?\n/g, " ");
  while (i < s.length) {
    const ch = s[i]!;
    if (ch === "'") {
      const end = s.indexOf("'", i + 1);
      word += s.slice(i + 1, end === -1 ? s.length : end);
      inWord = true;
      i = end === -1 ? s.length : end + 1;
    } else if (ch === '"') {
      i++;
      while (i < s.length && s[i] !== '"') {
        if (s[i] === "\\" && i + 1 < s.length && '"\\$`'.includes(s[i + 1]!)) i++;
        word += s[i];
        i++;
      }
      inWord = true;
      i++;
    } else if (ch === "\\" && i + 1 < s.length) {
      word += s[i + 1];
      inWord = true;
      i += 2;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
      i++;
    } else {
      word += ch;
      inWord = true;
      i++;
    }
  }
  if (inWord) words.push(word);
  return words;
}

function parseUrl(raw: string, hostHeader?: string): Evidence["url"] | undefined {
  let text = raw.trim();
  if (text.startsWith("/")) text = `http://${hostHeader ?? "localhost"}${text}`;
  else if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) text = `http://${text}`;
  // The documents write placeholders like https://{host}/…: keep them readable.
  const safe = text.replace(/\{/g, "%7B").replace(/\}/g, "%7D");
  let u: URL;
  try {
    u = new URL(safe);
  } catch {
    return undefined;
  }
  const decode = (v: string) => v.replace(/%7B/gi, "{").replace(/%7D/gi, "}");
  return {
    raw: raw.trim(),
    origin: decode(u.origin === "null" ? `${u.protocol}//${u.host}` : u.origin),
    host: decode(u.host),
    path: decode(u.pathname),
    query: [...u.searchParams],
    fragment: [...new URLSearchParams(u.hash.replace(/^#/, ""))],
  };
}

function decodeBody(ev: Evidence) {
  const body = ev.body;
  if (body === undefined || body === "") return;
  const type = (headerValue(ev.headers, "content-type") ?? "").toLowerCase();
  const trimmed = body.trim();
  ev.bodyLooksJson = /^[{[]/.test(trimmed);
  ev.bodyEncoding = type.includes("json") ? "json" : type.includes("x-www-form-urlencoded") ? "form" : type ? "other" : ev.bodyLooksJson ? "json" : "form";
  if (ev.bodyLooksJson) {
    try {
      ev.json = JSON.parse(trimmed);
      if (ev.json && typeof ev.json === "object" && !Array.isArray(ev.json)) ev.bodyParams = Object.entries(ev.json as Record<string, unknown>);
    } catch {
      ev.notes.push("body is not valid JSON");
    }
  } else if (ev.bodyEncoding === "form") {
    ev.bodyParams = [...new URLSearchParams(trimmed)];
  }
}

function basicAuthOf(ev: Evidence) {
  const auth = headerValue(ev.headers, "authorization");
  const m = auth && /^Basic\s+(\S+)/i.exec(auth);
  if (!m) return;
  try {
    const decoded = atob(m[1]!);
    const at = decoded.indexOf(":");
    ev.basicAuth = { user: decoded.slice(0, at < 0 ? decoded.length : at), password: at < 0 ? "" : decoded.slice(at + 1) };
  } catch {
    ev.notes.push("Authorization: Basic is not valid base64");
  }
}

const encodeForm = (s: string) => encodeURIComponent(s).replace(/%20/g, "+");

function parseCurl(text: string): Evidence {
  const words = shellWords(text).filter((w) => w !== "#" && w !== "$");
  const start = words.findIndex((w) => w === "curl");
  const args = words.slice(start + 1);
  const ev: Evidence = { kind: "curl", headers: [], notes: [] };
  const data: string[] = [];
  let method: string | undefined;
  let url: string | undefined;
  let get = false;
  let user: string | undefined;
  const takesValue = new Set(["-o", "--output", "-A", "--user-agent", "-e", "--referer", "-b", "--cookie", "-m", "--max-time", "--connect-timeout", "-w", "--write-out", "-x", "--proxy"]);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = () => args[++i] ?? "";
    let m: RegExpExecArray | null;
    if (a === "-X" || a === "--request") method = value();
    else if ((m = /^-X(.+)$/.exec(a))) method = m[1];
    else if (a === "-H" || a === "--header") {
      const h = value();
      const at = h.indexOf(":");
      if (at > 0) ev.headers.push([h.slice(0, at).trim(), h.slice(at + 1).trim()]);
    } else if (["-d", "--data", "--data-raw", "--data-binary", "--data-ascii"].includes(a)) data.push(value());
    else if ((m = /^-d(.+)$/.exec(a))) data.push(m[1]!);
    else if (a === "--data-urlencode") {
      const v = value();
      const eq = v.indexOf("=");
      data.push(eq < 0 ? encodeForm(v) : eq === 0 ? encodeForm(v.slice(1)) : `${v.slice(0, eq)}=${encodeForm(v.slice(eq + 1))}`);
    } else if (a === "-u" || a === "--user") user = value();
    else if (a === "-G" || a === "--get") get = true;
    else if (a === "--url") url = value();
    else if (a === "--json") {
      data.push(value());
      ev.headers.push(["Content-Type", "application/json"], ["Accept", "application/json"]);
    } else if (takesValue.has(a)) i++;
    else if (a.startsWith("-")) {
      if (!["-i", "-s", "-S", "-v", "-k", "-L", "--silent", "--include", "--verbose", "--insecure", "--location", "--compressed"].includes(a)) ev.notes.push(`ignored curl option ${a}`);
    } else if (url === undefined) url = a;
  }
  let joined = data.join("&");
  let full = url ?? "";
  if (get && joined) {
    full += (full.includes("?") ? "&" : "?") + joined;
    joined = "";
  }
  ev.url = parseUrl(full);
  ev.method = (method ?? (joined ? "POST" : "GET")).toUpperCase();
  if (user !== undefined) {
    const at = user.indexOf(":");
    ev.basicAuth = { user: user.slice(0, at < 0 ? user.length : at), password: at < 0 ? "" : user.slice(at + 1) };
    ev.headers.push(["Authorization", `Basic ${btoa(`${ev.basicAuth.user}:${ev.basicAuth.password}`)}`]);
  }
  if (joined) {
    ev.body = joined;
    // curl -d sends application/x-www-form-urlencoded unless told otherwise.
    if (!headerValue(ev.headers, "content-type")) {
      ev.headers.push(["Content-Type", "application/x-www-form-urlencoded"]);
      ev.notes.push("curl -d adds Content-Type: application/x-www-form-urlencoded");
    }
  }
  decodeBody(ev);
  if (!ev.basicAuth) basicAuthOf(ev);
  return ev;
}

function splitHead(text: string): { head: string[]; body: string } {
  const normalized = text.replace(/\r\n/g, "\n");
  const blank = normalized.search(/\n[ \t]*\n/);
  const headPart = blank < 0 ? normalized : normalized.slice(0, blank);
  const body = blank < 0 ? "" : normalized.slice(blank).replace(/^\n[ \t]*\n/, "");
  return { head: headPart.split("\n").map((l) => l.trim()).filter(Boolean), body };
}

function parseHeaders(lines: string[]): Header[] {
  const headers: Header[] = [];
  for (const line of lines) {
    const at = line.indexOf(":");
    if (at > 0) headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
  }
  return headers;
}

function parseBody(text: string, ev: Evidence): Evidence {
  const trimmed = text.trim();
  const jsonp = splitJsonp(trimmed);
  const jsonText = jsonp ? jsonp.argument.trim() : trimmed;
  if (jsonp) ev.jsonpCallback = jsonp.callback;
  try {
    // The documents put comments in examples (// 有效期为7200秒): drop them before parsing.
    ev.json = JSON.parse(jsonText.replace(/("(?:[^"\\]|\\.)*")|\/\/[^\n]*/g, (_all, str: string | undefined) => str ?? ""));
  } catch {
    ev.notes.push("body is not valid JSON");
  }
  ev.body = text;
  return ev;
}

/** Detects what was pasted and parses it into one normalized shape. */
export function parseEvidence(input: string): Evidence {
  const text = input.trim().replace(/^```[\w-]*\n|\n?```$/g, "").trim();
  // curl, as the documents write it: "# curl …", "$ curl …" or just "curl …".
  if (/^(?:[#$>]\s*)?curl\s/.test(text)) return parseCurl(text);
  const first = text.split(/\r?\n/, 1)[0]!.trim();
  const status = /^HTTP\/[\d.]+\s+(\d{3})\b/i.exec(first);
  if (status) {
    const { head, body } = splitHead(text);
    const ev: Evidence = { kind: "http-response", status: Number(status[1]), headers: parseHeaders(head.slice(1)), notes: [] };
    return body.trim() ? parseBody(body, ev) : ev;
  }
  const requestLine = /^(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)\s+(\S+)(?:\s+HTTP\/[\d.]+)?$/i.exec(first);
  if (requestLine) {
    const { head, body } = splitHead(text);
    const headers = parseHeaders(head.slice(1));
    const ev: Evidence = { kind: "http-request", method: requestLine[1]!.toUpperCase(), headers, notes: [] };
    ev.url = parseUrl(requestLine[2]!, headerValue(headers, "host"));
    if (body.trim()) ev.body = body.trim();
    decodeBody(ev);
    basicAuthOf(ev);
    return ev;
  }
  if (/^(https?:\/\/|\/)\S+$/i.test(text) || /^[\w.-]+(:\d+)?\/\S*$/.test(text)) {
    return { kind: "url", url: parseUrl(text), headers: [], notes: [] };
  }
  return parseBody(text, { kind: "body", headers: [], notes: [] });
}
