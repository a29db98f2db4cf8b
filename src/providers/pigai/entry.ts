import type { ProviderEntry } from "../../core/provider/entry.ts";
import { pigaiMeta } from "./meta.ts";

/** The browser half of the provider: its meta now, its flow and diagnoser data on demand. */
export const pigaiEntry: ProviderEntry = {
  meta: pigaiMeta,
  loadFlow: () => import("./flow.ts").then((m) => m.pigaiFlow),
  loadEndpoints: () => import("./endpoints.ts").then((m) => m.pigaiEndpoints),
};
