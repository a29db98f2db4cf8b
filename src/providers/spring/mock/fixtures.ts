/** Spring mock's demo data: seed 001's own credentials, exactly. */
export const ACCESS_TOKEN_VALIDITY = 43_200; // Spring's default 12 h; a fresh token shows 43199
export const REFRESH_TOKEN_VALIDITY = 30 * 86_400; // Spring's default 30 days
/** Assumed (not in the document): how long an authorization code stays redeemable. */
export const CODE_VALIDITY = 300;

export interface SpringClient {
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
  scope: string[];
  authorized_grant_types: string[];
  autoapprove: boolean;
}

export interface SpringUser {
  username: string;
  password: string;
}

export function springClients(callbackUrls: string[]): SpringClient[] {
  const redirect_uris = ["http://localhost", ...callbackUrls];
  return [
    {
      client_id: "messaging-client",
      client_secret: "secret",
      redirect_uris,
      scope: ["read", "write"],
      authorized_grant_types: ["authorization_code", "refresh_token"],
      autoapprove: false,
    },
    {
      client_id: "trusted-client",
      client_secret: "trusted-secret",
      redirect_uris,
      scope: ["read", "write"],
      authorized_grant_types: ["authorization_code", "refresh_token"],
      autoapprove: true,
    },
  ];
}

export const SPRING_USERS: SpringUser[] = [{ username: "user", password: "password" }];
