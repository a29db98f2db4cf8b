import { z } from "zod";
import type { Fixtures } from "../api/control.ts";
import type { ProviderEndpoints } from "./types.ts";

/** What the diagnoser reads of a client, once the provider's own schema has accepted the fixtures. */
const clientsSchema = z.object({ clients: z.array(z.looseObject({ redirect_uris: z.array(z.string()).optional() })) });

export type RegisteredClient = z.infer<typeof clientsSchema>["clients"][number];

/** A provider's registered clients, parsed with its contract's fixtures schema (never cast); none when they do not parse. */
export function registeredClients(fixtures: Fixtures | undefined, provider: ProviderEndpoints): RegisteredClient[] {
  const raw = fixtures?.[provider.id];
  if (!provider.schemas.fixtures.safeParse(raw).success) return [];
  return clientsSchema.safeParse(raw).data?.clients ?? [];
}

/** A client field as text ("" when absent), e.g. its id under the provider's own name. */
export const clientField = (client: RegisteredClient, name: string): string => {
  const value = Object.hasOwn(client, name) ? client[name] : undefined;
  return typeof value === "string" ? value : "";
};
