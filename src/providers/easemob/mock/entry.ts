import type { MockEntry } from "../../../../server/kit/provider.ts";
import { easemobMeta } from "../meta.ts";
import { createEasemobMock } from "./routes.ts";

/** The server half of the provider: its mock, mounted at the path derived from its meta. */
export const easemobMock: MockEntry = { meta: easemobMeta, create: createEasemobMock };
