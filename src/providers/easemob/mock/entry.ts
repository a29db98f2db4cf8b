import type { MockEntry } from "../../../../server/kit/provider.ts";
import { easemobContract } from "../contract.ts";
import { easemobProbes } from "./probes.ts";
import { createEasemobMock } from "./routes.ts";

/** The server half of the provider: its mock (mounted at the path derived from its contract's id) and what the cross-provider suites probe. */
export const easemobMock: MockEntry = { contract: easemobContract, create: createEasemobMock, probes: easemobProbes };
