import { useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { controlKeys, trafficStreamUrl } from "../api/control.ts";
import type { WorkspaceId } from "../workspace/paths.ts";
import type { Exchange } from "./exchange.ts";
import { parseExchange } from "./exchange-schema.ts";
import { frameBatcher } from "./frame-batcher.ts";
import { appendExchanges, TRAFFIC_KEEP } from "./traffic-list.ts";
import { trafficQuery } from "./traffic-query.ts";

interface Follower {
  source: EventSource;
  users: number;
}

// One EventSource per workspace however many components read its traffic; closed when the last one unmounts.
const followers = new Map<WorkspaceId, Follower>();

function follow(queryClient: QueryClient, workspace: WorkspaceId): Follower {
  const key = controlKeys.traffic(workspace);
  const source = new EventSource(trafficStreamUrl(workspace));
  const batch = frameBatcher<Exchange>((exchanges) => queryClient.setQueryData<Exchange[]>(key, (list) => appendExchanges(list, exchanges)), { max: TRAFFIC_KEEP });
  source.addEventListener("exchange", (event) => {
    let data: unknown;
    try {
      data = JSON.parse((event as MessageEvent<string>).data);
    } catch {
      return;
    }
    const exchange = parseExchange(data);
    if (exchange) batch.push(exchange);
  });
  // After a (re)connect, refetch so nothing recorded in the gap is missed.
  source.addEventListener("ready", () => void queryClient.invalidateQueries({ queryKey: key }));
  source.addEventListener("error", () => {
    if (source.readyState === EventSource.CLOSED) batch.clear();
  });
  return { source, users: 0 };
}

function subscribe(queryClient: QueryClient, workspace: WorkspaceId): () => void {
  let current = followers.get(workspace);
  if (!current) followers.set(workspace, (current = follow(queryClient, workspace)));
  const follower = current;
  follower.users++;
  return () => {
    if (--follower.users === 0) {
      follower.source.close();
      if (followers.get(workspace) === follower) followers.delete(workspace);
    }
  };
}

/** A workspace's recorded traffic: fetched once, then kept live by the server's event stream, a frame's events at a time. */
export function useTraffic(workspace: WorkspaceId) {
  const queryClient = useQueryClient();
  const query = useQuery(trafficQuery(workspace));
  useEffect(() => subscribe(queryClient, workspace), [queryClient, workspace]);
  return query;
}
