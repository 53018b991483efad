/**
 * Names of the built-in lead sources and stages in both languages: the UI shows them, and an
 * import recognises a cell that says 转介绍 or Referral as the `referral` source.
 */

export const builtInChoiceNamesEn = {
  'choice.source.website': 'Website',
  'choice.source.social': 'Social media',
  'choice.source.email': 'Email',
  'choice.source.referral': 'Referral',
  'choice.source.event': 'Event',
  'choice.source.offline': 'Offline',
  'choice.source.other': 'Other',
  'choice.stage.lead': 'Lead',
  'choice.stage.prospect': 'Prospect',
  'choice.stage.customer': 'Customer',
  'choice.stage.loyal': 'Loyal',
  'choice.stage.at_risk': 'At risk',
  'choice.stage.churned': 'Churned',
} as const;

export const builtInChoiceNamesZh = {
  'choice.source.website': '官网',
  'choice.source.social': '社交媒体',
  'choice.source.email': '电子邮件',
  'choice.source.referral': '转介绍',
  'choice.source.event': '活动',
  'choice.source.offline': '线下',
  'choice.source.other': '其他',
  'choice.stage.lead': '线索',
  'choice.stage.prospect': '潜在客户',
  'choice.stage.customer': '成交客户',
  'choice.stage.loyal': '忠实客户',
  'choice.stage.at_risk': '流失风险',
  'choice.stage.churned': '已流失',
} as const;
