import type { Task } from '../../src-shared/contract';

/** A follow-up as the contract gives it, for the pure builders (tray, .ics): all-day on 2 March 2026 unless told. */
export function followUp(fields: Partial<Task> = {}): Task {
  return {
    id: 1,
    uid: '0190f5a2-0000-7000-8000-000000000001',
    title: 'Follow up',
    customerId: null,
    customerName: null,
    dealId: null,
    dealTitle: null,
    dueDate: '2026-03-02',
    dueTime: null,
    timeZone: 'Asia/Shanghai',
    dueAt: '2026-03-01T16:00:00.000Z',
    remindAt: null,
    remindedAt: null,
    priority: 'normal',
    notes: null,
    rrule: null,
    seriesId: null,
    origin: 'manual',
    doneAt: null,
    overdue: false,
    createdAt: '2026-03-01T00:00:00.000Z',
    updatedAt: '2026-03-01T00:00:00.000Z',
    ...fields,
  };
}
