// Kysely table types for the portal area (mirror migrations 0003_portal.sql, 0010_portal_tokens.sql, 0016 and 0018).
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** Look-up tokens ended before they expired (migration 0010). */
export interface PortalRevocationsTable {
  token_hash: string;
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
  /** The area the suggestion concerns and the petition bureau it went to (migration 0018; null only for a
   * suggestion sent before, in a deployment that had no petition bureau). */
  area_code: string | null;
  org_id: number | null;
  org_path: string | null;
}

export interface PortalTables {
  portal_revocations: PortalRevocationsTable;
  citizen_suggestions: CitizenSuggestionsTable;
}
