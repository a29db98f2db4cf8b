import type { Page } from "@playwright/test";
import { PigaiFlow } from "./pages/pigai.ts";
import { SpringFlow } from "./pages/spring.ts";
import { expect, test } from "./fixtures.ts";

/** Collects every CSP violation the page reports, from before its first script runs. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const console: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) console.push(m.text());
  });
  return async () => [...console, ...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []).catch(() => []))];
}

test("the SPA's pages refuse to be framed and carry a CSP for every client route and file, in a workspace too", async ({ request, workspace }) => {
  for (const path of ["/", "/spring", "/callback?code=x", "/favicon.ico", workspace.path("/"), workspace.path("/spring"), workspace.path("/callback?code=x")]) {
    const res = await request.get(path);
    const csp = res.headers()["content-security-policy"] ?? "";
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).toContain("script-src 'self'");
    expect(res.headers()["x-frame-options"], path).toBe("DENY");
    expect(res.headers()["x-content-type-options"], path).toBe("nosniff");
    expect(res.headers()["referrer-policy"], path).toBe("no-referrer");
  }
  const html = await (await request.get("/")).text();
  const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
  expect(asset).toBeTruthy();
  expect((await request.get(asset!)).headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
});

test("a flow runs under the SPA's CSP without a single violation: Spring's pages and callback, Pigai's JSONP both ways", async ({ page, workspace }) => {
  const violations = await watchCsp(page);
  const spring = new SpringFlow(page, workspace);
  await spring.obtainCode();
  await spring.next();
  await spring.run("Send request");
  await spring.expectOutcome("success", "Token issued");
  expect(await violations()).toEqual([]);

  const pigai = new PigaiFlow(page, workspace);
  await pigai.saveClient();
  await pigai.runJsonp("script");
  await pigai.expectOutcome("success");
  await pigai.runJsonp("jquery");
  await pigai.expectOutcome("success");
  expect(await violations()).toEqual([]);
});

test("a cross-site request can't move the clock, and a rebound Host gets nothing", async ({ request, workspace }) => {
  const before = (await (await request.get(workspace.control("/clock"))).json()) as { offset: number };
  const res = await request.post(workspace.control("/clock/advance"), { headers: { origin: "http://evil.example", "content-type": "text/plain" }, data: '{"seconds":604800}' });
  expect(res.status()).toBe(403);
  expect(((await (await request.get(workspace.control("/clock"))).json()) as { offset: number }).offset).toBe(before.offset);
  const rebound = await request.get("/mock/_control/fixtures", { headers: { host: "evil.example" } });
  expect(rebound.status()).toBe(421);
});
