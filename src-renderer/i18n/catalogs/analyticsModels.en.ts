/**
 * The engine's vocabulary in words: RFM segments and their actions, cluster names, churn reasons,
 * and why a model refused. Keys follow the engine's own keys. Spread into en.ts.
 */
export const analyticsModelsEn = {
  'analytics.segment.champions': 'Champions',
  'analytics.segment.loyal': 'Loyal',
  'analytics.segment.potential_loyalists': 'Potential Loyalists',
  'analytics.segment.new': 'New',
  'analytics.segment.promising': 'Promising',
  'analytics.segment.need_attention': 'Need Attention',
  'analytics.segment.about_to_sleep': 'About to Sleep',
  'analytics.segment.at_risk': 'At Risk',
  'analytics.segment.cant_lose': 'Can’t Lose Them',
  'analytics.segment.hibernating': 'Hibernating',
  'analytics.segment.lost': 'Lost',

  'analytics.segmentHint.champions': 'Bought recently, buy often and spend the most.',
  'analytics.segmentHint.loyal': 'Buy regularly and answer your offers.',
  'analytics.segmentHint.potential_loyalists': 'Recent customers with a few orders: could become loyal.',
  'analytics.segmentHint.new': 'Bought for the first time, very recently.',
  'analytics.segmentHint.promising': 'Recent buyers with a single order so far.',
  'analytics.segmentHint.need_attention': 'Good customers who have not bought for a while.',
  'analytics.segmentHint.about_to_sleep': 'One or two orders some time ago: slipping away.',
  'analytics.segmentHint.at_risk': 'Used to buy often, but not for a long time.',
  'analytics.segmentHint.cant_lose': 'Bought the most and most often, but have not come back in a long time.',
  'analytics.segmentHint.hibernating': 'Few orders, long ago.',
  'analytics.segmentHint.lost': 'The longest gone and the fewest orders.',

  'analytics.action.reward': 'Reward them: early access, a thank-you, ask for reviews and referrals.',
  'analytics.action.upsell': 'Offer them more: higher-value products, and ask for a review.',
  'analytics.action.offer_membership': 'Offer a membership or loyalty programme; suggest related products.',
  'analytics.action.onboard': 'Welcome them and help them get the most from their first purchase.',
  'analytics.action.build_relationship':
    'Build the relationship: useful news and a small offer for a second order.',
  'analytics.action.reactivate_offer': 'Send a limited-time offer based on what they bought before.',
  'analytics.action.win_back_soon': 'Win them back now, with a relevant offer, before they go.',
  'analytics.action.win_back_personal': 'Reach out personally with a tailored offer.',
  'analytics.action.call_personally': 'Call them yourself: find out what went wrong and win them back.',
  'analytics.action.low_cost_reminder': 'A low-cost reminder such as a newsletter or a seasonal offer.',
  'analytics.action.ignore_or_survey': 'Spend nothing, or ask in a short survey why they left.',

  'analytics.cluster.high_value_recent': 'High value, recent',
  'analytics.cluster.high_value_lapsing': 'High value, lapsing',
  'analytics.cluster.frequent_low_spend': 'Frequent, low spend',
  'analytics.cluster.lapsed_low_value': 'Lapsed, low value',
  'analytics.cluster.new_or_one_time': 'New or one-time',
  'analytics.cluster.unnamed': 'Unnamed cluster',
  'analytics.cluster.numbered': '{name} · {number}',

  'analytics.dimension.recency': 'Days since the last order',
  'analytics.dimension.frequency': 'Orders',
  'analytics.dimension.monetary': 'Amount spent',

  'analytics.reasonFact.recency.above': 'Long since the last order',
  'analytics.reasonFact.recency.below': 'Ordered recently',
  'analytics.reasonFact.frequency.above': 'Many orders',
  'analytics.reasonFact.frequency.below': 'Few orders',
  'analytics.reasonFact.monetary.above': 'Spends a lot',
  'analytics.reasonFact.monetary.below': 'Spends little',
  'analytics.reasonFact.tenure.above': 'A customer for a long time',
  'analytics.reasonFact.tenure.below': 'A new customer',
  'analytics.reason.raises': '{fact}: raises the risk',
  'analytics.reason.lowers': '{fact}: lowers the risk',

  'analytics.refusal.clusters.tooFewCustomers':
    'Need at least {needed} customers with orders to find clusters.',
  'analytics.refusal.clusters.identical': 'Your customers with orders are too alike to form clusters.',
  'analytics.refusal.clusters.invalid': 'Some order amounts cannot be analysed, so no clusters were formed.',
  'analytics.refusal.churn.tooFewCustomers':
    'Need at least {needed} customers with orders one horizon ago to estimate churn risk.',
  'analytics.refusal.churn.oneClass':
    'In the last horizon every customer did the same (all came back, or none did). Need at least {needed} of each to learn from.',
  'analytics.refusal.churn.tooFewOfAClass':
    'Need at least {needed} customers of each kind in the last horizon, those who came back and those who did not, to estimate churn risk.',
  'analytics.refusal.churn.historyTooShort':
    'Need at least {needed} days of order history (two horizons) to estimate churn risk.',
  'analytics.refusal.lifetime.tooFewCustomers': 'The models need at least {needed} customers with orders.',
  'analytics.refusal.lifetime.tooFewRepeatBuyers':
    'The models need at least {needed} customers who ordered more than once.',
  'analytics.refusal.lifetime.didNotConverge': 'The models could not be fitted to this order history.',
  'analytics.refusal.lifetime.implausible': 'The models fitted this history with implausible parameters.',
  'analytics.refusal.lifetime.invalid': 'Some order histories could not be read by the models.',
  'analytics.refusal.forecast.noOrders': 'Need at least {needed} customer with orders to forecast.',
  'analytics.refusal.unknown': 'This could not be computed from the data there is.',
} satisfies Record<string, string>;
