import type { MockEntry } from "./kit/provider.ts";
import { easemobMock } from "../src/providers/easemob/mock/entry.ts";
import { openplatformMock } from "../src/providers/openplatform/mock/entry.ts";
import { pigaiMock } from "../src/providers/pigai/mock/entry.ts";
import { ppmessageMock } from "../src/providers/ppmessage/mock/entry.ts";
import { springMock } from "../src/providers/spring/mock/entry.ts";

/** Every mock provider, each mounted at its meta's mock base. A new provider is one line here. */
export const mockEntries: MockEntry[] = [springMock, ppmessageMock, pigaiMock, easemobMock, openplatformMock];
