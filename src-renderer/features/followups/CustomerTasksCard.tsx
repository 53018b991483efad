import { KeepInTouchControl } from './KeepInTouchControl';
import { TaskListCard } from './TaskListCard';

/** The customer page's Follow-ups card: their open follow-ups and the keep-in-touch cadence. */
export function CustomerTasksCard({
  customerId,
  customerName,
}: {
  customerId: number;
  customerName: string;
}) {
  return (
    <TaskListCard
      owner="customerId"
      ownerId={customerId}
      seed={{ customerId, customerName }}
      title="followups.customer.title"
      none="followups.customer.none"
    >
      <KeepInTouchControl customerId={customerId} />
    </TaskListCard>
  );
}
