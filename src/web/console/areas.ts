// Console areas: each folder under ./areas/ has an index.ts whose default export is a ConsoleArea.
// The shell finds them with import.meta.glob, adds their routes under /console/<path> and, where
// `menu` is set, a menu entry for the roles named. An area owns its folder, its texts and its pages.
import type { ComponentType, LazyExoticComponent } from 'react';
import type { Role } from '../../shared/enums.ts';

export interface ConsoleArea {
  /** Unique key; also the test id of its menu entry: `menu-<key>`. */
  key: string;
  /** Route path below /console, e.g. 'supervision' or 'documents/:caseId/:type'. */
  path: string;
  /** Menu label in both languages; omit `menu` for pages reached only by links. */
  menu?: { zh: string; en: string; order: number; icon?: ComponentType };
  /** Roles that see the menu entry and may open the page (the API still decides). */
  roles: readonly Role[];
  component: LazyExoticComponent<ComponentType>;
}
