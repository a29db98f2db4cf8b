import type { MockEntry } from "../../../../server/kit/provider.ts";
import { pigaiMeta } from "../meta.ts";
import { createPigaiMock } from "./routes.ts";

/** The server half of the provider: its mock, mounted at the path derived from its meta. */
export const pigaiMock: MockEntry = { meta: pigaiMeta, create: createPigaiMock };
