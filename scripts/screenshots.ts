/**
 * `npm run screenshots`: refreshes the README's pictures in docs/screenshots/ from the e2e
 * journeys. Without a CJK font every Chinese character would be drawn as a box, so it
 * refuses to run until one is installed.
 */
import { spawnSync } from "node:child_process";

const fonts = spawnSync("fc-list", [":lang=zh", "family"], { encoding: "utf8" });
if (fonts.error || fonts.status !== 0 || fonts.stdout.trim() === "") {
  console.error(
    [
      "No font with Chinese glyphs was found (`fc-list :lang=zh` lists none), so the screenshots would show boxes for 简体中文.",
      "Install one first, e.g. on Debian/Ubuntu: sudo apt-get install fonts-noto-cjk",
      fonts.error ? `(fc-list could not run: ${fonts.error.message}; it comes with fontconfig)` : "",
    ]
      .filter(Boolean)
      .join("\n"),
  );
  process.exit(1);
}

const run = (cmd: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env }, shell: false }).status ?? 1;

if (run("npm", ["run", "build"]) !== 0) process.exit(1);
process.exit(run("npx", ["playwright", "test", ...process.argv.slice(2)], { SCREENSHOTS: "1" }));
