import { existsSync } from "node:fs";
import { cpus } from "node:os";
import { defineConfig, devices } from "@playwright/test";
import { E2E_PORT, OIDC_BASE, OIDC_PORT } from "./e2e/ports.ts";

/** Debian's Chromium where there is one (Playwright can't download its own here); Playwright's own browser elsewhere. */
const systemChromium = [process.env.CHROMIUM_PATH, "/usr/bin/chromium"].find((p): p is string => !!p && existsSync(p));
const PORT = E2E_PORT;

export default defineConfig({
  testDir: "e2e",
  // Every test has its own workspace (e2e/fixtures.ts), so tests run in parallel: one worker per
  // core, at least two, and no more than four (each worker drives a Chromium against one server).
  workers: Math.min(Math.max(cpus().length, 2), 4),
  fullyParallel: true,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: process.env.PW_TRACE === "on" ? "on" : "retain-on-failure",
    locale: "en-US",
    ...devices["Desktop Chrome"],
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      ...(systemChromium ? { executablePath: systemChromium } : {}),
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  webServer: [
    {
      command: "npx tsx server/main.ts",
      env: { PORT: String(PORT), HOST: "127.0.0.1", ...(process.env.DIST_DIR ? { DIST_DIR: process.env.DIST_DIR } : {}) },
      url: `http://localhost:${PORT}/mock/_control/health`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      // A real server no one here wrote, for the live-target journey (e2e/live.spec.ts).
      command: "npx tsx test-servers/spring-oidc.ts",
      env: { PORT: String(OIDC_PORT) },
      url: `${OIDC_BASE}/health`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
