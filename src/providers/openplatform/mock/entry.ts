import type { MockEntry } from "../../../../server/kit/provider.ts";
import { openplatformMeta } from "../meta.ts";
import { createOpenplatformMock } from "./routes.ts";

/** The server half of the provider: its mock, mounted at the path derived from its meta. */
export const openplatformMock: MockEntry = { meta: openplatformMeta, create: createOpenplatformMock };
