// What GET /api/v1/reminders sends (type-only, from the service behind the route's response schema).
import type { ReminderView } from '../../../../server/services/list-reminders.ts';

export const REMINDER_KINDS = ['near', 'overdue'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export type Reminder = ReminderView;
export interface ReminderPage { items: Reminder[]; nextCursor: string | null }
