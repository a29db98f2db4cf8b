import type { Hono } from "hono";
import type { Clock } from "../kit/clock.ts";
import type { TrafficLog } from "../traffic-log.ts";
import type { LiveHost } from "./live-hosts.ts";
import { LiveTargets } from "./live-targets.ts";
import { liveRelay, type RelayOptions } from "./relay.ts";
import { targetRoutes } from "./target-routes.ts";

export interface LiveSettings {
  /** The workspace's path prefix: "" for the default workspace, "/w/<id>" for another. */
  workspaceBase: string;
  providers: readonly string[];
  log: TrafficLog;
  clock: Clock;
  record: boolean;
  liveHosts: readonly LiveHost[];
  relay?: RelayOptions;
}

/**
 * One workspace's live targets: the store, its control routes (mount at
 * `<ws>/mock/_control/targets`, before the control API's catch-all) and its relay
 * (mount at `<ws>/live`).
 */
export function createLive(settings: LiveSettings): { targets: LiveTargets; targetRoutes: Hono; relay: Hono } {
  const targets = new LiveTargets(settings.providers);
  const { workspaceBase, log, clock, record, liveHosts } = settings;
  return {
    targets,
    targetRoutes: targetRoutes({ targets, liveHosts, workspaceBase }),
    relay: liveRelay({ workspaceBase, targets, log, clock, record }, settings.relay),
  };
}
