import { env } from "@/lib/env";

/**
 * The public origin printed on certificates (verification link on the result page, URL and QR code
 * in the PDF): the configured BETTER_AUTH_URL, else this machine's npm start. Never a request
 * header: whoever fetches a PDF must not choose the address its QR code sends people to
 * (decision 014).
 */
export function publicOrigin(): string {
  return env.BETTER_AUTH_URL ? new URL(env.BETTER_AUTH_URL).origin : `http://localhost:${env.PORT}`;
}
