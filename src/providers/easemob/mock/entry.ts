import type { MockEntry } from "../../../../server/kit/provider.ts";
import { easemobContract } from "../contract.ts";
import { createEasemobMock } from "./routes.ts";

/** The server half of the provider: its mock, mounted at the path derived from its contract's id. */
export const easemobMock: MockEntry = { contract: easemobContract, create: createEasemobMock };
