import type { MockEntry } from "../../../../server/kit/provider.ts";
import { pigaiContract } from "../contract.ts";
import { pigaiProbes } from "./probes.ts";
import { createPigaiMock } from "./routes.ts";

/** The server half of the provider: its mock (mounted at the path derived from its contract's id) and what the cross-provider suites probe. */
export const pigaiMock: MockEntry = { contract: pigaiContract, create: createPigaiMock, probes: pigaiProbes };
