import quote from "shell-quote/quote";
import type { RawRequest } from "./exchange.ts";

/** Headers a browser adds on its own; a curl that replays the request does not need them. */
const BROWSER_HEADERS = /^(host|connection|content-length|accept-encoding|accept-language|user-agent|origin|referer|sec-.*|priority|cache-control|pragma|upgrade-insecure-requests|dnt)$/i;

/** A piece of a shell word: literal text (quoted), or a shell variable expanded in place. */
export type ShellPart = string | { variable: string };

/**
 * A literal for the shell. shell-quote decides: what it leaves as is stays bare; otherwise
 * POSIX single quotes, in which no byte is special, unless the text holds a quote itself
 * (then shell-quote's own form). Its backslash style (`http\://x/\?a\=1`) is exact too, but
 * hard to read in a ticket.
 */
export function shellLiteral(text: string): string {
  const quoted = quote([text]);
  return quoted === text || text.includes("'") ? quoted : `'${text}'`;
}

/**
 * One shell word from literal text and variables: each literal quoted, each variable written
 * as "$NAME"; the shell joins adjacent quoted strings into one word.
 */
export function shellWord(parts: readonly ShellPart[]): string {
  const written = parts.filter((p) => p !== "").map((p) => (typeof p === "string" ? shellLiteral(p) : `"$${p.variable}"`));
  return written.length ? written.join("") : "''";
}

/**
 * The curl arguments that send a request, each given as parts (so a variable can stand in
 * for a secret). `data` is the body's options, already quoted (`--data-raw`, `--data-urlencode`).
 */
export function curlWords(request: { method: ShellPart[]; url: ShellPart[]; headers: ShellPart[][]; data: string[]; extra?: string[] }): string[] {
  return curlOptions(request).map((option) => option.join(" "));
}

/** The same, grouped: each option with its value (one line each in a script). */
export function curlOptions(request: { method: ShellPart[]; url: ShellPart[]; headers: ShellPart[][]; data: string[]; extra?: string[] }): string[][] {
  const isGet = request.method.length === 1 && request.method[0] === "GET";
  const options: string[][] = [["curl"]];
  if (!isGet || request.data.length) options.push(["-X", shellWord(request.method)]);
  for (const header of request.headers) options.push(["-H", shellWord(header)]);
  const pairs = [...(request.extra ?? []), ...request.data];
  for (let i = 0; i < pairs.length; i += 2) options.push(pairs.slice(i, i + 2));
  options.push([shellWord(request.url)]);
  return options;
}

export const isBrowserHeader = (name: string) => BROWSER_HEADERS.test(name);

/** A curl command that sends the same request to the same URL; every part quoted, whatever it holds. */
export function toCurl(request: RawRequest, options: { keepBrowserHeaders?: boolean } = {}): string {
  const headers = request.headers.filter(([name]) => options.keepBrowserHeaders || !isBrowserHeader(name)).map(([name, value]) => [`${name}: ${value}`]);
  return curlWords({ method: [request.method], url: [request.url], headers, data: request.body ? ["--data-raw", shellWord([request.body])] : [] }).join(" ");
}
