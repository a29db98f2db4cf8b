import { z } from "zod";

// The SPA's Content-Security-Policy allows no eval: zod would otherwise try `new Function`
// for its faster object parsers (and trip a CSP report) when each schema is built. This
// module is imported first, before any schema exists.
z.config({ jitless: true });
