import type { ProviderEndpoints } from "../diagnose/types.ts";
import type { Flow } from "../wizard/types.ts";
import type { ProviderMeta } from "./contract.ts";

/** A provider's browser half, as the SPA's registry lists it: one object per provider. */
export interface ProviderEntry {
  meta: ProviderMeta;
  /** Flows are lazy chunks: the home page loads none of them. */
  loadFlow: () => Promise<Flow>;
  /** What the diagnoser checks (lazy chunk too). */
  loadEndpoints: () => Promise<ProviderEndpoints>;
}
