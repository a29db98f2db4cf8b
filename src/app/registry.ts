import type { ProviderMeta } from "../core/provider/contract.ts";
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
}

/** Every provider the SPA offers. A new provider is one line here. */
export const providerEntries: ProviderEntry[] = [
  { meta: springMeta, loadFlow: () => import("../providers/spring/flow.ts").then((m) => m.springFlow) },
  { meta: ppmessageMeta, loadFlow: () => import("../providers/ppmessage/flow.ts").then((m) => m.ppmessageFlow) },
  { meta: pigaiMeta, loadFlow: () => import("../providers/pigai/flow.ts").then((m) => m.pigaiFlow) },
  { meta: easemobMeta, loadFlow: () => import("../providers/easemob/flow.ts").then((m) => m.easemobFlow) },
  { meta: openplatformMeta, loadFlow: () => import("../providers/openplatform/flow.ts").then((m) => m.openplatformFlow) },
];

export const findProvider = (id: string | undefined) => providerEntries.find((p) => p.meta.id === id);
