import type { Random } from './random';
import { DAY_MS, seasonalInstant } from './seasons';
import {
  CN_CHANNELS,
  CN_CONVERSATIONS,
  CN_FEEDBACK,
  EN_CHANNELS,
  EN_CONVERSATIONS,
  EN_FEEDBACK,
  PRODUCTS,
} from './vocabulary';

/**
 * What happened with one customer over the three years before `now`: heterogeneous on purpose
 * (leads who never bought, one-off buyers, occasional ones, loyal regulars, and customers whose
 * orders stopped months ago), so the analytics and the churn filters have something to find.
 */
export type Segment = 'lead' | 'oneOff' | 'occasional' | 'lapsing' | 'loyal';

const SEGMENTS: (readonly [Segment, number])[] = [
  ['lead', 0.1],
  ['oneOff', 0.35],
  ['occasional', 0.25],
  ['lapsing', 0.15],
  ['loyal', 0.15],
];
/** Orders per customer of the repeat segments before scaling (mean 3, 5.5 and 19). */
const REPEAT_ORDERS: Record<'occasional' | 'lapsing' | 'loyal', readonly [number, number]> = {
  occasional: [2, 4],
  lapsing: [3, 8],
  loyal: [8, 30],
};
const REPEAT_MEAN = 0.25 * 3 + 0.15 * 5.5 + 0.15 * 19;
const ONE_OFF_SHARE = 0.35;
const YEARS_3 = 3 * 365 * DAY_MS;

export interface PlannedOrder {
  at: number;
  status: 'paid' | 'refunded' | 'cancelled';
  channel: string;
  lines: { sku: string; description: string; quantity: number; unitPriceCents: number }[];
}
export interface PlannedConversation {
  kind: string;
  direction: 'inbound' | 'outbound' | null;
  at: number;
  subject: string;
  body: string;
  durationMinutes: number | null;
}
export interface PlannedFeedback {
  kind: 'csat' | 'nps';
  score: number;
  at: number;
  comment: string | null;
}

export interface History {
  segment: Segment;
  stage: string;
  createdAt: number;
  orders: PlannedOrder[];
  conversations: PlannedConversation[];
  feedback: PlannedFeedback[];
}

export interface HistoryOptions {
  random: Random;
  now: number;
  /** The average number of orders per customer the whole dataset should have. */
  ordersPerCustomer: number;
  chinese: boolean;
  company: boolean;
  segment?: Segment;
}

export function planHistory(options: HistoryOptions): History {
  const { random, now, ordersPerCustomer } = options;
  const segment = options.segment ?? random.weighted(SEGMENTS);
  const start = now - YEARS_3;
  const scale = Math.max(0, ordersPerCustomer - ONE_OFF_SHARE) / REPEAT_MEAN;

  let from = start;
  let until = now - DAY_MS;
  let count = 0;
  switch (segment) {
    case 'lead':
      from = now - 180 * DAY_MS;
      break;
    case 'oneOff':
      count = ordersPerCustomer > 0 ? 1 : 0;
      break;
    case 'occasional':
      from = start + random.next() * (YEARS_3 - 200 * DAY_MS);
      break;
    case 'lapsing':
      from = start + random.next() * (YEARS_3 - 400 * DAY_MS);
      until = Math.max(from + 60 * DAY_MS, now - random.int(120, 540) * DAY_MS);
      break;
    case 'loyal':
      from = start + random.next() * 540 * DAY_MS;
      break;
  }
  if (segment !== 'lead' && segment !== 'oneOff') {
    const [min, max] = REPEAT_ORDERS[segment];
    count = Math.max(1, random.round(random.int(min, max) * scale));
    if (ordersPerCustomer === 0) count = 0;
  }

  const orderTimes = Array.from({ length: count }, () => seasonalInstant(random, from, until)).sort(
    (a, b) => a - b,
  );
  // A loyal customer bought recently: that is what makes them loyal rather than lapsing.
  if (segment === 'loyal' && orderTimes.length > 0) {
    orderTimes[orderTimes.length - 1] = now - random.int(1, 60) * DAY_MS;
  }
  const firstActivity = orderTimes[0] ?? seasonalInstant(random, from, until);
  const createdAt = Math.max(start - 30 * DAY_MS, firstActivity - random.int(0, 30) * DAY_MS);
  const lastActivity = segment === 'lapsing' ? Math.min(now, until + 30 * DAY_MS) : now;

  const favourite = random.int(0, PRODUCTS.length - 1);
  const channels = options.chinese ? CN_CHANNELS : EN_CHANNELS;
  const usualChannel = random.pick(channels);
  const spend = random.logNormal(0.4) * (options.company ? 1.5 : 1) * (segment === 'loyal' ? 1.2 : 1);
  const orders = orderTimes.map((at) => planOrder(options, at, favourite, spend, usualChannel, channels));

  const conversationCount =
    segment === 'lead' ? random.int(1, 2) : Math.min(40, random.round(count * 0.4) + random.int(0, 1));
  const conversations = Array.from({ length: conversationCount }, (_, index) => {
    const near = orderTimes[index % Math.max(1, orderTimes.length)];
    const at =
      near !== undefined && random.chance(0.5)
        ? Math.min(now, near + random.int(-3, 3) * DAY_MS + random.int(0, DAY_MS / 1000) * 1000)
        : createdAt + Math.floor(random.next() * Math.max(DAY_MS, lastActivity - createdAt));
    return planConversation(random, options.chinese, Math.max(createdAt, Math.min(at, now)), favourite);
  }).sort((a, b) => a.at - b.at);

  const feedback =
    orders.length > 0 && random.chance(0.2) ? planFeedback(random, options.chinese, orders, now) : [];
  return {
    segment,
    stage: stageOf(random, segment, orderTimes, now),
    createdAt,
    orders,
    conversations,
    feedback,
  };
}

function stageOf(random: Random, segment: Segment, orderTimes: number[], now: number): string {
  const last = orderTimes[orderTimes.length - 1];
  const idle = last === undefined ? 0 : (now - last) / DAY_MS;
  // Someone who never bought is a lead or prospect, whatever they would have become.
  if (segment === 'lead' || last === undefined) return random.chance(0.6) ? 'lead' : 'prospect';
  switch (segment) {
    case 'loyal':
      return 'loyal';
    case 'lapsing':
      return idle > 270 ? 'churned' : 'at_risk';
    default:
      return idle > 365 && random.chance(0.5) ? 'churned' : 'customer';
  }
}

function planOrder(
  options: HistoryOptions,
  at: number,
  favourite: number,
  spend: number,
  usualChannel: string,
  channels: string[],
): PlannedOrder {
  const { random, chinese, company } = options;
  const lineCount = random.chance(0.3) ? 2 : 1;
  const lines = Array.from({ length: lineCount }, (_, index) => {
    const product =
      PRODUCTS[index === 0 && random.chance(0.7) ? favourite : random.int(0, PRODUCTS.length - 1)]!;
    const quantity =
      company && random.chance(0.1) ? random.int(10, 50) : random.chance(0.7) ? 1 : random.int(2, 5);
    // Prices in whole yuan, with the discounts a small shop gives its good customers.
    const unitPriceCents = Math.max(
      100,
      Math.round((product[2] * Math.min(spend, 1) * 0.85 + product[2] * 0.15) / 100) * 100,
    );
    return {
      sku: `SKU-${PRODUCTS.indexOf(product) + 101}`,
      description: chinese ? product[0] : product[1],
      quantity,
      unitPriceCents,
    };
  });
  const status = random.weighted([
    ['paid', 94],
    ['refunded', 4],
    ['cancelled', 2],
  ] as const);
  return { at, status, channel: random.chance(0.8) ? usualChannel : random.pick(channels), lines };
}

const DURATIONS: Record<string, readonly [number, number]> = {
  call: [2, 30],
  meeting: [30, 120],
  visit: [10, 60],
};

function planConversation(
  random: Random,
  chinese: boolean,
  at: number,
  favourite: number,
): PlannedConversation {
  // One conversation in ten is in the other language: people switch.
  const useChinese = random.chance(0.9) ? chinese : !chinese;
  const [kind, subject, body] = random.pick(useChinese ? CN_CONVERSATIONS : EN_CONVERSATIONS);
  const product = PRODUCTS[random.chance(0.7) ? favourite : random.int(0, PRODUCTS.length - 1)]!;
  const duration = DURATIONS[kind];
  return {
    kind,
    direction:
      kind === 'note' ? null : kind === 'visit' ? 'inbound' : random.chance(0.5) ? 'inbound' : 'outbound',
    at,
    subject,
    body: body.replace('{p}', useChinese ? product[0] : product[1]),
    durationMinutes: duration ? random.int(duration[0], duration[1]) : null,
  };
}

function planFeedback(
  random: Random,
  chinese: boolean,
  orders: PlannedOrder[],
  now: number,
): PlannedFeedback[] {
  return Array.from({ length: random.int(1, 2) }, () => {
    const order = random.pick(orders);
    const kind = random.chance(0.6) ? 'csat' : 'nps';
    const score =
      kind === 'csat'
        ? random.weighted([
            [5, 45],
            [4, 30],
            [3, 12],
            [2, 8],
            [1, 5],
          ] as const)
        : random.weighted([
            [10, 25],
            [9, 22],
            [8, 18],
            [7, 12],
            [6, 8],
            [5, 5],
            [4, 3],
            [3, 3],
            [2, 2],
            [1, 1],
            [0, 1],
          ] as const);
    const comment = random.chance(0.3) ? random.pick(chinese ? CN_FEEDBACK : EN_FEEDBACK) : null;
    return { kind, score, at: Math.min(now, order.at + random.int(1, 10) * DAY_MS), comment };
  });
}
