// The console areas found under ./areas/ (each folder's index.ts, default export ConsoleArea),
// in menu order, and which roles register submissions.
/// <reference types="vite/client" />
import type { ConsoleArea } from './areas.ts';
import type { Role } from '../../shared/enums.ts';

const modules = import.meta.glob<{ default: ConsoleArea }>('./areas/*/index.ts', { eager: true });

export const AREAS: ConsoleArea[] = Object.values(modules).map((m) => m.default).filter(Boolean)
  .sort((a, b) => (a.menu?.order ?? 999) - (b.menu?.order ?? 999));

/** The first path segment an area answers to (its menu link). */
export const areaLink = (a: ConsoleArea) => `/${a.path.split('/:')[0]}`;

/** The area whose path starts with this segment, if it is installed and open to the role. */
export function findArea(segment: string, role: Role): ConsoleArea | undefined {
  return AREAS.find((a) => a.path.split('/')[0] === segment && a.roles.includes(role));
}

export const REGISTER_ROLES: readonly Role[] = ['clerk', 'supervisor', 'handler'];
