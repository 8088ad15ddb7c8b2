/** The demo's pages. */
export type DemoPage = 'chat' | 'extract' | 'dashboard' | 'telemetry' | 'settings';

/** The pages in the order the navigation shows them, with their paths. */
export const DEMO_PAGES: readonly {readonly page: DemoPage; readonly path: string; readonly label: string}[] = [
  {page: 'chat', path: '/', label: 'Chat'},
  {page: 'extract', path: '/extract', label: 'Extract'},
  {page: 'dashboard', path: '/dashboard', label: 'Dashboard'},
  {page: 'telemetry', path: '/telemetry', label: 'Telemetry'},
  {page: 'settings', path: '/settings', label: 'Settings'},
];

/**
 * The page a URL path shows; unknown paths show the chat.
 * @param path The location's path, e.g. `/dashboard/`.
 * @returns The page.
 */
export function pageOfPath(path: string): DemoPage {
  const normalized = '/' + path.replace(/^\/+|\/+$/g, '');
  return DEMO_PAGES.find(entry => entry.path === normalized)?.page ?? 'chat';
}

/**
 * The path of a page.
 * @param page The page.
 * @returns Its path.
 */
export function pathOfPage(page: DemoPage): string {
  return DEMO_PAGES.find(entry => entry.page === page)?.path ?? '/';
}

/**
 * A query string with one parameter set or removed, the others kept.
 * @param search The location's search, e.g. `?call=7` or empty.
 * @param name The parameter.
 * @param value Its value, or `undefined` to remove it.
 * @returns The new search, `?…` or empty.
 */
export function withQueryParam(search: string, name: string, value: string | undefined): string {
  const params = new URLSearchParams(search);
  if (value === undefined) params.delete(name);
  else params.set(name, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The dashboard's query parameter naming the log row whose details it opens. */
export const CALL_QUERY_PARAM = 'call';

/**
 * The link to one log row's details on the dashboard, for the chat's messages.
 * @param rowId The row's id (`LlmCallRecord.id`).
 * @returns `/dashboard?call=<id>`.
 */
export function callDetailsPath(rowId: string): string {
  return pathOfPage('dashboard') + withQueryParam('', CALL_QUERY_PARAM, rowId);
}
