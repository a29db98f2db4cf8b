import { describe, expect, it } from "vitest";
import type { MockEntry } from "../kit/provider.ts";
import { mockClient } from "../testing.ts";

/** Both halves of every given provider speak the contract's schemas: no cast on either side. */
export function describeContracts(entries: readonly MockEntry[]): void {
  describe.each(entries.map((entry) => [entry.contract.id, entry] as const))("contract schemas: %s", (id, { contract }) => {
    it("GET /mock/_control/fixtures gives this provider's slice in the contract's fixtures schema", async () => {
      const fixtures = (await (await mockClient({ entries }).get("/mock/_control/fixtures")).json()) as Record<string, unknown>;
      const parsed = contract.schemas.fixtures.safeParse(fixtures[id]);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    });

    it("an unknown endpoint answers in one of the contract's error envelopes", async () => {
      const res = await mockClient({ entries }).get(`${contract.mockBase}/no/such/endpoint`);
      expect(res.status).toBe(404);
      const body: unknown = await res.json();
      expect(contract.schemas.errors.some((schema) => schema.safeParse(body).success), JSON.stringify(body)).toBe(true);
    });
  });
}
