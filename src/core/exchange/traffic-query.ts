import { queryOptions } from "@tanstack/react-query";
import { controlKeys, fetchTraffic } from "../api/control.ts";
import type { WorkspaceId } from "../workspace/paths.ts";
import type { Exchange } from "./exchange.ts";
import { parseTraffic } from "./exchange-schema.ts";
import { shareById } from "./traffic-list.ts";

/** A workspace's recorded exchanges, parsed; kept live by the stream (use-traffic.ts), never refetched on a timer. */
export const trafficQuery = (ws: WorkspaceId) =>
  queryOptions({ queryKey: controlKeys.traffic(ws), queryFn: async (): Promise<Exchange[]> => parseTraffic(await fetchTraffic(ws)), staleTime: Infinity, structuralSharing: shareById });
