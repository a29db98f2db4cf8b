import type { MockEntry } from "../../../../server/kit/provider.ts";
import { ppmessageMeta } from "../meta.ts";
import { createPpmessageMock } from "./routes.ts";

/** The server half of the provider: its mock, mounted at the path derived from its meta. */
export const ppmessageMock: MockEntry = { meta: ppmessageMeta, create: createPpmessageMock };
