import type Database from 'better-sqlite3';
import type { Settings } from '../../src-shared/contract';
import { DAY_MS } from '../analytics/history';
import type { Clock } from '../core/clock';
import { phrasebook, segmentName } from './phrases';
import type { TaskService } from './service';
import { addDays, wallAt } from './zonedTime';

export interface AutomationDeps {
  sqlite: Database.Database;
  clock: Clock;
  settings: () => Settings;
  tasks: TaskService;
  timeZone: () => string;
}

interface RuleRow {
  id: number;
  kind: 'segment_entered' | 'deal_stale' | 'after_order';
  days: number;
  segment: string | null;
  title: string | null;
  activeSince: number | null;
}

/**
 * The follow-ups SoloCRM writes itself: keep-in-touch cadences, birthday greetings and the
 * owner's rules. Each is keyed (tasks.source_key, unique), so running this again, in another
 * window or after a restart, never writes the same task twice.
 */
export class FollowUpAutomation {
  constructor(private readonly deps: AutomationDeps) {}

  /** Everything due as of now, in one transaction; returns how many tasks were written. */
  run(): number {
    const today = wallAt(this.deps.clock.now(), this.deps.timeZone()).date;
    return this.deps.tasks.batch(() => this.keepInTouch(today) + this.birthdays(today) + this.rules(today));
  }

  /**
   * A customer with a cadence is due `every` days after the last conversation (or, before any,
   * after they were added). A due one gets a follow-up; logging a conversation moves the due
   * day, and an open follow-up for the old day is then done: the contact it asked for happened.
   */
  keepInTouch(today: string): number {
    const now = this.deps.clock.now();
    const zone = this.deps.timeZone();
    const customers = this.deps.sqlite
      .prepare(
        // INDEXED BY: left to itself the planner takes the deleted_at index, i.e. every customer.
        `SELECT id, name, keep_in_touch_days AS every, coalesce(last_contact_at, created_at) AS since
         FROM customers INDEXED BY customers_keep_in_touch_idx
         WHERE keep_in_touch_days IS NOT NULL AND deleted_at IS NULL`,
      )
      .all() as { id: number; name: string; every: number; since: number }[];
    const phrase = phrasebook(this.deps.settings().language);
    let created = 0;
    const closeStale = this.deps.sqlite.prepare(
      `UPDATE tasks SET done_at = @now, updated_at = @now WHERE customer_id = @customerId
         AND origin = 'keep_in_touch' AND done_at IS NULL AND due_date < @nextDue`,
    );
    // The earliest open keep-in-touch follow-up of each customer, read once: most customers have
    // none to close, and an UPDATE per customer every pass was most of its time.
    const earliestOpen = new Map(
      (
        this.deps.sqlite
          .prepare(
            `SELECT customer_id AS customerId, min(due_date) AS dueDate FROM tasks
             WHERE origin = 'keep_in_touch' AND done_at IS NULL GROUP BY customer_id`,
          )
          .all() as { customerId: number; dueDate: string }[]
      ).map((row) => [row.customerId, row.dueDate]),
    );
    for (const customer of customers) {
      const nextDue = addDays(wallAt(customer.since, zone).date, customer.every);
      const open = earliestOpen.get(customer.id);
      if (open !== undefined && open < nextDue) closeStale.run({ now, customerId: customer.id, nextDue });
      if (nextDue > today) continue;
      const written = this.deps.tasks.createAutomatic(
        {
          title: phrase('keepInTouch', { name: customer.name }),
          customerId: customer.id,
          dueDate: nextDue,
          remind: true,
          priority: 'normal',
          notes: null,
        },
        { origin: 'keep_in_touch', sourceKey: `keep_in_touch:${customer.id}:${nextDue}` },
      );
      if (written) created++;
    }
    return created;
  }

  /**
   * A greeting task `birthdayReminderDays` before each birthday. 29 February is kept on the 28th
   * in other years (the last day of February the person would count as theirs).
   */
  birthdays(today: string): number {
    const before = this.deps.settings().birthdayReminderDays;
    if (before === null) return 0;
    const phrase = phrasebook(this.deps.settings().language);
    // Only the people whose month-day falls in the reminder window are read (by the month-day
    // index, named: the planner would take the deleted_at one); the exact test below decides. 29 February counts as the 28th in common years.
    const monthDays = Array.from({ length: before + 1 }, (_, day) => addDays(today, day).slice(5));
    if (monthDays.includes('02-28')) monthDays.push('02-29');
    const people = this.deps.sqlite
      .prepare(
        `SELECT id, name, birthday FROM customers INDEXED BY customers_birthday_month_day_idx
         WHERE birthday IS NOT NULL AND deleted_at IS NULL
           AND substr(birthday, 6) IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(monthDays)) as { id: number; name: string; birthday: string }[];
    let created = 0;
    for (const person of people) {
      const next = nextBirthday(person.birthday, today);
      const remindOn = addDays(next, -before);
      if (remindOn > today) continue;
      const written = this.deps.tasks.createAutomatic(
        {
          title: phrase('birthday', { name: person.name, date: next.slice(5) }),
          customerId: person.id,
          dueDate: remindOn,
          remind: true,
          priority: 'normal',
          notes: phrase('birthdayDraft', { name: person.name }),
        },
        { origin: 'birthday', sourceKey: `birthday:${person.id}:${next.slice(0, 4)}` },
      );
      if (written) created++;
    }
    return created;
  }

  rules(today: string): number {
    const rules = this.deps.sqlite
      .prepare(
        `SELECT id, kind, days, segment, title, active_since AS activeSince FROM task_rules WHERE enabled = 1`,
      )
      .all() as RuleRow[];
    let created = 0;
    for (const rule of rules) {
      if (rule.kind === 'segment_entered') created += this.segmentEntered(rule, today);
      else if (rule.kind === 'deal_stale') created += this.dealStale(rule, today);
      else created += this.afterOrder(rule);
    }
    return created;
  }

  /**
   * A follow-up `days` after a customer enters the segment. The first run after the rule is
   * turned on only notes who is already there: "enters" is a change, not a state.
   */
  private segmentEntered(rule: RuleRow, today: string): number {
    const now = this.deps.clock.now();
    const members = this.deps.sqlite
      .prepare('SELECT id, name FROM customers WHERE segment = ? AND deleted_at IS NULL')
      .all(rule.segment) as { id: number; name: string }[];
    const hits = this.hitsOf(rule.id);
    const memberIds = new Set(members.map((member) => member.id));
    // Left the segment: the next entry is a new one.
    for (const entity of hits.keys()) if (!memberIds.has(entity)) this.clearHit(rule.id, entity);
    if (rule.activeSince === null) {
      for (const member of members) this.hit(rule.id, member.id, now);
      this.activate(rule.id, now);
      return 0;
    }
    const language = this.deps.settings().language;
    const phrase = phrasebook(language);
    let created = 0;
    for (const member of members) {
      if (hits.has(member.id)) continue;
      this.hit(rule.id, member.id, now);
      const written = this.deps.tasks.createAutomatic(
        {
          title:
            rule.title ??
            phrase('segmentEntered', {
              name: member.name,
              segment: segmentName(language, rule.segment ?? ''),
            }),
          customerId: member.id,
          dueDate: addDays(today, rule.days),
          remind: true,
          priority: 'high',
          notes: null,
        },
        { origin: 'rule', sourceKey: `rule:${rule.id}:customer:${member.id}:${today}` },
      );
      if (written) created++;
    }
    return created;
  }

  /** A reminder today for each open deal idle for `days`; again only after new activity goes idle. */
  private dealStale(rule: RuleRow, today: string): number {
    const now = this.deps.clock.now();
    const stale = this.deps.sqlite
      .prepare(
        `SELECT d.id, d.title, d.customer_id AS customerId,
           max(d.last_activity_at, coalesce(c.last_contact_at, 0)) AS lastActivity
         FROM deals d JOIN customers c ON c.id = d.customer_id
         WHERE d.status = 'open' AND d.deleted_at IS NULL AND c.deleted_at IS NULL
           AND max(d.last_activity_at, coalesce(c.last_contact_at, 0)) <= ?`,
      )
      .all(now - rule.days * DAY_MS) as {
      id: number;
      title: string;
      customerId: number;
      lastActivity: number;
    }[];
    const hits = this.hitsOf(rule.id);
    const staleIds = new Set(stale.map((deal) => deal.id));
    for (const entity of hits.keys()) if (!staleIds.has(entity)) this.clearHit(rule.id, entity);
    if (rule.activeSince === null) this.activate(rule.id, now);
    const phrase = phrasebook(this.deps.settings().language);
    let created = 0;
    for (const deal of stale) {
      if (hits.has(deal.id)) continue;
      this.hit(rule.id, deal.id, now);
      const written = this.deps.tasks.createAutomatic(
        {
          title: rule.title ?? phrase('dealStale', { title: deal.title, days: rule.days }),
          customerId: deal.customerId,
          dealId: deal.id,
          dueDate: today,
          remind: true,
          priority: 'normal',
          notes: null,
        },
        { origin: 'rule', sourceKey: `rule:${rule.id}:deal:${deal.id}:${deal.lastActivity}` },
      );
      if (written) created++;
    }
    return created;
  }

  /**
   * A check-in `days` after each paid order recorded since the rule was turned on, and only while
   * that day is still ahead: importing years of history writes no backlog of check-ins.
   */
  private afterOrder(rule: RuleRow): number {
    const now = this.deps.clock.now();
    if (rule.activeSince === null) {
      this.activate(rule.id, now);
      return 0;
    }
    const zone = this.deps.timeZone();
    const today = wallAt(now, zone).date;
    const orders = this.deps.sqlite
      .prepare(
        `SELECT o.id, o.ordered_at AS orderedAt, o.customer_id AS customerId, c.name
         FROM orders o JOIN customers c ON c.id = o.customer_id
         WHERE o.status = 'paid' AND o.deleted_at IS NULL AND c.deleted_at IS NULL
           AND o.created_at >= ? AND o.ordered_at >= ?`,
      )
      .all(rule.activeSince, now - (rule.days + 1) * DAY_MS) as {
      id: number;
      orderedAt: number;
      customerId: number;
      name: string;
    }[];
    const phrase = phrasebook(this.deps.settings().language);
    let created = 0;
    for (const order of orders) {
      const orderDay = wallAt(order.orderedAt, zone).date;
      const due = addDays(orderDay, rule.days);
      if (due < today) continue;
      const written = this.deps.tasks.createAutomatic(
        {
          title: rule.title ?? phrase('afterOrder', { name: order.name, date: orderDay }),
          customerId: order.customerId,
          dueDate: due,
          remind: true,
          priority: 'normal',
          notes: null,
        },
        { origin: 'rule', sourceKey: `rule:${rule.id}:order:${order.id}` },
      );
      if (written) created++;
    }
    return created;
  }

  private hitsOf(ruleId: number): Map<number, number> {
    const rows = this.deps.sqlite
      .prepare('SELECT entity_id AS entity, at FROM task_rule_hits WHERE rule_id = ?')
      .all(ruleId) as { entity: number; at: number }[];
    return new Map(rows.map((row) => [row.entity, row.at]));
  }

  private hit(ruleId: number, entity: number, at: number): void {
    this.deps.sqlite
      .prepare('INSERT OR IGNORE INTO task_rule_hits (rule_id, entity_id, at) VALUES (?, ?, ?)')
      .run(ruleId, entity, at);
  }

  private clearHit(ruleId: number, entity: number): void {
    this.deps.sqlite
      .prepare('DELETE FROM task_rule_hits WHERE rule_id = ? AND entity_id = ?')
      .run(ruleId, entity);
  }

  private activate(ruleId: number, now: number): void {
    this.deps.sqlite
      .prepare('UPDATE task_rules SET active_since = ? WHERE id = ? AND active_since IS NULL')
      .run(now, ruleId);
  }
}

/** The next birthday on or after `today` (`YYYY-MM-DD`); 29 February falls on the 28th in common years. */
export function nextBirthday(birthday: string, today: string): string {
  const monthDay = birthday.slice(5);
  const year = Number(today.slice(0, 4));
  const inYear = (y: number) => {
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    return `${y}-${monthDay === '02-29' && !leap ? '02-28' : monthDay}`;
  };
  const thisYear = inYear(year);
  return thisYear >= today ? thisYear : inYear(year + 1);
}
