import { queryOptions, useQuery } from "@tanstack/react-query";
import type { ProviderEntry } from "../core/provider/entry.ts";
import { findProvider } from "./registry.ts";

/** A provider's flow chunk, loaded once and kept. */
export const flowQuery = (entry: ProviderEntry) => queryOptions({ queryKey: ["flow", entry.meta.id], queryFn: () => entry.loadFlow(), staleTime: Infinity });

/** Loads a provider's flow chunk once and keeps it. */
export function useFlow(providerId: string | undefined) {
  const entry = findProvider(providerId);
  return useQuery({
    queryKey: ["flow", providerId],
    queryFn: () => entry!.loadFlow(),
    enabled: entry !== undefined,
    staleTime: Infinity,
  });
}
