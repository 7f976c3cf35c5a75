// The web apps' one way to call the API: JSON in and out, errors as ApiError with the catalogue's
// code and the message in the user's language.
import { errorMessage } from '../../shared/errors.ts';

export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;
  constructor(code: string, status: number, message: string, details?: unknown) {
    super(message);
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

let lang: 'zh' | 'en' = 'zh';
let onUnauthorized: (() => void) | null = null;
/** Called when the API answers 401 (session expired or signed out elsewhere). */
export function setUnauthorizedHandler(fn: (() => void) | null) {
  onUnauthorized = fn;
}
export function setApiLanguage(l: 'zh' | 'en') {
  lang = l;
}

async function send(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const isForm = body instanceof FormData;
  let res: Response;
  try {
    res = await fetch(`/api/v1${url}`, {
      method,
      credentials: 'same-origin',
      headers: { ...(body !== undefined && !isForm ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError('NETWORK', 0, lang === 'zh' ? '网络连接失败，请检查网络后重试' : 'Network error; check the connection and retry');
  }
  if (!res.ok) {
    const text = await res.text().catch(() => '');
    let data: any;
    try { data = text ? JSON.parse(text) : undefined; } catch { data = undefined; }
    const code: string = data?.error?.code ?? 'INTERNAL';
    if (res.status === 401 && onUnauthorized && !url.startsWith('/auth/')) onUnauthorized();
    throw new ApiError(code, res.status, errorMessage(code, lang), data?.error?.details);
  }
  return res;
}

export async function api<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const text = await (await send(method, url, body, headers)).text();
  try { return (text ? JSON.parse(text) : undefined) as T; } catch { return undefined as T; }
}

/** A file from the API (a PDF, a workbook), saved by the browser under `filename`; errors as api()'s. */
export async function apiDownload(method: 'GET' | 'POST', url: string, filename: string, body?: unknown): Promise<void> {
  const blob = await (await send(method, url, body)).blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** A fresh idempotency key for one create (kept across retries of the same submission). */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/** GET with a query string built from the defined, non-empty values. */
export function apiGet<T>(url: string, query: Record<string, string | number | boolean | undefined | null> = {}): Promise<T> {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return api<T>('GET', s ? `${url}?${s}` : url);
}

/** Uploads one file as multipart (field `file`), e.g. POST /cases/:id/attachments. */
export function apiUpload<T>(url: string, file: Blob, filename: string, fields: Record<string, string> = {}): Promise<T> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', file, filename);
  return api<T>('POST', url, form);
}
