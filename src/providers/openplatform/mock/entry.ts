import type { MockEntry } from "../../../../server/kit/provider.ts";
import { openplatformContract } from "../contract.ts";
import { openplatformProbes } from "./probes.ts";
import { createOpenplatformMock } from "./routes.ts";

/** The server half of the provider: its mock (mounted at the path derived from its contract's id) and what the cross-provider suites probe. */
export const openplatformMock: MockEntry = { contract: openplatformContract, create: createOpenplatformMock, probes: openplatformProbes };
