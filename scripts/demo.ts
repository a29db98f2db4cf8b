/**
 * `npm run demo`: builds, runs every flow journey with Playwright traces on, and
 * prints where the HTML report is, so each flow can be replayed step by step in
 * the trace viewer (`npx playwright show-report`).
 */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

const run = (cmd: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env }, shell: false }).status ?? 1;

if (run("npm", ["run", "build"]) !== 0) process.exit(1);
const status = run("npx", ["playwright", "test", "--reporter=list,html", ...process.argv.slice(2)], { PW_TRACE: "on", CI: "" });
const report = resolve(import.meta.dirname, "../playwright-report/index.html");
console.log(`\nPlaywright report with a trace per journey: ${report}`);
console.log("Open it with: npx playwright show-report");
process.exit(status);
