import { useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { controlKeys, trafficQuery, trafficStreamUrl } from "../api/control.ts";
import { DEFAULT_WORKSPACE } from "../workspace/paths.ts";
import type { Exchange } from "./exchange.ts";

const KEEP = 500;

function merge(list: Exchange[] | undefined, exchange: Exchange): Exchange[] {
  const current = list ?? [];
  if (current.some((e) => e.id === exchange.id)) return current;
  return [...current, exchange].slice(-KEEP);
}

// One EventSource however many components read the traffic; closed when the last one unmounts.
let shared: { source: EventSource; users: number } | undefined;

function subscribe(queryClient: QueryClient): () => void {
  if (!shared) {
    const source = new EventSource(trafficStreamUrl(DEFAULT_WORKSPACE));
    source.addEventListener("exchange", (event) => {
      const exchange = JSON.parse((event as MessageEvent<string>).data) as Exchange;
      queryClient.setQueryData<Exchange[]>(controlKeys.traffic(DEFAULT_WORKSPACE), (list) => merge(list, exchange));
    });
    // After a (re)connect, refetch so nothing recorded in the gap is missed.
    source.addEventListener("ready", () => void queryClient.invalidateQueries({ queryKey: controlKeys.traffic(DEFAULT_WORKSPACE) }));
    shared = { source, users: 0 };
  }
  const current = shared;
  current.users++;
  return () => {
    if (--current.users === 0) {
      current.source.close();
      if (shared === current) shared = undefined;
    }
  };
}

/** The recorded traffic: fetched once, then kept live by the server's event stream. */
export function useTraffic() {
  const queryClient = useQueryClient();
  const query = useQuery(trafficQuery(DEFAULT_WORKSPACE));
  useEffect(() => subscribe(queryClient), [queryClient]);
  return query;
}
