export const OIDC_CLIENT: { client_id: string; client_secret: string };
