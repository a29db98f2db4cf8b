/** PPMessage mock's demo data: invented, shaped like a real PPMessage install (api_key = uuid, api_secret = base64 of a sha1 hex). */
export const ACCESS_TOKEN_VALIDITY = 86_400; // the document: 3600*24 seconds
/** Assumed (not in the source document): how long an authorization code stays redeemable. */
export const CODE_VALIDITY = 600;

export type PpmessageClientKind = "kefu" | "console";

export interface PpmessageClient {
  kind: PpmessageClientKind;
  /** The document's `api_key`, sent as client_id. */
  client_id: string;
  /** The document's `api_secret`, sent as client_secret. */
  client_secret: string;
  /** The document's `api_uuid`, sent as app_uuid in API bodies. */
  api_uuid: string;
  redirect_uris: string[];
}

export interface PpmessageUser {
  email: string;
  password: string;
  user_uuid: string;
  user_fullname: string;
  is_service_user: boolean;
}

export function ppmessageClients(callbackUrls: string[]): PpmessageClient[] {
  const redirect_uris = ["http://you-site.com", ...callbackUrls];
  return [
    {
      kind: "kefu",
      client_id: "3d6e2a9c-5b1f-11e6-9c4e-acbc32d7e3f1",
      client_secret: "ZjNhOGMwZDE5YjdlNGE2MmM1ZDhlOTAxYjM3ZjRhMmU2YzBkOTFiNw==",
      api_uuid: "3d6f41b8-5b1f-11e6-9c4e-acbc32d7e3f1",
      redirect_uris,
    },
    {
      kind: "console",
      client_id: "41c0f7e2-5b1f-11e6-9c4e-acbc32d7e3f1",
      client_secret: "YTdjMmU5ZjQwYjVkMzE4ZTZmMWEyYzdiOTBkNGU4ZjNhMTVjNmIyZA==",
      api_uuid: "41c1d3a6-5b1f-11e6-9c4e-acbc32d7e3f1",
      redirect_uris,
    },
  ];
}

export const PPMESSAGE_USERS: PpmessageUser[] = [
  { email: "kefu@ppmessage-demo.com", password: "ppmessage123", user_uuid: "5e2b7c94-5b1f-11e6-9c4e-acbc32d7e3f1", user_fullname: "Demo Kefu", is_service_user: true },
  { email: "li.lei@ppmessage-demo.com", password: "lilei2016", user_uuid: "6a4d0e18-5b1f-11e6-9c4e-acbc32d7e3f1", user_fullname: "Li Lei", is_service_user: true },
];
