// Who may read citizen suggestions (人民建议征集) and record whether one is adopted: supervisors and
// administrators, as the staff endpoints have allowed since suggestions were first taken. A suggestion
// belongs to no body, so there is no scope to check. (Free of server-only imports: the console's menu
// entry reads the roles from here.)
import type { Role } from '../../shared/enums.ts';

export const SUGGESTION_ROLES: readonly Role[] = ['supervisor', 'admin'];
