// Kysely table types for the stats area (mirror its migrations).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface StatsTables {}
