import type { MockEntry } from "../../../../server/kit/provider.ts";
import { springContract } from "../contract.ts";
import { createSpringMock } from "./routes.ts";

/** The server half of the provider: its mock, mounted at the path derived from its contract's id. */
export const springMock: MockEntry = { contract: springContract, create: createSpringMock };
