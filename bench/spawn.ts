import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";

export interface Stats {
  rss: number;
  heapUsed: number;
  userMicros: number;
  systemMicros: number;
}

/** A server of the bench in its own process (see child.mjs): its port, its stats, and a way to stop it. */
export interface Child {
  proc: ChildProcess;
  port: number;
  /** Memory and CPU time used so far (µs, user and system apart) of the child. */
  stats(): Promise<Stats>;
  stop(): void;
}

const root = resolve(import.meta.dirname, "..");

/** Starts `node <args>` (from the repository's root, or `cwd`) and waits for the port it reports. */
export function start(args: string[], env: Record<string, string> = {}, cwd = root): Promise<Child> {
  return new Promise((resolvePromise, reject) => {
    const proc = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "inherit", "inherit", "ipc"] });
    proc.once("error", reject);
    proc.once("exit", (code) => reject(new Error(`${args.join(" ")} exited with ${code}`)));
    proc.once("message", (msg: { port: number }) => {
      resolvePromise({
        proc,
        port: msg.port,
        stats: () =>
          new Promise((res) => {
            proc.once("message", (m) => res(m as Stats));
            proc.send("stats");
          }),
        stop: () => {
          proc.removeAllListeners("exit");
          proc.disconnect();
        },
      });
    });
  });
}

/** The mock exactly as `npm start` serves it (bench/serve-mock.ts), in its own process. */
export const startMock = (env: Record<string, string> = {}) => start(["--import", "tsx", resolve(root, "bench/serve-mock.ts")], env);
