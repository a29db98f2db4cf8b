import type { ProviderEntry } from "../../core/provider/entry.ts";
import { ppmessageMeta } from "./meta.ts";

/** The browser half of the provider: its meta now, its flow and diagnoser data on demand. */
export const ppmessageEntry: ProviderEntry = {
  meta: ppmessageMeta,
  loadFlow: () => import("./flow.ts").then((m) => m.ppmessageFlow),
  loadEndpoints: () => import("./endpoints.ts").then((m) => m.ppmessageEndpoints),
};
