// Kysely table types for the portal area (mirror its migrations).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PortalTables {}
