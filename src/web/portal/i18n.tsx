// The portal's language: Chinese by default, English on the `portal-lang` switch. Texts sit beside
// their use as pairs, tx('中文', 'English').
import { createLanguage, type Lang } from '../common/lang.tsx';

export type { Lang };
export const { LangProvider: PortalLangProvider, useLang } = createLanguage('xf.portal.lang');

/** Picks the text of the current language: tx('中文', 'English'). */
export function useTx() {
  const { lang } = useLang();
  return (zh: string, en: string) => (lang === 'zh' ? zh : en);
}

/** A [zh, en] label pair in the current language. */
export function pick(lang: Lang, pair: readonly [string, string] | undefined, fallback = ''): string {
  return pair ? pair[lang === 'zh' ? 0 : 1] : fallback;
}
