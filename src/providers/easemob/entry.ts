import type { ProviderEntry } from "../../core/provider/entry.ts";
import { easemobMeta } from "./meta.ts";

/** The browser half of the provider: its meta now, its flow and diagnoser data on demand. */
export const easemobEntry: ProviderEntry = {
  meta: easemobMeta,
  loadFlow: () => import("./flow.ts").then((m) => m.easemobFlow),
  loadEndpoints: () => import("./endpoints.ts").then((m) => m.easemobEndpoints),
};
