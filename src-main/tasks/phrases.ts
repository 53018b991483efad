import type { Language } from '../../src-shared/contract';
// The segment names come from the UI's own catalogs (plain data), so a follow-up titled "entered
// At Risk" and the Segments page never name a segment two ways.
import { analyticsModelsEn } from '../../src-renderer/i18n/catalogs/analyticsModels.en';
import { analyticsModelsZhCN } from '../../src-renderer/i18n/catalogs/analyticsModels.zh-CN';

/**
 * The few sentences the backend itself writes: titles of the follow-ups SoloCRM creates, the
 * notification texts and the tray menu. They are written in the owner's language when made
 * (a task title is the owner's text from then on; they may edit it).
 */
const PHRASES = {
  en: {
    keepInTouch: 'Keep in touch with {name}',
    birthday: 'Birthday greeting: {name} ({date})',
    birthdayDraft:
      'Happy birthday, {name}! Thank you for your support this year — wishing you health and joy.',
    segmentEntered: 'Follow up with {name}: now in {segment}',
    dealStale: 'Deal "{title}" has had no activity for {days} days',
    afterOrder: 'Check in with {name} after their order of {date}',
    missedSummary: 'Follow-ups that fell due while SoloCRM was closed or asleep: {count}',
    dueNow: 'Follow-up due',
    trayTooltip: 'SoloCRM — follow-ups due today: {count}',
    trayTooltipNone: 'SoloCRM — nothing due today',
    trayOverdue: 'Overdue',
    trayToday: 'Today',
    trayMore: '{count} more…',
    trayOpenTask: 'Open',
    trayDone: 'Done',
    traySnooze: 'Snooze',
    snooze10m: '10 minutes',
    snooze1h: '1 hour',
    snoozeTomorrow: 'Tomorrow {time}',
    snoozeNextWeek: 'Next week',
    trayQuickLog: 'Quick log a conversation…',
    trayOpenApp: 'Open SoloCRM',
    trayQuit: 'Quit SoloCRM',
  },
  'zh-CN': {
    keepInTouch: '保持联系：{name}',
    birthday: '生日祝福：{name}（{date}）',
    birthdayDraft: '{name}，生日快乐！感谢您一直以来的支持，祝您身体健康、万事如意。',
    segmentEntered: '跟进 {name}：已进入「{segment}」',
    dealStale: '销售机会「{title}」已 {days} 天没有进展',
    afterOrder: '回访 {name}（{date} 的订单）',
    missedSummary: 'SoloCRM 关闭或休眠期间有 {count} 条跟进到期',
    dueNow: '跟进到期',
    trayTooltip: 'SoloCRM — 今天有 {count} 条跟进',
    trayTooltipNone: 'SoloCRM — 今天没有到期的跟进',
    trayOverdue: '已逾期',
    trayToday: '今天',
    trayMore: '还有 {count} 条…',
    trayOpenTask: '打开',
    trayDone: '完成',
    traySnooze: '稍后提醒',
    snooze10m: '10 分钟后',
    snooze1h: '1 小时后',
    snoozeTomorrow: '明天 {time}',
    snoozeNextWeek: '下周',
    trayQuickLog: '快速记录沟通…',
    trayOpenApp: '打开 SoloCRM',
    trayQuit: '退出 SoloCRM',
  },
} as const satisfies Record<Language, Record<string, string>>;

export type PhraseKey = keyof (typeof PHRASES)['en'];
export type Phrase = (key: PhraseKey, values?: Record<string, string | number>) => string;

/** The phrasebook of `language`; the backend writes Chinese unless the owner chose English. */
export function phrasebook(language: Language | null): Phrase {
  const phrases = PHRASES[language === 'en' ? 'en' : 'zh-CN'];
  return (key, values = {}) =>
    phrases[key].replace(/\{(\w+)\}/g, (match, name: string) =>
      name in values ? String(values[name]) : match,
    );
}

/** A segment's name in `language`, as the Segments page shows it. */
export function segmentName(language: Language | null, segment: string): string {
  const catalog: Record<string, string> = language === 'en' ? analyticsModelsEn : analyticsModelsZhCN;
  return catalog[`analytics.segment.${segment}`] ?? segment;
}
