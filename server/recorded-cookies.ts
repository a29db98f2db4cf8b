import type { Header } from "../src/core/exchange/exchange.ts";

/**
 * Request headers as the traffic log keeps them: the Cookie header holds only the cookies
 * named in `own` (the ones the mock sets). Cookies don't separate by port, so a browser
 * sends the mock every other localhost app's cookies too, HttpOnly sessions included;
 * those are dropped, and counted.
 */
export function keepOwnCookies(headers: Header[], own: ReadonlySet<string>): { headers: Header[]; omittedCookies: number } {
  let omittedCookies = 0;
  const kept: Header[] = [];
  for (const header of headers) {
    if (header[0] !== "cookie") {
      kept.push(header);
      continue;
    }
    const cookies: string[] = [];
    for (const part of header[1].split(";")) {
      const cookie = part.trim();
      if (!cookie) continue;
      const eq = cookie.indexOf("=");
      if (own.has((eq < 0 ? cookie : cookie.slice(0, eq)).trim())) cookies.push(cookie);
      else omittedCookies++;
    }
    if (cookies.length > 0) kept.push(["cookie", cookies.join("; ")]);
  }
  return { headers: omittedCookies === 0 ? headers : kept, omittedCookies };
}
