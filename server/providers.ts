import type { MockProviderFactory } from "./kit/provider.ts";
import { createSpringMock } from "../src/providers/spring/routes.ts";

/** Every mock provider, mounted at /mock/<id>. A new provider is one line here. */
export const mockProviderFactories: Array<{ id: string; factory: MockProviderFactory }> = [
  { id: "spring", factory: createSpringMock },
];
