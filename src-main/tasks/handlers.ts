import type Database from 'better-sqlite3';
import type { HandlerSlice } from '../backend/dispatcher';
import { localDate } from '../core/localDate';
import { toIso, type Clock } from '../core/clock';
import type { EventHub } from '../core/events';
import type { Logger } from '../core/logger';
import type { SettingsService } from '../settings/service';
import { FollowUpAutomation } from './automation';
import { tasksToIcs } from './ics';
import { readKeepInTouch, setKeepInTouch } from './keepInTouch';
import { TaskRuleService } from './rules';
import { ReminderScheduler, type Timers } from './scheduler';
import { TaskService } from './service';
import { machineTimeZone } from './zonedTime';

type TaskChannel =
  | 'tasks.list'
  | 'tasks.due'
  | 'tasks.get'
  | 'tasks.create'
  | 'tasks.update'
  | 'tasks.complete'
  | 'tasks.reopen'
  | 'tasks.snooze'
  | 'tasks.delete'
  | 'tasks.restore'
  | 'tasks.ics'
  | 'taskRules.list'
  | 'taskRules.create'
  | 'taskRules.update'
  | 'taskRules.delete'
  | 'keepInTouch.get'
  | 'keepInTouch.set';

export interface FollowUpDeps {
  sqlite: Database.Database;
  clock: Clock;
  events: EventHub;
  settings: SettingsService;
  logger: Logger;
  /** The zone tasks are due in (the machine's; tests fix one). */
  timeZone?: () => string;
  timers?: Timers;
  /** See SchedulerDeps.hasAudience. */
  hasAudience: () => boolean;
}

export interface FollowUps {
  handlers: HandlerSlice<TaskChannel>;
  scheduler: ReminderScheduler;
  automation: FollowUpAutomation;
}

/** Follow-ups: the task service, its automatic sources and the reminder scheduler, wired together. */
export function followUps(deps: FollowUpDeps): FollowUps {
  const timeZone = deps.timeZone ?? machineTimeZone;
  let scheduler: ReminderScheduler | null = null;
  const tasks = new TaskService({ ...deps, timeZone, onChange: () => scheduler?.arm() });
  const automation = new FollowUpAutomation({
    sqlite: deps.sqlite,
    clock: deps.clock,
    settings: () => deps.settings.get(),
    tasks,
    timeZone,
  });
  scheduler = new ReminderScheduler({
    reader: tasks.reader,
    clock: deps.clock,
    events: deps.events,
    logger: deps.logger,
    automate: () => automation.run(),
    hasAudience: deps.hasAudience,
    timeZone,
    timers: deps.timers,
  });
  const rules = new TaskRuleService(deps.sqlite, deps.clock, deps.events);
  const changed = () => {
    deps.events.emit({ type: 'data.changed', payload: { entity: 'tasks' } });
    scheduler?.soon();
  };
  return {
    scheduler,
    automation,
    handlers: {
      'tasks.list': (input) => tasks.list(input),
      'tasks.due': () => tasks.due(),
      'tasks.get': ({ id }) => tasks.get(id),
      'tasks.create': (input) => tasks.create(input)!,
      'tasks.update': ({ id, patch }) => tasks.update(id, patch),
      'tasks.complete': ({ id }) => tasks.complete(id),
      'tasks.reopen': ({ id }) => tasks.reopen(id),
      'tasks.snooze': (input) => tasks.snooze(input),
      'tasks.delete': ({ id }) => tasks.delete(id),
      'tasks.restore': ({ id }) => tasks.restore(id),
      'tasks.ics': ({ status }) => {
        const list = tasks.list({ status, limit: 5_000 });
        const now = deps.clock.now();
        return {
          fileName: `follow-ups-${localDate(now)}.ics`,
          mime: 'text/calendar',
          base64: Buffer.from(tasksToIcs(list, toIso(now)), 'utf8').toString('base64'),
          rows: list.length,
        };
      },
      'taskRules.list': () => rules.list(),
      'taskRules.create': (input) => {
        const rule = rules.create(input);
        scheduler?.soon();
        return rule;
      },
      'taskRules.update': ({ id, patch }) => {
        const rule = rules.update(id, patch);
        scheduler?.soon();
        return rule;
      },
      'taskRules.delete': ({ id }) => rules.delete(id),
      'keepInTouch.get': ({ customerId }) => readKeepInTouch(deps.sqlite, customerId, timeZone()),
      'keepInTouch.set': ({ customerId, everyDays }) => {
        const cadence = setKeepInTouch(deps.sqlite, customerId, everyDays, timeZone());
        changed();
        return cadence;
      },
    },
  };
}
