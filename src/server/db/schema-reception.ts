// Kysely table types for the reception area (mirror its migrations: 0004_reception.sql, 0013_reception_changes.sql, 0021, 0023).
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** 领导接待日: who receives, when and where, for which body. */
export interface ReceptionDaysTable {
  id: Generated<number>;
  org_id: number;
  org_path: string;
  leader_user_id: number;
  /** Local date 'YYYY-MM-DD'. */
  day: string;
  /** 'HH:MM', China time. */
  starts_at: string;
  ends_at: string;
  place: string;
  topic: string | null;
  /** fixed (定点接访), field (下访) or appointment (约访), shared/enums RECEPTION_KINDS (migration 0021). */
  kind: Generated<string>;
  created_by: number;
  created_at: Timestamp;
  /** Bumped by each change (edit, cancel). */
  version: Generated<number>;
  updated_at: Timestamp | null;
  /** Set when the day is called off (已取消), with who did it and why; the row stays. */
  cancelled_at: Timestamp | null;
  cancelled_by: number | null;
  cancel_reason: string | null;
}

/** A visit received on a reception day, linked to its case (one row = one 批次; headcount = 人次). */
export interface ReceptionVisitsTable {
  id: Generated<number>;
  reception_day_id: number;
  case_id: number;
  submission_id: number | null;
  leader_user_id: number;
  day: string;
  headcount: number;
  is_collective: Generated<boolean>;
  note: string | null;
  recorded_by: number;
  recorded_at: Timestamp;
}

/** 约访: a case whose petitioners are invited to an appointment day (migration 0023). */
export interface ReceptionInvitationsTable {
  reception_day_id: number;
  case_id: number;
  invited_by: number;
  invited_at: Timestamp;
}

export interface ReceptionTables {
  reception_days: ReceptionDaysTable;
  reception_visits: ReceptionVisitsTable;
  reception_invitations: ReceptionInvitationsTable;
}
