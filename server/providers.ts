import type { MockProviderFactory } from "./kit/provider.ts";
import { createSpringMock } from "../src/providers/spring/routes.ts";
import { createPpmessageMock } from "../src/providers/ppmessage/routes.ts";
import { createPigaiMock } from "../src/providers/pigai/routes.ts";
import { createEasemobMock } from "../src/providers/easemob/routes.ts";
import { createOpenplatformMock } from "../src/providers/openplatform/routes.ts";

/** Every mock provider, mounted at /mock/<id>. A new provider is one line here. */
export const mockProviderFactories: Array<{ id: string; factory: MockProviderFactory }> = [
  { id: "spring", factory: createSpringMock },
  { id: "ppmessage", factory: createPpmessageMock },
  { id: "pigai", factory: createPigaiMock },
  { id: "easemob", factory: createEasemobMock },
  { id: "openplatform", factory: createOpenplatformMock },
];
