import type { Context } from "hono";
import { readRequestText } from "./request-text.ts";

/**
 * Request parameters as the mocks see them: from the query string, a form
 * body or a JSON object, with repeated names kept so they can be refused.
 * Kept in a Map: no parameter name can reach an inherited property.
 */
export class Params {
  constructor(private readonly values: Map<string, unknown[]>) {}

  /** The single value as a string (numbers and booleans from JSON are stringified). */
  get(name: string): string | undefined {
    const v = this.values.get(name)?.[0];
    if (v === undefined || v === null) return undefined;
    return typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : undefined;
  }

  /** The value exactly as sent (JSON keeps its type). */
  raw(name: string): unknown {
    return this.values.get(name)?.[0];
  }

  has(name: string): boolean {
    return this.values.has(name);
  }

  names(): string[] {
    return [...this.values.keys()];
  }

  /**
   * Every name with all its values, for answers that echo the parameters. The object inherits
   * nothing, so a name like "__proto__" or "constructor" is an ordinary key that JSON keeps.
   */
  toRecord(): Record<string, unknown[]> {
    const record: Record<string, unknown[]> = Object.create(null);
    for (const [name, list] of this.values) record[name] = [...list];
    return record;
  }

  /** The first name given more than once, if any. */
  repeated(): string | undefined {
    for (const [name, list] of this.values) if (list.length > 1) return name;
    return undefined;
  }

  /** The first of `names` that is missing or empty. */
  missing(...names: string[]): string | undefined {
    return names.find((n) => !this.get(n));
  }

  static fromSearchParams(...sources: URLSearchParams[]): Params {
    const map = new Map<string, unknown[]>();
    for (const source of sources) {
      for (const [k, v] of source) {
        const list = map.get(k);
        if (list) list.push(v);
        else map.set(k, [v]);
      }
    }
    return new Params(map);
  }

  static fromObject(obj: Record<string, unknown>): Params {
    return new Params(new Map(Object.entries(obj).map(([k, v]) => [k, [v]])));
  }
}

export type InputProblem =
  | { kind: "unsupported_media_type"; contentType: string }
  | { kind: "malformed_body"; detail: string };

export type ParsedInput = { ok: true; params: Params } | { ok: false; problem: InputProblem };

export interface ReadOptions {
  /** Merge query-string parameters in (Spring reads both, like getParameter()). */
  query?: boolean;
  /** Which body encodings are accepted. */
  body: Array<"form" | "json">;
  /** Accept a missing or empty Content-Type as a form body. */
  lenientContentType?: boolean;
}

/** The request's media type: Content-Type without parameters, in lower case ("" when absent). */
export function mediaType(c: Context): string {
  const header = c.req.header("content-type") ?? "";
  const semicolon = header.indexOf(";");
  return (semicolon < 0 ? header : header.slice(0, semicolon)).trim().toLowerCase();
}

/** The query string's parameters, without parsing the whole URL; undefined when there is none. */
function queryOf(url: string): URLSearchParams | undefined {
  const mark = url.indexOf("?");
  return mark < 0 || mark === url.length - 1 ? undefined : new URLSearchParams(url.slice(mark + 1));
}

/** Reads and decodes parameters; never throws on bad input. */
export async function readParams(c: Context, options: ReadOptions): Promise<ParsedInput> {
  const query = options.query ? queryOf(c.req.url) : undefined;
  const type = mediaType(c);
  let text: string;
  try {
    text = await readRequestText(c);
  } catch {
    return { ok: false, problem: { kind: "malformed_body", detail: "the request body could not be read" } };
  }
  if (text === "" && (c.req.method === "GET" || type === "" || options.query)) {
    return { ok: true, params: Params.fromSearchParams(...(query ? [query] : [])) };
  }
  if (type === "application/json" && options.body.includes("json")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return { ok: false, problem: { kind: "malformed_body", detail: "the body is not valid JSON" } };
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      return { ok: false, problem: { kind: "malformed_body", detail: "the JSON body must be an object" } };
    }
    const params = Params.fromObject(parsed as Record<string, unknown>);
    return { ok: true, params: query ? mergeQuery(query, params) : params };
  }
  const isForm = type === "application/x-www-form-urlencoded" || (type === "" && options.lenientContentType);
  if (isForm && options.body.includes("form")) {
    const body = new URLSearchParams(text);
    return { ok: true, params: query ? Params.fromSearchParams(query, body) : Params.fromSearchParams(body) };
  }
  return { ok: false, problem: { kind: "unsupported_media_type", contentType: type || "(none)" } };
}

function mergeQuery(query: URLSearchParams, body: Params): Params {
  if ([...query.keys()].length === 0) return body;
  const map = new Map<string, unknown[]>();
  for (const [k, v] of query) map.set(k, [...(map.get(k) ?? []), v]);
  for (const name of body.names()) map.set(name, [...(map.get(name) ?? []), body.raw(name)]);
  return new Params(map);
}
