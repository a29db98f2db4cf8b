/**
 * What a browser does on the Spring-style oidc-provider's own pages, for tests without one:
 * follows its redirects with its cookies, signs in on the login form and continues on the
 * consent page, and returns the redirect to the client's redirect_uri (code, state, iss).
 */
export async function authorizeOnPages(authorizeUrl: string, credentials = { login: "user", password: "password" }): Promise<URL> {
  const jar = new Map<string, string>();
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const origin = new URL(authorizeUrl).origin;
  let url = authorizeUrl;
  let form: URLSearchParams | undefined;
  for (let hop = 0; hop < 12; hop++) {
    const res = await fetch(url, form ? { method: "POST", body: form, redirect: "manual", headers: { cookie: cookie() } } : { redirect: "manual", headers: { cookie: cookie() } });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    const location = res.headers.get("location");
    if (location) {
      const next = new URL(location, url);
      if (next.origin !== origin) return next;
      [url, form] = [next.href, undefined];
      continue;
    }
    const page = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
    if (!action || !prompt) throw new Error(`no login or consent form at ${url} (${res.status}): ${page.slice(0, 300)}`);
    url = new URL(action, url).href;
    form = new URLSearchParams(prompt === "login" ? { prompt, ...credentials } : { prompt });
  }
  throw new Error(`no redirect to the client after 12 hops from ${authorizeUrl}`);
}
