import type { MockEntry } from "../../../../server/kit/provider.ts";
import { springMeta } from "../meta.ts";
import { createSpringMock } from "./routes.ts";

/** The server half of the provider: its mock, mounted at the path derived from its meta. */
export const springMock: MockEntry = { meta: springMeta, create: createSpringMock };
