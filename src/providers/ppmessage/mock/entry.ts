import type { MockEntry } from "../../../../server/kit/provider.ts";
import { ppmessageContract } from "../contract.ts";
import { createPpmessageMock } from "./routes.ts";

/** The server half of the provider: its mock, mounted at the path derived from its contract's id. */
export const ppmessageMock: MockEntry = { contract: ppmessageContract, create: createPpmessageMock };
