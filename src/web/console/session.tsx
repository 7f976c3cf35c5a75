// The signed-in user (cookie session): asked with GET /auth/session when the console opens (null before
// sign-in, not a 401), read with GET /auth/me after sign-in and after the user changes their password
// (which clears `mustChangePassword`), cleared by sign-out.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, setUnauthorizedHandler } from '../common/api.ts';
import type { Me } from '../common/types.ts';

interface SessionValue {
  me: Me | null;
  loading: boolean;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** Changes the signed-in user's own password (POST /auth/password); the session stays open. */
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
  /** Reads the signed-in user again (GET /auth/me). */
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionValue>({
  me: null, loading: true, signIn: async () => {}, signOut: async () => {}, changePassword: async () => {}, refresh: async () => {},
});

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    setUnauthorizedHandler(() => setMe(null));
    api<{ user: Me | null }>('GET', '/auth/session')
      .then((s) => setMe(s.user))
      .catch((e: unknown) => { if (!(e instanceof ApiError)) throw e; setMe(null); })
      .finally(() => setLoading(false));
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    await api('POST', '/auth/login', { username, password });
    setMe(await api<Me>('GET', '/auth/me'));
  }, []);

  const signOut = useCallback(async () => {
    try { await api('POST', '/auth/logout'); } finally { setMe(null); }
  }, []);

  const changePassword = useCallback(async (currentPassword: string, newPassword: string) => {
    await api('POST', '/auth/password', { currentPassword, newPassword });
  }, []);

  const refresh = useCallback(async () => {
    setMe(await api<Me>('GET', '/auth/me'));
  }, []);

  const value = useMemo(() => ({ me, loading, signIn, signOut, changePassword, refresh }), [me, loading, signIn, signOut, changePassword, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession() {
  return useContext(SessionContext);
}

/** The signed-in user; only for pages inside the shell, which renders them only when signed in. */
export function useMe(): Me {
  const { me } = useContext(SessionContext);
  if (!me) throw new Error('useMe outside a session');
  return me;
}
