/**
 * The little of oidc-provider's API the test server uses (the package ships no types;
 * @types/oidc-provider would be a dependency for a test harness's dozen lines).
 */
declare module "oidc-provider" {
  import type { IncomingMessage, ServerResponse } from "node:http";

  interface ClientInstance {
    grantTypeAllowed(grant: string): boolean;
    redirectUriAllowed(value: string): boolean;
  }

  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    readonly Client: { prototype: ClientInstance };
    on(event: "server_error", listener: (ctx: unknown, err: Error) => void): this;
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  }
}
