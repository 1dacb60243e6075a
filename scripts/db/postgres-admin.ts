import pg from "pg";

/** The URL of `database` on the server of `serverUrl` (same credentials and host). */
export function databaseOn(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withServer<T>(serverUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Drops and re-creates a database, empty or as a copy of `template`; returns its URL. */
export async function recreateDatabase(serverUrl: string, database: string, template?: string): Promise<string> {
  for (const name of [database, template ?? ""]) if (!/^[a-z0-9_]*$/.test(name)) throw new Error(`bad database name: ${name}`);
  await withServer(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await client.query(template ? `CREATE DATABASE "${database}" TEMPLATE "${template}"` : `CREATE DATABASE "${database}"`);
  });
  return databaseOn(serverUrl, database);
}

/** Drops the databases earlier test runs left behind (names starting with `prefix`). */
export async function dropDatabases(serverUrl: string, prefix: string): Promise<void> {
  await withServer(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${prefix}%`]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}
