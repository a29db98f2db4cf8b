import type { ProviderEntry } from "../core/provider/entry.ts";
import { easemobEntry } from "../providers/easemob/entry.ts";
import { openplatformEntry } from "../providers/openplatform/entry.ts";
import { pigaiEntry } from "../providers/pigai/entry.ts";
import { ppmessageEntry } from "../providers/ppmessage/entry.ts";
import { springEntry } from "../providers/spring/entry.ts";

/** Every provider the SPA offers, in the home page's order. A new provider is one line here. */
export const providerEntries: ProviderEntry[] = [springEntry, ppmessageEntry, pigaiEntry, easemobEntry, openplatformEntry];

export const findProvider = (id: string | undefined) => providerEntries.find((p) => p.meta.id === id);

/** Every provider's endpoint descriptions, for the diagnoser. */
export const loadAllEndpoints = () => Promise.all(providerEntries.map((p) => p.loadEndpoints()));
