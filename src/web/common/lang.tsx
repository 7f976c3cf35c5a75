// One language switch for both web apps: Chinese first, English on request. The choice is kept in
// localStorage (under the app's own key) and also sets the language of the API's error messages.
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { setApiLanguage } from './api.ts';

export type Lang = 'zh' | 'en';

export function createLanguage(storageKey: string) {
  const LangContext = createContext<{ lang: Lang; setLang: (l: Lang) => void }>({ lang: 'zh', setLang: () => {} });

  function initialLang(): Lang {
    try {
      return localStorage.getItem(storageKey) === 'en' ? 'en' : 'zh';
    } catch {
      return 'zh';
    }
  }

  function LangProvider({ children }: { children: ReactNode }) {
    const [lang, setLangState] = useState<Lang>(() => {
      const l = initialLang();
      setApiLanguage(l);
      return l;
    });
    const value = useMemo(() => ({
      lang,
      setLang: (l: Lang) => {
        try { localStorage.setItem(storageKey, l); } catch { /* private mode: keep it for this page only */ }
        setApiLanguage(l);
        document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
        setLangState(l);
      },
    }), [lang]);
    return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
  }

  function useLang() {
    return useContext(LangContext);
  }

  return { LangProvider, useLang };
}
