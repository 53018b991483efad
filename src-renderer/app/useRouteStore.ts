import { create } from 'zustand';

/**
 * Pages reachable from the sidebar, plus `customer` (one customer's page, `#/customers/<id>`) and
 * `capture` (the quick-capture form the desktop's small window opens, shown without the sidebar).
 */
export const PAGES = [
  'dashboard',
  'today',
  'customers',
  'customer',
  'pipeline',
  'deals',
  'forecast',
  'segments',
  'clusters',
  'churn',
  'value',
  'import',
  'duplicates',
  'trash',
  'settings',
  'capture',
] as const;
export type Page = (typeof PAGES)[number];
export interface Route {
  page: Page;
  /** The record a detail page shows (`customer`), else null. */
  id: number | null;
}

/** `#/` (and anything unknown) is the home page: the dashboard. */
export function routeFromHash(hash: string): Route {
  const [name = '', rawId] = hash.replace(/^#\/?/, '').split('/');
  const id = rawId && /^\d+$/.test(rawId) ? Number(rawId) : null;
  if (name === 'customers' && id !== null) return { page: 'customer', id };
  const page =
    (PAGES as readonly string[]).includes(name) && name !== 'customer' ? (name as Page) : 'dashboard';
  return { page, id: null };
}

export function hrefFor(page: Page, id?: number): string {
  if (page === 'customer') return `#/customers/${id ?? ''}`;
  return `#/${page}`;
}

interface RouteState {
  route: Route;
  navigate: (page: Page, id?: number) => void;
}

/**
 * The current page, mirrored from `location.hash` so a reload (or the back button) keeps the page.
 * Navigation links are plain `<a href="#/...">`; this store only follows the hash.
 */
export const useRouteStore = create<RouteState>()(() => ({
  route: routeFromHash(window.location.hash),
  navigate: (page, id) => {
    window.location.hash = hrefFor(page, id);
  },
}));

window.addEventListener('hashchange', () => {
  useRouteStore.setState({ route: routeFromHash(window.location.hash) });
});
