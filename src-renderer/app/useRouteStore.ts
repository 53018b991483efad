import { create } from 'zustand';

export const ROUTES = ['customers', 'trash', 'settings'] as const;
export type Route = (typeof ROUTES)[number];

export function routeFromHash(hash: string): Route {
  const name = hash.replace(/^#\/?/, '');
  return (ROUTES as readonly string[]).includes(name) ? (name as Route) : 'customers';
}

export const hrefFor = (route: Route): string => `#/${route}`;

interface RouteState {
  route: Route;
  navigate: (route: Route) => void;
}

/**
 * The current page, mirrored from `location.hash` so a reload (or the back button) keeps the page.
 * Navigation links are plain `<a href="#/...">`; this store only follows the hash.
 */
export const useRouteStore = create<RouteState>()(() => ({
  route: routeFromHash(window.location.hash),
  navigate: (route) => {
    window.location.hash = hrefFor(route);
  },
}));

window.addEventListener('hashchange', () => {
  useRouteStore.setState({ route: routeFromHash(window.location.hash) });
});
