import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

// A real OpenID Connect provider (the `oidc-provider` package, with its built-in development
// login and consent pages) on the loopback, for the company sign-in spec.

export type TestEmployee = { login: string; email: string; name: string; department: string };

export async function startIdentityProvider(options: { redirectUri: string; clientId: string; clientSecret: string; employees: TestEmployee[] }) {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], department: ["department"] },
    async findAccount(_ctx, id) {
      const employee = options.employees.find((e) => e.login === id);
      if (!employee) return undefined;
      return {
        accountId: id,
        claims: async () => ({ sub: id, email: employee.email, email_verified: true, name: employee.name, department: employee.department }),
      };
    },
    features: { devInteractions: { enabled: true } },
    // Codes live 10 minutes by default; the spec replays one that was already exchanged.
    ttl: { AuthorizationCode: 60 },
  });
  server.on("request", provider.callback());
  return { issuer, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
