/** A label, its value, and an optional line under it ("3 orders", "last on 2 May"). */
export type Stat = [label: string, value: string, detail?: string];

/** Key figures as a definition list, the way the customer page shows them. */
export function StatList({ stats, label }: { stats: readonly Stat[]; label?: string }) {
  return (
    <dl className="stats" aria-label={label}>
      {stats.map(([name, value, detail]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>{value}</dd>
          {detail ? <dd className="muted stat-detail">{detail}</dd> : null}
        </div>
      ))}
    </dl>
  );
}
