import type { ProviderEntry } from "../../core/provider/entry.ts";
import { openplatformMeta } from "./meta.ts";

/** The browser half of the provider: its meta now, its flow and diagnoser data on demand. */
export const openplatformEntry: ProviderEntry = {
  meta: openplatformMeta,
  loadFlow: () => import("./flow.ts").then((m) => m.openplatformFlow),
  loadEndpoints: () => import("./endpoints.ts").then((m) => m.openplatformEndpoints),
};
