// The one place that decides which database the app, the CLI and the scripts use.
export const DEFAULT_DATABASE_URL = "file:./data/app.db";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

/** Filesystem path of a SQLite URL ("file:./data/app.db" -> "./data/app.db"). */
export function sqlitePath(url: string = databaseUrl()): string {
  return url.replace(/^file:/, "");
}
