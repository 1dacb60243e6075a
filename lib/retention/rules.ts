// How long delivered messages and past notices are kept (decision 044); shown on the admin pages.
export const RETENTION_DAYS = 180;
