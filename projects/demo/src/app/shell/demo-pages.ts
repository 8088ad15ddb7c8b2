/** The demo's pages. */
export type DemoPage = 'chat' | 'extract' | 'dashboard' | 'settings';

/** The pages in the order the navigation shows them, with their paths. */
export const DEMO_PAGES: readonly {readonly page: DemoPage; readonly path: string; readonly label: string}[] = [
  {page: 'chat', path: '/', label: 'Chat'},
  {page: 'extract', path: '/extract', label: 'Extract'},
  {page: 'dashboard', path: '/dashboard', label: 'Dashboard'},
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
