// Kysely table types; they mirror the SQL migrations in ./migrations.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { StatsTables } from './schema-stats.ts';
import type { PortalTables } from './schema-portal.ts';
import type { ReceptionTables } from './schema-reception.ts';
import type { DisputesTables } from './schema-disputes.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A local date 'YYYY-MM-DD' (date columns are parsed as strings on both engines). */
type LocalDate = string;
type Json = ColumnType<unknown, string, string>;

export interface OrganisationsTable {
  id: Generated<number>;
  parent_id: number | null;
  name: string;
  level: string;
  kind: string;
  area_code: string;
  path: Generated<string>;
  is_active: Generated<boolean>;
  created_at: GeneratedTimestamp;
}

export interface CategoriesTable {
  id: Generated<number>;
  parent_id: number | null;
  code: string;
  name_zh: string;
  name_en: string;
  sort: Generated<number>;
  is_active: Generated<boolean>;
}

export interface OrgCategoriesTable { org_id: number; category_id: number }

export interface UsersTable {
  id: Generated<number>;
  org_id: number;
  username: string;
  display_name: string;
  role: string;
  password_hash: string;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  is_active: Generated<boolean>;
  /** Set when an administrator chose the password (reset, new user); cleared when the user changes it (migration 0014). */
  must_change_password: Generated<boolean>;
  created_at: GeneratedTimestamp;
}

export interface SessionsTable { token_hash: string; user_id: number; created_at: Timestamp; expires_at: Timestamp }

export interface PetitionersTable {
  id: Generated<number>;
  name: string;
  id_number: string | null;
  mobile: string | null;
  address: string | null;
  area_code: string | null;
  created_at: GeneratedTimestamp;
}

export interface CasesTable {
  id: Generated<number>;
  case_no: string;
  query_code: string;
  title: string;
  content: string;
  kind: string;
  category_id: number;
  channel: string;
  area_code: string;
  matter_address: string | null;
  petitioner_id: number | null;
  registered_org_id: number;
  current_org_id: number;
  current_org_path: string;
  registered_org_path: string;
  handling_org_id: number | null;
  handling_org_path: string | null;
  review_org_id: number | null;
  accused_org_id: number | null;
  accused_org_path: string | null;
  accused_name: string | null;
  state: string;
  version: Generated<number>;
  is_collective: Generated<boolean>;
  headcount: Generated<number>;
  is_repeat: Generated<boolean>;
  repeat_of_case_id: number | null;
  /** Marked at registration as a possible repeat of a matter final after re-review (repeat_of_case_id). */
  repeat_of_final: Generated<boolean>;
  /** [T22] Art 25: last reported as major or urgent, and the path of the government it was reported to (migration 0019). */
  urgent_reported_at: Timestamp | null;
  urgent_org_path: string | null;
  /** [T22] Art 24 (migration 0022): the co-handling bodies (协办单位) and their paths; the lead is the current body. */
  co_org_ids: Generated<number[]>;
  co_org_paths: Generated<string[]>;
  /** The bodies that objected to receiving the matter (Art 23), the dispute a designation decides. */
  objected_org_paths: Generated<string[]>;
  /** The common superior that designated the accepting body (Art 24); that body may not object. */
  designated_by_org_id: number | null;
  level_reached: string | null;
  is_skip_level: Generated<boolean>;
  received_at: Timestamp;
  received_on: LocalDate;
  registered_by: number | null;
  route_kind: string | null;
  route_due: LocalDate | null;
  accept_due: LocalDate | null;
  objection_due: LocalDate | null;
  answer_due: LocalDate | null;
  review_request_due: LocalDate | null;
  evaluation_due: LocalDate | null;
  review_due: LocalDate | null;
  re_review_request_due: LocalDate | null;
  re_review_due: LocalDate | null;
  next_due: LocalDate | null;
  extension_status: Generated<string>;
  extension_days: number | null;
  extension_reason: string | null;
  hearing_started_on: LocalDate | null;
  accepted_on: LocalDate | null;
  answered_on: LocalDate | null;
  delivered_on: LocalDate | null;
  concluded_on: LocalDate | null;
  outcome: string | null;
  answer_text: string | null;
  decline_reason: string | null;
  proper_channel: string | null;
  divert_procedure: string | null;
  review_outcome: string | null;
  re_review_outcome: string | null;
  is_evaluated_at_stage: Generated<boolean>;
  evaluation_status: Generated<string>;
  is_owned: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SubmissionsTable {
  id: Generated<number>;
  case_id: number;
  channel: string;
  received_at: Timestamp;
  received_by: number | null;
  received_org_id: number | null;
  headcount: Generated<number>;
  is_collective: Generated<boolean>;
  is_repeat: Generated<boolean>;
  level_reached: string | null;
  agent_name: string | null;
  note: string | null;
}

export interface SubmissionPeopleTable { submission_id: number; petitioner_id: number; role: string }

export interface CaseEventsTable {
  id: Generated<number>;
  case_id: number;
  type: string;
  from_state: string | null;
  to_state: string | null;
  actor_user_id: number | null;
  actor_org_id: number | null;
  actor_kind: Generated<string>;
  at: Timestamp;
  data: Json;
  is_public: Generated<boolean>;
}

export interface AttachmentsTable {
  id: Generated<number>;
  case_id: number | null;
  event_id: number | null;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  storage_key: string;
  is_public: Generated<boolean>;
  uploaded_by: number | null;
  created_at: Timestamp;
}

export interface EvaluationsTable {
  id: Generated<number>;
  case_id: number;
  stage: string;
  bureau_rating: string;
  body_rating: string;
  body_org_id: number | null;
  bureau_org_id: number | null;
  comment: string | null;
  at: Timestamp;
  /** The revocations (撤销重办) before the rating: one rating per stage per round (migration 0027). */
  round: Generated<number>;
}

export interface SupervisionNoticesTable {
  id: Generated<number>;
  case_id: number;
  issued_by: number;
  issuer_org_id: number;
  target_org_id: number;
  text: string;
  issued_at: Timestamp;
  due_on: LocalDate;
  status: Generated<string>;
  answered_at: Timestamp | null;
  answer_text: string | null;
}

export interface SupervisionChasesTable { id: Generated<number>; notice_id: number; by_user_id: number; at: Timestamp; note: string }

export interface CaseOwnershipsTable {
  id: Generated<number>;
  case_id: number;
  leader_user_id: number;
  plan: string;
  closing_standard: string;
  due_on: LocalDate;
  created_at: Timestamp;
  concluded_at: Timestamp | null;
}

export interface CalendarDaysTable { day: LocalDate; kind: string; name: Generated<string> }
export interface SettingsTable { key: string; value: Json; updated_at: GeneratedTimestamp }

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_user_id: number | null;
  actor_kind: string;
  action: string;
  case_id: number | null;
  petitioner_id: number | null;
  ip: string | null;
  detail: Json;
}

export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  request_hash: string;
  status_code: number;
  response: Json;
  created_at: Timestamp;
}

export interface RemindersTable { case_id: number; clock: string; due: LocalDate; kind: string; org_id: number; created_at: Timestamp }

/** A notice to one staff member about another's act that concerns them (migration 0024). */
export interface StaffNotificationsTable {
  id: Generated<number>;
  user_id: number;
  /** shared/enums NOTIFICATION_KINDS */
  kind: string;
  data: Json;
  reception_day_id: number | null;
  /** The matter a notice about a step of a case tells of (migration 0026). */
  case_id: number | null;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

export interface CoreTables {
  staff_notifications: StaffNotificationsTable;
  organisations: OrganisationsTable;
  categories: CategoriesTable;
  org_categories: OrgCategoriesTable;
  users: UsersTable;
  sessions: SessionsTable;
  petitioners: PetitionersTable;
  cases: CasesTable;
  submissions: SubmissionsTable;
  submission_people: SubmissionPeopleTable;
  case_events: CaseEventsTable;
  attachments: AttachmentsTable;
  evaluations: EvaluationsTable;
  supervision_notices: SupervisionNoticesTable;
  supervision_chases: SupervisionChasesTable;
  case_ownerships: CaseOwnershipsTable;
  calendar_days: CalendarDaysTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
  idempotency_keys: IdempotencyKeysTable;
  reminders: RemindersTable;
}

// Each area keeps its tables in its own file; the database is all of them.
export interface DB extends CoreTables, StatsTables, PortalTables, ReceptionTables, DisputesTables {}

export type CaseRow = Selectable<CasesTable>;
export type NewCase = Insertable<CasesTable>;
export type CaseUpdate = Updateable<CasesTable>;
export type UserRow = Selectable<UsersTable>;
export type OrgRow = Selectable<OrganisationsTable>;
export type PetitionerRow = Selectable<PetitionersTable>;
