// The one place that decides which database the app, the CLI and the scripts use.
export const DEFAULT_DATABASE_URL = "file:./data/app.db";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

/** PostgreSQL when DATABASE_URL says so (postgres:// or postgresql://); SQLite otherwise. */
export function isPostgresUrl(url: string = databaseUrl()): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/** Filesystem path of a SQLite URL ("file:./data/app.db" -> "./data/app.db"). */
export function sqlitePath(url: string = databaseUrl()): string {
  return url.replace(/^file:/, "");
}
