import type { ReactNode } from 'react';
import { useT } from '../i18n/useI18n';
import { hrefFor, useRouteStore, type Page } from './useRouteStore';

type NavPage = Exclude<Page, 'customer'>;

const ICONS: Record<NavPage, ReactNode> = {
  customers: (
    <>
      <circle cx="9" cy="8" r="3.5" />
      <path d="M2.5 20c0-3.6 2.9-6 6.5-6s6.5 2.4 6.5 6M17 5.5a3 3 0 010 5.5M18 14.5c2 .6 3.5 2.6 3.5 5.5" />
    </>
  ),
  // A tray with an arrow coming in: a file going into the CRM.
  import: <path d="M12 3v11M7.5 9.5L12 14l4.5-4.5M4 14v4.5A1.5 1.5 0 005.5 20h13a1.5 1.5 0 001.5-1.5V14" />,
  duplicates: (
    <>
      <rect x="3" y="6" width="11" height="13" rx="2" />
      <path d="M8 6V4.5A1.5 1.5 0 019.5 3H19a2 2 0 012 2v10.5a1.5 1.5 0 01-1.5 1.5H14" />
    </>
  ),
  trash: <path d="M4 7h16M9 7V4.5h6V7M6 7l1 13h10l1-13M10 11v5M14 11v5" />,
  settings: (
    <>
      <circle cx="12" cy="12" r="3" />
      <path d="M12 2.5v3M12 18.5v3M2.5 12h3M18.5 12h3M5.3 5.3l2.1 2.1M16.6 16.6l2.1 2.1M5.3 18.7l2.1-2.1M16.6 7.4l2.1-2.1" />
    </>
  ),
};

const NAV: NavPage[] = ['customers', 'import', 'duplicates', 'trash', 'settings'];

/** Plain links to hash routes: Tab and Enter work, and middle-click or copy-link behave as expected. */
export function Sidebar() {
  const t = useT();
  // A customer's own page belongs under Customers in the navigation.
  const current = useRouteStore((s) => (s.route.page === 'customer' ? 'customers' : s.route.page));
  return (
    <aside className="sidebar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          S
        </span>
        <div>
          <div className="brand-name">{t('app.name')}</div>
          <div className="brand-tagline">{t('app.tagline')}</div>
        </div>
      </div>
      <nav aria-label={t('nav.label')}>
        <ul>
          {NAV.map((item) => (
            <li key={item}>
              <a href={hrefFor(item)} aria-current={current === item ? 'page' : undefined}>
                <svg
                  viewBox="0 0 24 24"
                  width="18"
                  height="18"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="1.6"
                  aria-hidden="true"
                >
                  {ICONS[item]}
                </svg>
                {t(`nav.${item}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </aside>
  );
}
