import type { QueryClient } from "@tanstack/react-query";
import { clockQuery } from "../api/control.ts";
import type { WorkspaceId } from "../workspace/paths.ts";
import { runJsonp } from "./jsonp.ts";
import type { RunEffects } from "./runner.ts";
import { wizardStore } from "./use-wizard-store.ts";

/** The runner's effects in the page: the browser's fetch, <script> JSONP and navigation, the workspace's clock through Query. */
export function browserEffects(queryClient: QueryClient, workspace: WorkspaceId): RunEffects {
  return {
    fetch: (input, init) => fetch(input, init),
    jsonp: runJsonp,
    navigate: (url) => window.location.assign(url),
    virtualNow: async () => (await queryClient.fetchQuery({ ...clockQuery(workspace), staleTime: 0 })).now,
    now: () => Date.now(),
    store: wizardStore,
  };
}
