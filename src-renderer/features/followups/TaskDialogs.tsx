import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStores } from '../../app/storesContext';
import { useRouteStore } from '../../app/useRouteStore';
import { EditTaskDialog } from './EditTaskDialog';
import { NewTaskDialog } from './NewTaskDialog';
import { RescheduleDialog } from './RescheduleDialog';
import { SnoozeDialog } from './SnoozeDialog';
import { useFollowUpsStore } from './useFollowUpsStore';

/** The follow-up dialogs, mounted once beside the pages so Today, a customer and a deal share them. */
export function TaskDialogs() {
  const { creating, snoozing, rescheduling, editing, today } = useFollowUpsStore(
    useShallow((s) => ({
      creating: s.creating,
      editing: s.editing,
      snoozing: s.snoozing,
      rescheduling: s.rescheduling,
      today: s.due?.today,
    })),
  );
  const followUps = useAppStores().followUps;
  const route = useRouteStore((s) => s.route);
  // Another page (a notice's Open, a customer link) closes the dialogs of this one.
  useEffect(() => {
    const state = followUps.getState();
    state.cancelNew();
    state.askSnooze(null);
    state.askReschedule(null);
    state.askEdit(null);
  }, [route, followUps]);
  return (
    <>
      {creating && today ? <NewTaskDialog seed={creating} today={today} /> : null}
      {snoozing ? <SnoozeDialog key={snoozing.id} task={snoozing} /> : null}
      {rescheduling ? <RescheduleDialog key={rescheduling.id} task={rescheduling} /> : null}
      {editing ? <EditTaskDialog key={editing.id} task={editing} /> : null}
    </>
  );
}
