import type { ReactNode } from 'react';

interface EmptyStateProps {
  title: string;
  body: string;
  /** Usually the one primary button that gets the user unstuck. */
  action?: ReactNode;
  icon?: ReactNode;
}

/** What a page shows when it has nothing yet: say why, and what to do next. */
export function EmptyState({ title, body, action, icon }: EmptyStateProps) {
  return (
    <section className="empty-state" aria-labelledby="empty-state-title">
      {icon ? (
        <div className="empty-state-icon" aria-hidden="true">
          {icon}
        </div>
      ) : null}
      <h2 id="empty-state-title">{title}</h2>
      <p>{body}</p>
      {action ? <div className="empty-state-action">{action}</div> : null}
    </section>
  );
}
