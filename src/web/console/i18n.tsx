// The console's language: Chinese first, English on a switch. Each area keeps its own dictionary
// (`const dict = { zh: {...}, en: {...} }`) and reads it through `useText(dict)`.
import { createLanguage, type Lang } from '../common/lang.tsx';

export type { Lang };
export type Dict<K extends string> = { zh: Record<K, string>; en: Record<K, string> };

export const { LangProvider, useLang } = createLanguage('xf.lang');

/** The area's texts in the current language. */
export function useText<K extends string>(dict: Dict<K>): Record<K, string> {
  const { lang } = useLang();
  return dict[lang];
}
