import type { ReactNode } from 'react';

export interface AnalyticsColumn {
  /** Already translated. */
  label: string;
  /** Right-aligned, like the figures under it. */
  numeric?: boolean;
}

/**
 * A table of groups on an analytics page (segments, clusters): scrolls sideways on a narrow window,
 * one header row from `columns`; `children` are the body's rows, each led by a row header.
 */
export function AnalyticsTable({
  columns,
  children,
}: {
  columns: readonly AnalyticsColumn[];
  children: ReactNode;
}) {
  return (
    <div className="import-table-scroll analytics-table-scroll">
      <table className="import-table analytics-table">
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col" className={column.numeric ? 'numeric' : undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
