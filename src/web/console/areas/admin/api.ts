// The administration area's calls and the shapes the API sends (types from the server's schemas).
import { api } from '../../../common/api.ts';
import type { Category, Org } from '../../../common/types.ts';
import type { TimeLimitProfileView, UserView } from '../../../../server/routes/reference.ts';

export type { Category, Org };
export type User = UserView;
export type Profile = TimeLimitProfileView;
export interface CalendarDay { day: string; kind: 'holiday' | 'workday'; name?: string }

export const adminApi = {
  orgs: () => api<Org[]>('GET', '/orgs'),
  createOrg: (b: { parentId: number | null; name: string; level: string; kind: string; areaCode: string; categoryIds?: number[] }) => api<{ id: number }>('POST', '/orgs', b),
  moveOrg: (id: number, parentId: number) => api<{ moved: boolean; path: string; rows: Record<string, number> }>('POST', `/orgs/${id}/move`, { parentId }),
  updateOrg: (id: number, b: Partial<{ name: string; level: string; kind: string; areaCode: string; isActive: boolean; categoryIds: number[] }>) => api('PATCH', `/orgs/${id}`, b),
  users: () => api<User[]>('GET', '/users'),
  createUser: (b: { orgId: number; username: string; displayName: string; role: string; password: string }) => api<{ id: number }>('POST', '/users', b),
  updateUser: (id: number, b: Partial<{ displayName: string; role: string; orgId: number; isActive: boolean }>) => api('PATCH', `/users/${id}`, b),
  resetPassword: (id: number) => api<{ temporaryPassword: string }>('POST', `/users/${id}/reset-password`),
  categories: () => api<Category[]>('GET', '/categories'),
  createCategory: (b: { parentId: number | null; code: string; nameZh: string; nameEn: string; sort?: number }) => api<{ id: number }>('POST', '/categories', b),
  updateCategory: (id: number, b: Partial<{ nameZh: string; nameEn: string; sort: number; isActive: boolean }>) => api('PATCH', `/categories/${id}`, b),
  calendar: (year: number) => api<CalendarDay[]>('GET', `/calendar/${year}`),
  setCalendar: (year: number, days: CalendarDay[]) => api('PUT', `/calendar/${year}`, days),
  limits: () => api<Profile>('GET', '/settings/time-limits'),
  setLimits: (p: Partial<Profile>) => api<Profile>('PUT', '/settings/time-limits', p),
};

/** The API error's message (already in the user's language) for a toast. */
export const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));
