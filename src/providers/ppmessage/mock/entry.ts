import type { MockEntry } from "../../../../server/kit/provider.ts";
import { ppmessageContract } from "../contract.ts";
import { ppmessageProbes } from "./probes.ts";
import { createPpmessageMock } from "./routes.ts";

/** The server half of the provider: its mock (mounted at the path derived from its contract's id) and what the cross-provider suites probe. */
export const ppmessageMock: MockEntry = { contract: ppmessageContract, create: createPpmessageMock, probes: ppmessageProbes };
