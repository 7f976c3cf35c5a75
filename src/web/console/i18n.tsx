// The console's language: Chinese first, English on a switch. Each area keeps its own dictionary
// (`const dict = { zh: {...}, en: {...} }`) and reads it through `useText(dict)`; the choice is
// kept in localStorage and also sets the API's error-message language.
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { setApiLanguage } from '../common/api.ts';

export type Lang = 'zh' | 'en';
export type Dict<K extends string> = { zh: Record<K, string>; en: Record<K, string> };

const STORAGE_KEY = 'xf.lang';
const LangContext = createContext<{ lang: Lang; setLang: (l: Lang) => void }>({ lang: 'zh', setLang: () => {} });

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const l = initialLang();
    setApiLanguage(l);
    return l;
  });
  const value = useMemo(() => ({
    lang,
    setLang: (l: Lang) => {
      try { localStorage.setItem(STORAGE_KEY, l); } catch { /* private mode: keep it for this page only */ }
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

/** The area's texts in the current language. */
export function useText<K extends string>(dict: Dict<K>): Record<K, string> {
  const { lang } = useLang();
  return dict[lang];
}
