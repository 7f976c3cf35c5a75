// Kysely table types for the portal area (mirror migration 0003_portal.sql).
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface PortalSessionsTable {
  token_hash: string;
  case_id: number;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface CitizenSuggestionsTable {
  id: Generated<number>;
  ref_code: string;
  topic: string;
  title: string;
  content: string;
  name: string;
  mobile: string;
  status: Generated<string>;
  reply: string | null;
  decided_by: number | null;
  decided_at: Timestamp | null;
  created_at: Timestamp;
}

export interface PortalTables {
  portal_sessions: PortalSessionsTable;
  citizen_suggestions: CitizenSuggestionsTable;
}
