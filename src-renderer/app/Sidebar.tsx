import type { ReactNode } from 'react';
import { TodayBadge } from '../features/followups/TodayBadge';
import { useT } from '../i18n/useI18n';
import { hrefFor, useRouteStore, type Page } from './useRouteStore';

type NavPage = Exclude<Page, 'customer' | 'capture'>;

const ICONS: Record<NavPage, ReactNode> = {
  // Four tiles of different sizes: the figures at a glance.
  dashboard: (
    <>
      <rect x="3" y="3" width="8" height="10" rx="1.5" />
      <rect x="13" y="3" width="8" height="6" rx="1.5" />
      <rect x="3" y="15" width="8" height="6" rx="1.5" />
      <rect x="13" y="11" width="8" height="10" rx="1.5" />
    </>
  ),
  // A calendar page with a check mark: what is due today.
  today: (
    <>
      <rect x="3.5" y="5" width="17" height="15" rx="2" />
      <path d="M3.5 9.5h17M8 3v4M16 3v4M9 14.5l2 2 4-4" />
    </>
  ),
  // Three columns of cards: the board.
  pipeline: <path d="M4 4h4.5v16H4zM9.75 4h4.5v11h-4.5zM15.5 4H20v7h-4.5z" />,
  // Lines of a list with a bullet each.
  deals: <path d="M9 6h11M9 12h11M9 18h11M4.5 6h.01M4.5 12h.01M4.5 18h.01" />,
  // Bars rising to a dashed future.
  forecast: <path d="M4 20h16M6 20v-6M10 20v-9M14 20v-5M18 20V8M14 9l4-4 2 2" />,
  // A grid of cells: the R×F segments.
  segments: <path d="M4 4h16v16H4zM4 9.3h16M4 14.7h16M9.3 4v16M14.7 4v16" />,
  // Three groups of dots.
  clusters: (
    <>
      <circle cx="7" cy="7" r="2" />
      <circle cx="17" cy="8" r="2" />
      <circle cx="9" cy="17" r="2" />
      <circle cx="4.5" cy="10.5" r="1.2" />
      <circle cx="19.5" cy="12" r="1.2" />
      <circle cx="13" cy="18.5" r="1.2" />
    </>
  ),
  // A line going down: customers slipping away.
  churn: <path d="M3 6l6 6 4-4 8 8M21 11v5h-5" />,
  // A coin stack: what customers are worth.
  value: (
    <>
      <ellipse cx="12" cy="6" rx="7" ry="2.5" />
      <path d="M5 6v6c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5V6M5 12v6c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5v-6" />
    </>
  ),
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

/** Groups of links; the analysis pages sit under their own heading. */
const NAV: { heading?: 'nav.analysis' | 'nav.sales'; pages: NavPage[] }[] = [
  { pages: ['dashboard', 'today', 'customers'] },
  { heading: 'nav.sales', pages: ['pipeline', 'deals', 'forecast'] },
  { heading: 'nav.analysis', pages: ['segments', 'clusters', 'churn', 'value'] },
  { pages: ['import', 'duplicates', 'trash', 'settings'] },
];

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
        {NAV.map((group, index) => (
          <div key={index} className="nav-group">
            {group.heading ? (
              <h2 className="nav-heading" id={`nav-group-${index}`}>
                {t(group.heading)}
              </h2>
            ) : null}
            <ul aria-labelledby={group.heading ? `nav-group-${index}` : undefined}>
              {group.pages.map((item) => (
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
                    {item === 'today' ? <TodayBadge /> : null}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>
    </aside>
  );
}
