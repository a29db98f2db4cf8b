import { mockEntries } from "./providers.ts";
import { describeContracts } from "./suites/contracts.ts";

describeContracts(mockEntries);
