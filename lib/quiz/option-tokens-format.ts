/** The shape of an option token (base64url of 96 bits), checked before any token is looked up. */
export const OPTION_TOKEN = /^[A-Za-z0-9_-]{16}$/;
