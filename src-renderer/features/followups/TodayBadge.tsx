import { useEffect } from 'react';
import { useT } from '../../i18n/useI18n';
import { useFollowUpsStore } from './useFollowUpsStore';

/** The navigation's count of what needs doing now: overdue plus due today. */
export function TodayBadge() {
  const t = useT();
  const load = useFollowUpsStore((s) => s.load);
  const count = useFollowUpsStore((s) => (s.due ? s.due.overdue.length + s.due.dueToday.length : 0));
  // The count is in the navigation on every page, so it loads with the shell, not with Today.
  useEffect(() => void load(), [load]);
  if (count === 0) return null;
  return (
    <span className="nav-badge">
      <span aria-hidden="true">{count}</span>
      <span className="visually-hidden">{t('nav.todayBadge', { count })}</span>
    </span>
  );
}
