import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { controlBase, type WorkspaceId } from "../workspace/paths.ts";
import { controlKeys } from "./control.ts";

/** A workspace's live targets (<ws>/mock/_control/targets): which real server a provider's hops go to instead of the mock. */

const targetsAnswer = z.object({ targets: z.record(z.string(), z.object({ base: z.string() })) });
const targetAnswer = z.object({ provider: z.string(), base: z.string().nullable(), relay: z.string() });
const refusal = z.object({ error: z.string(), error_description: z.string() });

export type Targets = Record<string, { base: string }>;

/** The server said no; `message` is its own words (a refused base names LIVE_HOSTS). */
export class TargetRefused extends Error {}

async function parsed<T>(res: Response, schema: z.ZodType<T>, what: string): Promise<T> {
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) throw new TargetRefused(refusal.safeParse(body).data?.error_description ?? `${what} answered ${res.status}`);
  const answer = schema.safeParse(body);
  if (!answer.success) throw new Error(`${what}: unexpected answer (${answer.error.issues[0]?.message ?? "?"})`);
  return answer.data;
}

export const targetKeys = { all: (ws: WorkspaceId) => [...controlKeys.workspace(ws), "targets"] as const };

export const targetsQuery = (ws: WorkspaceId) =>
  queryOptions({
    queryKey: targetKeys.all(ws),
    queryFn: async () => (await parsed(await fetch(`${controlBase(ws)}/targets`), targetsAnswer, "GET /targets")).targets as Targets,
    staleTime: Infinity,
  });

export async function setTarget(ws: WorkspaceId, provider: string, base: string) {
  const url = `${controlBase(ws)}/targets/${encodeURIComponent(provider)}`;
  const res = await fetch(url, { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ base }) });
  return parsed(res, targetAnswer, `PUT ${url}`);
}

export async function clearTarget(ws: WorkspaceId, provider: string) {
  const url = `${controlBase(ws)}/targets/${encodeURIComponent(provider)}`;
  return parsed(await fetch(url, { method: "DELETE" }), targetAnswer, `DELETE ${url}`);
}
