import type { Content, Entry, Request, Response } from "har-format";
import { z } from "zod";
import { l, type Localized } from "../i18n/localized.ts";
import type { Exchange, Header, Initiator } from "./exchange.ts";

/** What an imported HAR may hold; beyond it the file is refused (or a body cut), never left to freeze the page. */
export const HAR_LIMITS = {
  fileBytes: 16 * 1024 * 1024,
  entries: 1000,
  headersPerMessage: 256,
  headerBytes: 16 * 1024,
  urlBytes: 16 * 1024,
  /** The recorder's own cap: a longer body is cut and marked, as the server does. */
  bodyBytes: 64 * 1024,
};

/** A refused HAR, with the reason in both languages. */
export class HarImportError extends Error {
  constructor(readonly text: Localized) {
    super(text.en);
  }
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const INITIATORS = ["navigation", "form", "fetch", "script", "other"] as const satisfies readonly Initiator[];
const utf8 = new TextEncoder();
const bytes = (s: string) => utf8.encode(s).length;
const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

function parsableUrl(url: string): boolean {
  try {
    return ["http:", "https:"].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

const header = z.object({
  name: z.string(),
  value: z.string().refine((v) => bytes(v) <= HAR_LIMITS.headerBytes, "header value too large").refine((v) => !/[\r\n\0]/.test(v), "header value with a line break"),
});
const headers = z.array(header).max(HAR_LIMITS.headersPerMessage).optional();

/** The fields of a HAR entry (ours or a browser's) the viewer reads, typed as @types/har-format spells them. */
interface ImportedEntry {
  startedDateTime?: Entry["startedDateTime"];
  time?: Entry["time"];
  request: Pick<Request, "method" | "url"> & { headers?: Request["headers"]; postData?: { text?: string } };
  response: Pick<Response, "status"> & { statusText?: Response["statusText"]; headers?: Response["headers"]; content?: Partial<Pick<Content, "text" | "encoding">> };
  _provider?: string;
  _initiator?: Initiator;
  _virtualTime?: number;
  _live?: boolean;
}

/** Everything else in an entry is ignored. */
const entrySchema = z.object({
  startedDateTime: z.string().max(64).optional(),
  time: z.number().nonnegative().optional(),
  request: z.object({
    method: z.string().max(32).regex(TOKEN, "method"),
    url: z.string().refine((u) => bytes(u) <= HAR_LIMITS.urlBytes, "url too long").refine(parsableUrl, "url"),
    headers,
    postData: z.object({ text: z.string().optional() }).optional(),
  }),
  response: z.object({
    status: z.number().int().min(0).max(999),
    statusText: z.string().max(256).optional(),
    headers,
    content: z.object({ text: z.string().optional(), encoding: z.string().optional() }).optional(),
  }),
  _provider: z.string().regex(/^[a-z0-9_-]{1,32}$/).optional(),
  _initiator: z.enum(INITIATORS).optional(),
  _virtualTime: z.number().optional(),
  _live: z.boolean().optional(),
}) satisfies z.ZodType<ImportedEntry>;

const logSchema = z.object({ log: z.object({ entries: z.array(z.unknown()) }) });

function cutToBytes(text: string, max: number): { text: string; cut: boolean } {
  if (text.length * 3 <= max || bytes(text) <= max) return { text, cut: false };
  let end = Math.min(text.length, max);
  while (bytes(text.slice(0, end)) > max) end = Math.floor(end * 0.9);
  return { text: text.slice(0, end), cut: true };
}

function decodeContent(text: string, encoding: string | undefined): string {
  if (encoding !== "base64") return text;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(atob(text), (c) => c.charCodeAt(0)));
  } catch {
    return text;
  }
}

function explainIssue(index: number, issue: z.core.$ZodIssue, raw: unknown): Localized {
  const where = issue.path.join(".");
  const got = issue.path.reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<PropertyKey, unknown>)[k] : undefined), raw);
  const shown = typeof got === "string" ? ` “${got.slice(0, 80)}”` : "";
  const n = index + 1;
  if (where === "request.method") return l(`Entry ${n}: the method${shown} is not an HTTP method.`, `第 ${n} 条：方法${shown}不是 HTTP 方法。`);
  if (where === "request.url") return l(`Entry ${n}: the URL${shown} is not an http(s) URL the viewer can open.`, `第 ${n} 条：URL${shown}不是可打开的 http(s) 地址。`);
  if (where === "response.status") return l(`Entry ${n}: the response status is not a number from 0 to 999.`, `第 ${n} 条：响应状态码不是 0 到 999 之间的数字。`);
  if (where.includes("headers")) return l(`Entry ${n}: ${where} is not a list of name/value strings within the limits (at most ${HAR_LIMITS.headersPerMessage} headers of 16 KB, no line breaks).`, `第 ${n} 条：${where} 不是符合限制的名称/值字符串列表（最多 ${HAR_LIMITS.headersPerMessage} 个、每个 16 KB 以内、不含换行）。`);
  return l(`Entry ${n}: ${where || "the entry"} is missing or malformed.`, `第 ${n} 条：${where || "该条目"} 缺失或格式不对。`);
}

function providerOf(url: string): string {
  return /^\/(?:w\/[A-Za-z0-9_-]{8,32}\/)?(?:mock|live)\/([a-z0-9_-]{1,32})(?:\/|$)/.exec(new URL(url).pathname)?.[1] ?? "other";
}

function toHeaders(list: z.infer<typeof headers>): Header[] {
  // HTTP/2 pseudo-headers (:authority, :path…) repeat the URL; any other name must be an HTTP token.
  return (list ?? []).filter((h) => !h.name.startsWith(":")).map((h) => [h.name, h.value]);
}

function toExchange(entry: z.infer<typeof entrySchema>, i: number): Exchange {
  const { request: req, response: res } = entry;
  for (const [name] of [...toHeaders(req.headers), ...toHeaders(res.headers)])
    if (!TOKEN.test(name)) throw new HarImportError(l(`Entry ${i + 1}: “${name.slice(0, 80)}” is not a header name.`, `第 ${i + 1} 条：“${name.slice(0, 80)}” 不是请求头名称。`));
  const requestBody = cutToBytes(req.postData?.text ?? "", HAR_LIMITS.bodyBytes);
  const responseBody = cutToBytes(decodeContent(res.content?.text ?? "", res.content?.encoding), HAR_LIMITS.bodyBytes);
  const started = Date.parse(entry.startedDateTime ?? "") || 0;
  return {
    id: i + 1,
    provider: entry._provider ?? providerOf(req.url),
    initiator: entry._initiator ?? "other",
    startedAt: started,
    virtualTime: entry._virtualTime ?? Math.floor(started / 1000),
    durationMs: Math.round(entry.time ?? 0),
    request: { method: req.method, url: req.url, headers: toHeaders(req.headers), body: requestBody.text, ...(requestBody.cut ? { bodyTruncated: true } : {}) },
    response: { status: res.status, statusText: res.statusText ?? "", headers: toHeaders(res.headers), body: responseBody.text, ...(responseBody.cut ? { bodyTruncated: true } : {}) },
    ...(entry._live ? { live: true } : {}),
  };
}

/** Reads a HAR (ours or a browser's) back into exchanges; throws a HarImportError that says what is wrong. */
export function fromHar(text: string): Exchange[] {
  if (text.length > HAR_LIMITS.fileBytes || bytes(text) > HAR_LIMITS.fileBytes)
    throw new HarImportError(l(`This file is larger than ${MB(HAR_LIMITS.fileBytes)}: too large to import.`, `文件超过 ${MB(HAR_LIMITS.fileBytes)}，太大，无法导入。`));
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new HarImportError(l("This file is not JSON, so it is not a HAR file.", "该文件不是 JSON，因此不是 HAR 文件。"));
  }
  const log = logSchema.safeParse(parsed);
  if (!log.success) throw new HarImportError(l("No log.entries in this file: it is not a HAR file.", "文件中没有 log.entries：不是 HAR 文件。"));
  const entries = log.data.log.entries;
  if (entries.length > HAR_LIMITS.entries)
    throw new HarImportError(l(`This HAR has ${entries.length} entries; at most ${HAR_LIMITS.entries} can be imported.`, `该 HAR 有 ${entries.length} 条记录；最多只能导入 ${HAR_LIMITS.entries} 条。`));
  return entries.map((raw, i) => {
    const entry = entrySchema.safeParse(raw);
    if (!entry.success) throw new HarImportError(explainIssue(i, entry.error.issues[0]!, raw));
    return toExchange(entry.data, i);
  });
}

/** Reads a chosen file, refusing one over the size limit before reading it. */
export async function readHarFile(file: Blob): Promise<Exchange[]> {
  if (file.size > HAR_LIMITS.fileBytes) throw new HarImportError(l(`This file is larger than ${MB(HAR_LIMITS.fileBytes)}: too large to import.`, `文件超过 ${MB(HAR_LIMITS.fileBytes)}，太大，无法导入。`));
  return fromHar(await file.text());
}
