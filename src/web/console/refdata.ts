// Reference data the pages share (categories, organisations), fetched once per page load, and the
// trees antd's TreeSelect wants.
import { useEffect, useState } from 'react';
import { api } from '../common/api.ts';
import type { Category, Org } from '../common/types.ts';
import type { Lang } from './i18n.tsx';

const cache = new Map<string, Promise<unknown>>();
function load<T>(url: string): Promise<T> {
  let p = cache.get(url) as Promise<T> | undefined;
  if (!p) {
    p = api<T>('GET', url);
    p.catch(() => cache.delete(url));
    cache.set(url, p);
  }
  return p;
}

function useLoaded<T>(url: string): T[] {
  const [data, setData] = useState<T[]>([]);
  useEffect(() => {
    let live = true;
    load<T[]>(url).then((d) => { if (live) setData(d); }).catch(() => { /* the page still works without the list */ });
    return () => { live = false; };
  }, [url]);
  return data;
}

export const useCategories = () => useLoaded<Category>('/categories');
export const useOrgs = () => useLoaded<Org>('/orgs');

export interface TreeNode { value: number | string; title: string; children?: TreeNode[]; disabled?: boolean }

export function categoryTree(cats: Category[], lang: Lang): TreeNode[] {
  const active = cats.filter((c) => c.isActive).sort((a, b) => a.sort - b.sort);
  const node = (c: Category): TreeNode => {
    const children = active.filter((x) => x.parentId === c.id).map(node);
    return { value: c.id, title: lang === 'zh' ? c.nameZh : c.nameEn, ...(children.length && { children }) };
  };
  return active.filter((c) => c.parentId === null).map(node);
}

export function orgTree(orgs: Org[], filter: (o: Org) => boolean = () => true, value: (o: Org) => number | string = (o) => o.id): TreeNode[] {
  const shown = orgs.filter((o) => o.isActive && filter(o));
  const ids = new Set(shown.map((o) => o.id));
  const node = (o: Org): TreeNode => {
    const children = shown.filter((x) => x.parentId === o.id).map(node);
    return { value: value(o), title: o.name, ...(children.length && { children }) };
  };
  return shown.filter((o) => o.parentId === null || !ids.has(o.parentId)).map(node);
}

export function categoryName(cats: Category[], id: number | null | undefined, lang: Lang): string {
  const c = cats.find((x) => x.id === id);
  return c ? (lang === 'zh' ? c.nameZh : c.nameEn) : '';
}

export function orgName(orgs: Org[], id: number | null | undefined): string {
  return orgs.find((o) => o.id === id)?.name ?? (id ? `#${id}` : '');
}
