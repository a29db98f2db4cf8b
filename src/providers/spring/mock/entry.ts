import type { MockEntry } from "../../../../server/kit/provider.ts";
import { springContract } from "../contract.ts";
import { springProbes } from "./probes.ts";
import { createSpringMock } from "./routes.ts";

/** The server half of the provider: its mock (mounted at the path derived from its contract's id) and what the cross-provider suites probe. */
export const springMock: MockEntry = { contract: springContract, create: createSpringMock, probes: springProbes };
