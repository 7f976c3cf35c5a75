// The portal's language: Chinese by default, English on the `portal-lang` switch. Texts sit beside
// their use as pairs, tx('中文', 'English'); the choice is kept in localStorage and also sets the
// language of the API's error messages.
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { setApiLanguage } from '../common/api.ts';

export type Lang = 'zh' | 'en';
const STORAGE_KEY = 'xf.portal.lang';
const LangContext = createContext<{ lang: Lang; setLang: (l: Lang) => void }>({ lang: 'zh', setLang: () => {} });

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function PortalLangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const l = initialLang();
    setApiLanguage(l);
    return l;
  });
  const value = useMemo(() => ({
    lang,
    setLang: (l: Lang) => {
      try { localStorage.setItem(STORAGE_KEY, l); } catch { /* private mode: this page only */ }
      setApiLanguage(l);
      document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
      setLangState(l);
    },
  }), [lang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useLang() {
  return useContext(LangContext);
}

/** Picks the text of the current language: tx('中文', 'English'). */
export function useTx() {
  const { lang } = useLang();
  return (zh: string, en: string) => (lang === 'zh' ? zh : en);
}

/** A [zh, en] label pair in the current language. */
export function pick(lang: Lang, pair: readonly [string, string] | undefined, fallback = ''): string {
  return pair ? pair[lang === 'zh' ? 0 : 1] : fallback;
}
