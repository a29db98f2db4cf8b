/** Pigai (批改网) mock's demo data: invented, APIKEY-like. */
export const ACCESS_TOKEN_VALIDITY = 7_200; // the document: 默认为2个小时
/** Pigai's one documented error code. */
export const PIGAI_ERROR_CODE = 21329;

export interface PigaiClient {
  /** The document's APIKEY / App key. */
  client_id: string;
  /** The document's App secret. */
  client_secret: string;
  name: string;
  /** JSONP and client_credentials never redirect: nothing registered. */
  redirect_uris: string[];
}

export const PIGAI_CLIENTS: PigaiClient[] = [
  { client_id: "pg5f3c9a1e7b2d4c68", client_secret: "e2b7c1d94f6a0385b1c7d2e9f4a6b803", name: "作文批改演示应用", redirect_uris: [] },
];
