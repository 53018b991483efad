import { useEffect, type ComponentType } from 'react';
import { Toasts } from '../components/Toasts';
import { ChurnPage } from '../features/analytics/ChurnPage';
import { ClustersPage } from '../features/analytics/ClustersPage';
import { DashboardPage } from '../features/analytics/DashboardPage';
import { SegmentsPage } from '../features/analytics/SegmentsPage';
import { ValuePage } from '../features/analytics/ValuePage';
import { CustomerDetailPage } from '../features/customers/CustomerDetailPage';
import { CustomerListPage } from '../features/customers/CustomerListPage';
import { DuplicatesPage } from '../features/duplicates/DuplicatesPage';
import { QuickCapturePage } from '../features/followups/QuickCapturePage';
import { TaskDialogs } from '../features/followups/TaskDialogs';
import { TodayPage } from '../features/followups/TodayPage';
import { ReminderNotices } from '../features/followups/ReminderNotices';
import { ImportPage } from '../features/imports/ImportPage';
import { DealDialogs } from '../features/pipeline/DealDialogs';
import { DealListPage } from '../features/pipeline/DealListPage';
import { ForecastPage } from '../features/pipeline/ForecastPage';
import { PipelinePage } from '../features/pipeline/PipelinePage';
import { CommandPalette } from '../features/search/CommandPalette';
import { SettingsPage } from '../features/settings/SettingsPage';
import { useSettingsStore } from '../features/settings/useSettingsStore';
import { TrashPage } from '../features/trash/TrashPage';
import { describeError } from '../i18n/describe';
import { useI18n } from '../i18n/useI18n';
import { Sidebar } from './Sidebar';
import { useRouteStore, type Page } from './useRouteStore';

const PAGES: Record<Page, ComponentType> = {
  dashboard: DashboardPage,
  today: TodayPage,
  customers: CustomerListPage,
  customer: CustomerDetailPage,
  pipeline: PipelinePage,
  deals: DealListPage,
  forecast: ForecastPage,
  segments: SegmentsPage,
  clusters: ClustersPage,
  churn: ChurnPage,
  value: ValuePage,
  import: ImportPage,
  duplicates: DuplicatesPage,
  trash: TrashPage,
  settings: SettingsPage,
  capture: QuickCapturePage,
};

/** Keeps `<html lang>` and the window title in the UI's language and on the current page. */
function useDocumentMetadata(page: Page): void {
  const locale = useI18n((s) => s.locale);
  const t = useI18n((s) => s.t);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('app.documentTitle', { page: t(`nav.${page}`) });
  }, [locale, t, page]);
}

export function App() {
  const t = useI18n((s) => s.t);
  const page = useRouteStore((s) => s.route.page);
  const loaded = useSettingsStore((s) => s.loaded);
  const error = useSettingsStore((s) => s.error);
  const load = useSettingsStore((s) => s.load);
  useDocumentMetadata(page);

  // Wait for the saved language before the first paint, so the UI never flashes in the wrong one.
  if (!loaded) {
    return error ? (
      <main className="boot boot-error" role="alert">
        <p>{t('app.loadFailed')}</p>
        <p className="muted">{describeError(t, error.code)}</p>
        <button type="button" className="button button-primary" onClick={() => void load()}>
          {t('common.retry')}
        </button>
      </main>
    ) : (
      <main className="boot" aria-busy="true" />
    );
  }

  const CurrentPage = PAGES[page];
  // The quick-capture window is too small for the shell, and its one form needs none of the shell's
  // palette, dialogs or reminder notices: the main window shows those.
  if (page === 'capture') {
    return (
      <main>
        <CurrentPage />
      </main>
    );
  }
  return (
    <div className="shell">
      <Sidebar />
      <main className="content">
        <CurrentPage />
      </main>
      <DealDialogs />
      <TaskDialogs />
      <ReminderNotices />
      <Toasts />
      <CommandPalette />
    </div>
  );
}
