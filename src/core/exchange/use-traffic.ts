import { useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { controlKeys, trafficQuery, trafficStreamUrl } from "../api/control.ts";
import type { WorkspaceId } from "../workspace/paths.ts";
import type { Exchange } from "./exchange.ts";

const KEEP = 500;

function merge(list: Exchange[] | undefined, exchange: Exchange): Exchange[] {
  const current = list ?? [];
  if (current.some((e) => e.id === exchange.id)) return current;
  return [...current, exchange].slice(-KEEP);
}

// One EventSource per workspace however many components read its traffic; closed when the last one unmounts.
const shared = new Map<WorkspaceId, { source: EventSource; users: number }>();

function subscribe(queryClient: QueryClient, workspace: WorkspaceId): () => void {
  let current = shared.get(workspace);
  if (!current) {
    const source = new EventSource(trafficStreamUrl(workspace));
    source.addEventListener("exchange", (event) => {
      const exchange = JSON.parse((event as MessageEvent<string>).data) as Exchange;
      queryClient.setQueryData<Exchange[]>(controlKeys.traffic(workspace), (list) => merge(list, exchange));
    });
    // After a (re)connect, refetch so nothing recorded in the gap is missed.
    source.addEventListener("ready", () => void queryClient.invalidateQueries({ queryKey: controlKeys.traffic(workspace) }));
    current = { source, users: 0 };
    shared.set(workspace, current);
  }
  const mine = current;
  mine.users++;
  return () => {
    if (--mine.users === 0) {
      mine.source.close();
      if (shared.get(workspace) === mine) shared.delete(workspace);
    }
  };
}

/** A workspace's recorded traffic: fetched once, then kept live by its event stream. */
export function useTraffic(workspace: WorkspaceId) {
  const queryClient = useQueryClient();
  const query = useQuery(trafficQuery(workspace));
  useEffect(() => subscribe(queryClient, workspace), [queryClient, workspace]);
  return query;
}
