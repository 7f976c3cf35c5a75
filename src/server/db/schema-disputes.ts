// Kysely table types for the dispute register and export jobs (mirror migration 0007).
import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type LocalDate = string;
type Json = ColumnType<unknown, string, string>;

export interface DisputesTable {
  id: Generated<number>;
  dispute_no: string;
  org_id: number;
  org_path: string;
  period: string;
  found_on: LocalDate;
  area_code: string;
  location: string | null;
  parties_count: number;
  summary: string;
  type: string;
  risk_level: string;
  responsible_org_id: number;
  responsible_org_path: string;
  responsible_person: string;
  status: Generated<string>;
  resolution_note: string | null;
  resolved_on: LocalDate | null;
  resolved_by: number | null;
  case_id: number | null;
  version: Generated<number>;
  created_by: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ExportJobsTable {
  id: Generated<number>;
  kind: string;
  params: Json;
  status: Generated<string>;
  requested_by: number;
  filename: string | null;
  mime: string | null;
  storage_key: string | null;
  size: number | null;
  error_code: string | null;
  attempts: Generated<number>;
  created_at: Timestamp;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
}

export interface DisputesTables {
  disputes: DisputesTable;
  export_jobs: ExportJobsTable;
}

export type DisputeRow = Selectable<DisputesTable>;
export type ExportJobRow = Selectable<ExportJobsTable>;
