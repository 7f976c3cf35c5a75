// Kysely table types for the reception area (mirror its migrations).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ReceptionTables {}
