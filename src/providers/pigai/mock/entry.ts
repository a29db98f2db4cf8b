import type { MockEntry } from "../../../../server/kit/provider.ts";
import { pigaiContract } from "../contract.ts";
import { createPigaiMock } from "./routes.ts";

/** The server half of the provider: its mock, mounted at the path derived from its contract's id. */
export const pigaiMock: MockEntry = { contract: pigaiContract, create: createPigaiMock };
