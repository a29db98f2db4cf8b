import type { ProviderEntry } from "../../core/provider/entry.ts";
import { springMeta } from "./meta.ts";

/** The browser half of the provider: its meta now, its flow and diagnoser data on demand. */
export const springEntry: ProviderEntry = {
  meta: springMeta,
  loadFlow: () => import("./flow.ts").then((m) => m.springFlow),
  loadEndpoints: () => import("./endpoints.ts").then((m) => m.springEndpoints),
};
