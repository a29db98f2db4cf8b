import type { Exchange } from "../exchange/exchange.ts";
import { toHar } from "../exchange/har.ts";
import { redactExchange, type SecretFieldNames, type Secrets } from "../exchange/redact.ts";

/** The HAR file's text, redacted unless told not to. */
export function exportHar(exchanges: Exchange[], redaction: { secrets: Secrets; fields: SecretFieldNames } | undefined): string {
  const shown = redaction ? exchanges.map((e) => redactExchange(e, redaction.secrets, redaction.fields)) : exchanges;
  return JSON.stringify(toHar(shown), null, 2);
}
