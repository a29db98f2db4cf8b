/** Easemob mock's demo data: seed 002's own org, app and credentials, exactly. */
export interface EasemobApp {
  org_name: string;
  app_name: string;
  client_id: string;
  client_secret: string;
  /** The app's UUID, answered as `application` by the token endpoint. */
  application: string;
  /** The app token endpoint does not redirect anywhere. */
  redirect_uris: string[];
}

export interface EasemobUser {
  username: string;
  password: string;
  uuid: string;
  created: number;
}

export const EASEMOB_APPS: EasemobApp[] = [
  {
    org_name: "easemob-demo",
    app_name: "testapp",
    client_id: "YXA6i-Ak8Ol4Eei2l11ZjV-EAg",
    client_secret: "YXA6VunqiNxoB7IwXHInk1cGiXOOJfc",
    application: "8be024f0-e978-11e8-b697-5d598d5f8402",
    redirect_uris: [],
  },
];

/** App users (IM accounts) listed by GET /{org_name}/{app_name}/users. Invented. */
export const EASEMOB_USERS: EasemobUser[] = [
  { username: "user1", password: "123456", uuid: "0ffe2d80-ed76-11e8-8d66-279e3e1c214b", created: 1542795196504 },
  { username: "user2", password: "123456", uuid: "1a6b4e10-ed76-11e8-b2f5-8f1c0ab9c7d2", created: 1542795214289 },
  { username: "user3", password: "123456", uuid: "2c3d9a40-ed76-11e8-a4e1-e7b02f6a1d55", created: 1542795243908 },
];

/**
 * Tunables shown in /mock/_control/fixtures. None of them is in the document:
 * it only says the default validity is set in the console and that requesting
 * tokens "too often" gets the account banned.
 */
export const EASEMOB_SETTINGS = {
  /** Console "用户认证" token validity used when `ttl` is absent: 60 days. */
  default_ttl: 5_184_000,
  /** More than this many token requests per client inside the window → 429 and a ban. */
  rate_limit_max_requests: 5,
  rate_limit_window_seconds: 60,
  /** How long a banned client is refused. */
  ban_seconds: 600,
} as const;

export interface EasemobSettings {
  default_ttl: number;
  /** null: no rate limit at all (only through an explicit override, e.g. the bench). */
  rate_limit_max_requests: number | null;
  rate_limit_window_seconds: number;
  ban_seconds: number;
}

/** EASEMOB_SETTINGS with the overrides given to createMockApp (non-negative whole numbers; null lifts the rate limit). */
export function easemobSettings(overrides: Record<string, unknown> = {}): EasemobSettings {
  const settings: EasemobSettings = { ...EASEMOB_SETTINGS };
  const whole = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
  if (whole(overrides.default_ttl)) settings.default_ttl = overrides.default_ttl;
  if (whole(overrides.rate_limit_max_requests) || overrides.rate_limit_max_requests === null) settings.rate_limit_max_requests = overrides.rate_limit_max_requests;
  if (whole(overrides.rate_limit_window_seconds)) settings.rate_limit_window_seconds = overrides.rate_limit_window_seconds;
  if (whole(overrides.ban_seconds)) settings.ban_seconds = overrides.ban_seconds;
  return settings;
}
