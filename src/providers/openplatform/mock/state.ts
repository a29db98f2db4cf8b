import { ExpiringStore } from "../../../../server/kit/expiring-store.ts";
import type { ProviderEnv } from "../../../../server/kit/provider.ts";
import type { CodeRecord } from "../../../../server/kit/single-use-codes.ts";
import { OPENPLATFORM_APPS, OPENPLATFORM_USERS } from "./fixtures.ts";

/** What a login-free (免登) code grants: its code redeems it once. */
export interface LoginFreeCode {
  appId: string;
  username: string;
}

export interface UserToken {
  appId: string;
  openId: string;
}

export interface AppScoped {
  appId: string;
}

export function createOpenplatformState(env: ProviderEnv) {
  return {
    apps: new Map(OPENPLATFORM_APPS.map((a) => [a.app_id, { ...a }])),
    users: new Map(OPENPLATFORM_USERS.map((u) => [u.username, { ...u }])),
    codes: new ExpiringStore<CodeRecord<LoginFreeCode>>(env.clock, 10_000),
    userTokens: new ExpiringStore<UserToken>(env.clock, 20_000),
    refreshTokens: new ExpiringStore<UserToken>(env.clock, 20_000),
    serverTokens: new ExpiringStore<AppScoped>(env.clock, 10_000),
    tickets: new ExpiringStore<AppScoped>(env.clock, 10_000),
    /** The newest js_ticket of each app: fetching another cuts this one to the grace period. */
    currentTicket: new Map<string, string>(),
  };
}

export type OpenplatformState = ReturnType<typeof createOpenplatformState>;
