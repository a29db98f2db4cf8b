/** Open platform mock's demo data: the document gives no credentials, so these are invented. */
export interface OpenplatformApp {
  app_id: string;
  secret: string;
  name: string;
  /** The login-free (免登) flow never redirects. */
  redirect_uris: string[];
}

export interface OpenplatformUser {
  username: string;
  password: string;
  /** Per app and user, long base64 like the document's example. */
  open_id: string;
}

export const OPENPLATFORM_APPS: OpenplatformApp[] = [
  { app_id: "op1f45b3c51894531e", secret: "8ab9ff00bec358bba1e1a11ae59c9e45", name: "Demo H5 App", redirect_uris: [] },
];

export const OPENPLATFORM_USERS: OpenplatformUser[] = [
  {
    username: "zhangsan",
    password: "zhangsan123",
    open_id:
      "a2J4T1BzbXBMcEUvbGRqaU9hSS9ISGcwNEdQSlQ3aU9zKzdPbUF0T0I2N2dReURaRkFuY3JNL0Z0ZWJaUXdDbDc0UDFMMUg3bnZhbVJCNVpDU1BXaUE9PTN4UG9DRHhUOGVtbXNyL2FHbUZLTDFiUnNyZXhVUElNU0NmME5Dc3lnY0tpZzJIOEh5ZjIrVFQ0VUJsOA",
  },
  {
    username: "lisi",
    password: "lisi123",
    open_id:
      "SDg3UmhxSHJHSWJJZ2Z0YVFBODBRNlFIYUV1RzFSREpicmpmdVQyaWhWOC80SUh6Q29HWDhvZGhqcGhRMm9ac2F1eExQTlRERWliTXZVeUd6emVhMUE9PVFHbnZUVVVpeU8yMkE4ejgyQktTeWhkOGI0Myt4UENjaFphODRNSzdoRHViTUkrRFcvM2sxdUUzTkZjbA",
  },
];

/** Lifetimes: 7200 s and the 10-minute grace are the document's; the code lifetime is assumed. */
export const OPENPLATFORM_SETTINGS = {
  /** Assumed (not in the document): how long a login-free code stays redeemable. */
  code_validity: 300,
  access_token_validity: 7200,
  /** Assumed: the undocumented server access_token lives as long as the others. */
  server_token_validity: 7200,
  ticket_validity: 7200,
  /** "之前的js_ticket将会将有效时间设置为10分钟". */
  ticket_rotation_grace: 600,
} as const;
