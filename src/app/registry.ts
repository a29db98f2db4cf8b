import type { ProviderMeta } from "../core/provider/contract.ts";
import type { ProviderEndpoints } from "../core/diagnose/types.ts";
import type { Flow } from "../core/wizard/types.ts";
import { springMeta } from "../providers/spring/meta.ts";
import { ppmessageMeta } from "../providers/ppmessage/meta.ts";
import { pigaiMeta } from "../providers/pigai/meta.ts";
import { easemobMeta } from "../providers/easemob/meta.ts";
import { openplatformMeta } from "../providers/openplatform/meta.ts";

export interface ProviderEntry {
  meta: ProviderMeta;
  /** Flows are lazy chunks: the home page loads none of them. */
  loadFlow: () => Promise<Flow>;
  /** What the diagnoser checks (lazy chunk too). */
  loadEndpoints: () => Promise<ProviderEndpoints>;
}

/** Every provider the SPA offers. A new provider is one line here. */
export const providerEntries: ProviderEntry[] = [
  { meta: springMeta, loadFlow: () => import("../providers/spring/flow.ts").then((m) => m.springFlow), loadEndpoints: () => import("../providers/spring/endpoints.ts").then((m) => m.springEndpoints) },
  { meta: ppmessageMeta, loadFlow: () => import("../providers/ppmessage/flow.ts").then((m) => m.ppmessageFlow), loadEndpoints: () => import("../providers/ppmessage/endpoints.ts").then((m) => m.ppmessageEndpoints) },
  { meta: pigaiMeta, loadFlow: () => import("../providers/pigai/flow.ts").then((m) => m.pigaiFlow), loadEndpoints: () => import("../providers/pigai/endpoints.ts").then((m) => m.pigaiEndpoints) },
  { meta: easemobMeta, loadFlow: () => import("../providers/easemob/flow.ts").then((m) => m.easemobFlow), loadEndpoints: () => import("../providers/easemob/endpoints.ts").then((m) => m.easemobEndpoints) },
  { meta: openplatformMeta, loadFlow: () => import("../providers/openplatform/flow.ts").then((m) => m.openplatformFlow), loadEndpoints: () => import("../providers/openplatform/endpoints.ts").then((m) => m.openplatformEndpoints) },
];

export const findProvider = (id: string | undefined) => providerEntries.find((p) => p.meta.id === id);

/** Every provider's endpoint descriptions, for the diagnoser. */
export const loadAllEndpoints = () => Promise.all(providerEntries.map((p) => p.loadEndpoints()));
