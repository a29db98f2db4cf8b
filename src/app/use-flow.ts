import { useQuery } from "@tanstack/react-query";
import { findProvider } from "./registry.ts";

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
