/**
 * The fuzzer's generated requests: fast-check arbitraries built from one target's hints.
 * Known names and values are mixed with junk so that requests reach deep into the handlers;
 * prototype-named keys go into every position (query, form, JSON at any depth, header and
 * cookie names, path segments).
 */
import fc from "fast-check";
import type { FuzzHints, FuzzSeeds } from "../kit/probes.ts";

export interface FuzzRequest {
  method: string;
  /** Path after the target's base, starting with "/" (or empty). */
  path: string;
  /** Raw query string, without "?". */
  query: string;
  headers: Array<[string, string]>;
  body: string | Uint8Array<ArrayBuffer> | undefined;
}

/** Names an object would inherit: a parameter map that is a plain object breaks on them. */
export const PROTOTYPE_KEYS = ["__proto__", "constructor", "toString", "valueOf", "hasOwnProperty", "prototype", "isPrototypeOf", "__defineGetter__"];

const protoKey = fc.constantFrom(...PROTOTYPE_KEYS);

const junkStrings = fc.oneof(
  fc.string({ maxLength: 24 }),
  fc.string({ unit: "grapheme", maxLength: 16 }),
  fc.string({ unit: "binary", maxLength: 16 }), // lone surrogates included
  fc.constantFrom("", " ", "\u0000", "a\u0000b", "%", "%zz", "%E0%A4%A", "%00", "%u0041", "+", "&", "=", "\r\n", "\uFEFF", "\u2028", "😀", "中文", "'\"<>", '"><script>alert(1)</script>', "null", "[]", "{}"),
  protoKey,
);
const hugeString = fc.integer({ min: 1_000, max: 80_000 }).chain((n) => fc.constantFrom("a", "%", "é", "\u0000").map((ch) => ch.repeat(n)));

/** A target's vocabulary: its hints, plus the live values of its last seed. */
interface Vocabulary {
  paths: string[];
  names: string[];
  values: string[];
  authorizations: string[];
  cookie: string | undefined;
}

export const vocabulary = (hints: FuzzHints, seeds: FuzzSeeds = {}): Vocabulary => ({
  paths: hints.paths,
  names: hints.names,
  values: [...hints.values, ...(seeds.values ?? [])].filter(Boolean),
  authorizations: [...hints.authorizations, ...(seeds.authorizations ?? [])],
  cookie: seeds.cookie || undefined,
});

const valueOf = (v: Vocabulary) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...v.values) },
    { weight: 4, arbitrary: junkStrings },
    { weight: 1, arbitrary: fc.integer().map(String) },
    { weight: 1, arbitrary: hugeString },
  );

const nameOf = (v: Vocabulary) =>
  fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...v.names) }, { weight: 2, arbitrary: junkStrings }, { weight: 1, arbitrary: protoKey });

/** Parameter lists: known names with known or junk values, sometimes repeated, sometimes none. */
const paramsOf = (v: Vocabulary) => fc.array(fc.tuple(nameOf(v), valueOf(v)), { maxLength: 8 });

function safeEncode(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, "\uFFFD"));
  }
}

const encodePairs = (pairs: Array<[string, string]>) => pairs.map(([k, v]) => `${safeEncode(k)}=${safeEncode(v)}`).join("&");

/** Malformed or odd raw query/form strings (percent-encoding errors, bare names, stray separators). */
const rawFormJunk = fc.constantFrom("%", "a=%", "a=%zz&b=%E0%A4%A", "=&=&", "&&&&", "a", "a=1&a=2", "%E0%A4%A=1", "a=%00b", "a=1;b=2", "a[]=1&a[]=2", "a=%F0%9F%98", "+++=+++", "__proto__[x]=1&constructor[prototype][y]=2");

const queryOf = (v: Vocabulary) =>
  fc.oneof(
    { weight: 6, arbitrary: paramsOf(v).map(encodePairs) },
    { weight: 1, arbitrary: rawFormJunk },
    { weight: 1, arbitrary: fc.tuple(paramsOf(v).map(encodePairs), rawFormJunk).map(([a, b]) => `${a}&${b}`) },
  );

const segment = fc.oneof(
  fc.constantFrom("oauth", "token", "api", "OAuth2", "ppauth", "easemob-demo", "testapp", "users", "%zz", "%E0%A4%A", "%2F", "%00", "%25", "a%20b", "中文", "😀", "", "x".repeat(3000), "_sim", ";a=b", "index.html"),
  fc.stringMatching(/^[A-Za-z0-9_.~-]{1,12}$/).filter((s) => s !== "." && s !== ".."),
  protoKey,
);

const pathOf = (v: Vocabulary) =>
  fc.oneof(
    { weight: 7, arbitrary: fc.constantFrom(...v.paths) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...v.paths), fc.constantFrom("/", "//", "/x", "%00", ".json", "%2F..", "/%zz")).map(([p, s]) => p + s) },
    { weight: 2, arbitrary: fc.array(segment, { minLength: 0, maxLength: 4 }).map((segs) => segs.map((s) => `/${s}`).join("")) },
  );

const method = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom("GET", "POST") },
  { weight: 3, arbitrary: fc.constantFrom("PUT", "DELETE", "PATCH", "HEAD", "OPTIONS") },
  { weight: 1, arbitrary: fc.constantFrom("get", "post", "patch", "PROPFIND", "FOO", "QUERY", "M-SEARCH") },
);

const contentType = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom("application/x-www-form-urlencoded", "application/json", "application/json; charset=utf-8", "") },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "APPLICATION/JSON",
      "text/plain",
      "multipart/form-data; boundary=xyz",
      "application/xml",
      "application/x-www-form-urlencoded; charset=gbk",
      "application/json;;;",
      "application/javascript",
      "*/*",
      ";",
      "application/x-www-form-urlencoded, application/json",
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme-ascii", maxLength: 40 }) },
);

/** JSON values with prototype-named keys at any depth (Object.fromEntries makes them own keys, which JSON keeps). */
const jsonValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", maxDepth: 3 },
    fc.jsonValue({ maxDepth: 1 }),
    fc.array(fc.tuple(fc.oneof(protoKey, fc.string({ maxLength: 8 })), tie("value")), { maxLength: 3 }).map((pairs) => Object.fromEntries(pairs)),
  ),
})).value;

const bodyOf = (v: Vocabulary): fc.Arbitrary<string | Uint8Array<ArrayBuffer> | undefined> =>
  fc.oneof(
    { weight: 2, arbitrary: fc.constant(undefined) },
    { weight: 5, arbitrary: paramsOf(v).map((pairs) => new URLSearchParams(pairs).toString()) },
    { weight: 5, arbitrary: fc.array(fc.tuple(nameOf(v), fc.oneof(valueOf(v), jsonValue)), { maxLength: 8 }).map((pairs) => JSON.stringify(Object.fromEntries(pairs))) },
    {
      weight: 2,
      arbitrary: fc.tuple(paramsOf(v), fc.nat()).map(([pairs, cut]) => {
        const s = JSON.stringify(Object.fromEntries(pairs));
        return s.slice(0, cut % (s.length + 1));
      }),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        "{",
        '{"a":',
        "[]",
        '"str"',
        "null",
        "1e999",
        '{"grant_type":"client_credentials","grant_type":"client_credentials"}',
        '{"__proto__":{"polluted":1},"constructor":{"prototype":{"x":1}}}',
        '{"a":{"b":{"__proto__":[],"toString":1,"valueOf":null}}}',
        "[".repeat(20_000) + "]".repeat(20_000),
        '{"ttl":1e400}',
        '{"seconds":1e308}',
        '{"seed":-1}',
        "\u0000\u0000\u0000",
        "\uFEFF{}",
      ),
    },
    { weight: 1, arbitrary: rawFormJunk },
    { weight: 2, arbitrary: fc.uint8Array({ maxLength: 256 }) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 200 }) },
    // Past the 64 KB cap: every provider must answer 413 in its envelope.
    { weight: 1, arbitrary: fc.integer({ min: 64 * 1024 + 1, max: 200_000 }).map((n) => `a=${"b".repeat(n)}`) },
  );

const headerValue = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: "grapheme-ascii", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 8_000, max: 64_000 }).map((n) => "h".repeat(n)) }, // huge headers
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(..."é€ÿ\u0080\u00ff"), maxLength: 10 }).map((s) => Buffer.from(s, "utf8").toString("latin1")) },
);

/** Cookie headers: the live session, broken ones, and prototype-named cookies around the session. */
const cookieOf = (v: Vocabulary) =>
  fc.oneof(
    fc.constant(v.cookie ?? "JSESSIONID=none"),
    fc.constantFrom("JSESSIONID=%zz", "JSESSIONID=", 'JSESSIONID="a"; JSESSIONID=b', "=;=;"),
    fc.tuple(protoKey, headerValue).map(([name, value]) => `${name}=${value.replace(/[;\s]/g, "")}; ${v.cookie ?? "JSESSIONID=none"}`),
    headerValue,
  );

const headersOf = (v: Vocabulary) =>
  fc
    .record(
      {
        contentType,
        authorization: fc.oneof(fc.constantFrom(...(v.authorizations.length ? v.authorizations : ["Bearer x"])), headerValue),
        cookie: cookieOf(v),
        extra: fc.array(
          fc.tuple(fc.oneof(fc.constantFrom("accept", "x-forwarded-for", "sec-fetch-mode", "sec-fetch-dest", "origin", "referer", "x-requested-with", "x-huge", "accept-language", "if-none-match"), protoKey), headerValue),
          { maxLength: 3 },
        ),
        // Honest, lying and malformed lengths: the body cap decides from this header when it is there.
        contentLength: fc.constantFrom("0", "1", "10", "65536", "65537", "999999999", "-1", "abc", "1e3", ""),
      },
      { requiredKeys: [] },
    )
    .map((h) => {
      const list: Array<[string, string]> = [];
      if (h.contentType !== undefined) list.push(["content-type", h.contentType]);
      if (h.authorization !== undefined) list.push(["authorization", h.authorization]);
      if (h.cookie !== undefined) list.push(["cookie", h.cookie]);
      if (h.contentLength !== undefined) list.push(["content-length", h.contentLength]);
      list.push(...(h.extra ?? []));
      return list;
    });

export const requestOf = (v: Vocabulary): fc.Arbitrary<FuzzRequest> =>
  fc.record({ method, path: pathOf(v), query: fc.option(queryOf(v), { nil: "" }), headers: headersOf(v), body: bodyOf(v) });
