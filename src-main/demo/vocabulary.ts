/**
 * The words the demo data is made of. Chinese entries carry their pinyin so emails and WeChat
 * IDs can be built without running a pinyin library over 100,000 names.
 */

/** The most common surnames, most frequent first (weights fall off with rank). */
export const SURNAMES = (
  'wang王 li李 zhang张 liu刘 chen陈 yang杨 huang黄 zhao赵 wu吴 zhou周 xu徐 sun孙 ma马 zhu朱 hu胡 guo郭 he何 ' +
  'gao高 lin林 luo罗 zheng郑 liang梁 xie谢 song宋 tang唐 xu许 han韩 feng冯 deng邓 cao曹 peng彭 zeng曾 xiao肖 ' +
  'tian田 dong董 yuan袁 pan潘 yu于 jiang蒋 cai蔡 yu余 du杜 ye叶 cheng程 su苏 wei魏 lv吕 ding丁 ren任 shen沈 ' +
  'yao姚 lu卢 jiang姜 cui崔 zhong钟 tan谭 lu陆 wang汪 fan范 jin金 shi石 liao廖 jia贾 xia夏 wei韦 fu付 fang方 ' +
  'bai白 zou邹 meng孟 xiong熊 qin秦 qiu邱 jiang江 yin尹 xue薛 yan闫 duan段 lei雷 hou侯 long龙 shi史 tao陶 li黎 ' +
  'he贺 gu顾 mao毛 hao郝 gong龚 shao邵 wan万 qian钱 yan严 qin覃 wu武 dai戴 mo莫 kong孔 xiang向 tang汤'
)
  .split(' ')
  .map((entry) => ({ pinyin: entry.slice(0, -1), han: entry.slice(-1) }));

export const GIVEN_CHARS = (
  'wei伟 fang芳 na娜 xiu秀 ying英 min敏 jing静 li丽 qiang强 lei磊 jun军 yang洋 yong勇 yan艳 jie杰 juan娟 tao涛 ' +
  'ming明 chao超 xia霞 ping平 gang刚 gui桂 hua华 ling玲 jian建 guo国 wen文 hong红 hui辉 peng鹏 xiao晓 ting婷 ' +
  'xue雪 mei梅 yu宇 hao浩 xin欣 yi怡 jia佳 zi子 han涵 xuan轩 bo博 si思 yu雨 xuan萱 jun俊 jia嘉 lin琳 chen晨 ' +
  'yang阳 hao昊 wan婉 zhi志 hai海 yun云 bin斌 bo波 feng峰 hui慧 qian倩 ying颖 yao瑶 ning宁 an安 kai凯 xin鑫 ' +
  'tong彤 ran然 shuai帅 shan珊'
)
  .split(' ')
  .map((entry) => ({ pinyin: entry.slice(0, -1), han: entry.slice(-1) }));

/** Given names common enough to appear many times in a large demo (and to search for). */
export const COMMON_GIVEN_NAMES = [
  { pinyin: 'wei', han: '伟' },
  { pinyin: 'fang', han: '芳' },
  { pinyin: 'xiuying', han: '秀英' },
  { pinyin: 'jing', han: '静' },
  { pinyin: 'min', han: '敏' },
  { pinyin: 'qiang', han: '强' },
];

export const ENGLISH_FIRST_NAMES = (
  'James Mary John Patricia Robert Jennifer Michael Linda David Elizabeth William Susan Richard Jessica Thomas ' +
  'Sarah Daniel Karen Matthew Emily Anthony Emma Mark Olivia Steven Sophie Andrew Grace Paul Chloe Kevin Hannah ' +
  'Brian Laura George Alice Edward Ruth Peter Anna Oliver Lucy Henry Claire'
).split(' ');

export const ENGLISH_LAST_NAMES = (
  'Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Martin Jackson Thompson ' +
  'White Harris Clark Lewis Walker Hall Allen Young King Wright Scott Green Baker Adams Nelson Carter Mitchell ' +
  'Roberts Turner Phillips Campbell Parker Evans Edwards Collins Stewart Morris Murphy Cook'
).split(' ');

export const CN_COMPANY_NAMES =
  '华辰 鼎盛 嘉禾 宏远 恒信 瑞丰 星河 云帆 金鹰 天成 博雅 汇通 新锐 盛世 长青 联创'.split(' ');
export const CN_INDUSTRIES = '贸易 科技 文化传媒 餐饮管理 服饰 电子商务 家居 食品 设计 咨询'.split(' ');
export const EN_COMPANY_NAMES =
  'Northwind Blue-Harbor Maple Silverline Brightpath Redwood Summit Oakridge Lumen Cobalt Evergreen Pioneer'
    .split(' ')
    .map((name) => name.replace('-', ' '));
export const EN_INDUSTRIES = 'Trading Studio Labs Foods Design Retail Consulting Imports'.split(' ');
export const EN_COMPANY_SUFFIXES = ['Ltd', 'LLC', 'Co.', 'Inc.'];

export const CN_JOB_TITLES = '总经理 采购经理 店长 运营 老板 市场总监 行政主管 设计师 财务'.split(' ');
export const EN_JOB_TITLES = [
  'Founder',
  'Purchasing Manager',
  'Owner',
  'Operations Lead',
  'Marketing Director',
  'Office Manager',
  'Designer',
  'Buyer',
];

export interface City {
  city: string;
  province: string | null;
  country: string;
  /** How a landline is dialled there: a trunk prefix (`021`) in China, `+1 212` abroad. */
  dialPrefix: string;
  postcode: string;
  weight: number;
  domestic: boolean;
}

const cn = (city: string, province: string, areaCode: string, postcode: string, weight: number): City => ({
  city,
  province,
  country: '中国',
  dialPrefix: areaCode,
  postcode,
  weight,
  domestic: true,
});
const abroad = (
  city: string,
  province: string | null,
  country: string,
  dialPrefix: string,
  postcode: string,
): City => ({
  city,
  province,
  country,
  dialPrefix,
  postcode,
  weight: 1,
  domestic: false,
});

export const CITIES: City[] = [
  cn('上海', '上海市', '021', '200', 14),
  cn('北京', '北京市', '010', '100', 12),
  cn('深圳', '广东省', '0755', '518', 9),
  cn('广州', '广东省', '020', '510', 8),
  cn('杭州', '浙江省', '0571', '310', 8),
  cn('成都', '四川省', '028', '610', 6),
  cn('南京', '江苏省', '025', '210', 5),
  cn('苏州', '江苏省', '0512', '215', 5),
  cn('武汉', '湖北省', '027', '430', 4),
  cn('西安', '陕西省', '029', '710', 3),
  cn('重庆', '重庆市', '023', '400', 4),
  cn('天津', '天津市', '022', '300', 3),
  cn('长沙', '湖南省', '0731', '410', 3),
  cn('厦门', '福建省', '0592', '361', 2),
  cn('青岛', '山东省', '0532', '266', 2),
  cn('宁波', '浙江省', '0574', '315', 2),
  cn('郑州', '河南省', '0371', '450', 2),
  cn('昆明', '云南省', '0871', '650', 1),
];

export const INTERNATIONAL_CITIES: City[] = [
  abroad('New York', 'NY', 'United States', '+1 212', '10001'),
  abroad('San Francisco', 'CA', 'United States', '+1 415', '94103'),
  abroad('Toronto', 'ON', 'Canada', '+1 416', 'M5V 2T6'),
  abroad('London', 'England', 'United Kingdom', '+44 20', 'EC1A 1BB'),
  abroad('Manchester', 'England', 'United Kingdom', '+44 161', 'M1 1AE'),
  abroad('Singapore', null, 'Singapore', '+65 6', '018989'),
];

export const CN_STREETS =
  '南京西路 人民路 解放路 中山路 建设路 长安街 滨江大道 科技园路 文一西路 天府大道'.split(' ');
export const EN_STREETS = ['Market St', 'King St', 'High Street', 'Queen St W', 'Orchard Rd', 'Broadway'];

export const CN_EMAIL_DOMAINS: (readonly [string, number])[] = [
  ['qq.com', 5],
  ['163.com', 3],
  ['126.com', 1],
  ['sina.com', 1],
  ['gmail.com', 1],
];
export const EN_EMAIL_DOMAINS: (readonly [string, number])[] = [
  ['gmail.com', 5],
  ['outlook.com', 2],
  ['yahoo.com', 1],
  ['icloud.com', 1],
];

/** What the shop sells: Chinese name, English name, usual price in cents. */
export const PRODUCTS: readonly (readonly [string, string, number])[] = [
  ['明前龙井 250g', 'Dragon Well tea 250g', 26_800],
  ['手工茶具套装', 'Handmade tea set', 59_900],
  ['定制礼盒', 'Custom gift box', 38_800],
  ['云南普洱茶饼', 'Pu-erh tea cake', 19_900],
  ['真丝围巾', 'Silk scarf', 45_000],
  ['手作陶瓷杯', 'Ceramic mug', 8_800],
  ['有机红茶', 'Organic black tea', 12_800],
  ['企业年会礼品', 'Corporate gift pack', 128_000],
  ['香薰蜡烛套装', 'Scented candle set', 16_800],
  ['竹编收纳篮', 'Bamboo basket', 9_900],
];

export const CN_CHANNELS = ['淘宝', '微信小店', '官网', '门店', '抖音'];
export const EN_CHANNELS = ['Website', 'Amazon', 'Store', 'Etsy'];

export const TAGS: readonly (readonly [string, string])[] = [
  ['VIP', '#d97706'],
  ['批发', '#2563eb'],
  ['回头客', '#16a34a'],
  ['企业客户', '#0891b2'],
  ['海外', '#7c3aed'],
  ['价格敏感', '#db2777'],
  ['投诉过', '#dc2626'],
  ['Newsletter', '#4b5563'],
];

export const CN_NOTES = [
  '喜欢绿茶，每年双十一会囤货。',
  '只在工作日收货，地址是公司前台。',
  '老客户介绍来的，价格比较敏感。',
  '需要开增值税专用发票，抬头见公司名称。',
  '送礼用，包装要精美，附手写卡片。',
  '偏好顺丰快递，不要放快递柜。',
];
export const EN_NOTES = [
  'Prefers email over phone calls.',
  'Ships to the office, weekdays only.',
  'Referred by a long-time customer; price sensitive.',
  'Needs an invoice with the company name on it.',
  'Buys gifts for clients at the end of the year.',
];

type Template = readonly [kind: string, subject: string, body: string];

/** Conversation lines; `{p}` becomes the product the customer bought. */
export const CN_CONVERSATIONS: Template[] = [
  ['call', '电话回访', '回访{p}的使用情况，客户表示很满意，考虑下个月再订一批。'],
  ['call', '询价', '客户来电询问{p}的批发价，已报价，约定周五前回复。'],
  ['wechat', '微信咨询', '客户在微信上问{p}什么时候到货，已发物流单号。'],
  ['wechat', '售后', '客户反馈{p}包装有破损，已安排补发并道歉。'],
  ['email', '报价单', '已发送{p}的报价单和样品图片，等待确认。'],
  ['meeting', '拜访洽谈', '在客户公司面谈年度采购计划，重点是{p}。'],
  ['visit', '到店', '客户到店试用{p}，买了两件送朋友。'],
  ['message', '活动提醒', '提醒客户{p}的优惠活动本周日截止。'],
  ['note', '备注', '客户说春节前要订一批{p}做员工福利。'],
];
export const EN_CONVERSATIONS: Template[] = [
  ['call', 'Follow-up call', 'Checked how the {p} is working out; happy so far, may reorder next month.'],
  ['call', 'Price inquiry', 'Asked for wholesale pricing on {p}; sent figures, will hear back by Friday.'],
  ['email', 'Quote', 'Sent the quote and photos for {p}. Waiting for confirmation.'],
  ['email', 'Invoice request', 'Needs an invoice for the last order of {p}.'],
  ['meeting', 'Annual planning', "Met at their office to plan this year's orders, mainly {p}."],
  ['visit', 'Store visit', 'Came by the store to try the {p} and bought two as gifts.'],
  ['message', 'Reminder', 'Reminded them the {p} promotion ends on Sunday.'],
  ['wechat', 'WeChat chat', 'Asked on WeChat when the {p} ships; sent the tracking number.'],
  ['note', 'Note', 'Wants a batch of {p} before the holidays for the team.'],
];

export const CN_FEEDBACK = ['包装很用心', '发货有点慢', '质量很好，会回购', '客服回复及时', '价格偏高'];
export const EN_FEEDBACK = [
  'Lovely packaging',
  'Shipping was slow',
  'Great quality, will buy again',
  'Quick replies',
  'A bit pricey',
];

/** Deal titles (`{p}` = a product) and next steps of the demo pipeline. */
export const CN_DEAL_TITLES = [
  '{p} 批量采购',
  '{p} 年度供货',
  '年会礼品定制：{p}',
  '门店铺货：{p}',
  '{p} 代理合作',
];
export const EN_DEAL_TITLES = [
  'Bulk order: {p}',
  'Annual supply of {p}',
  'Corporate gifts: {p}',
  'Retail listing: {p}',
  'Reseller deal: {p}',
];
export const CN_NEXT_STEPS = ['发报价单', '寄样品', '约见面详谈', '确认合同条款', '电话跟进'];
export const EN_NEXT_STEPS = [
  'Send the quote',
  'Ship samples',
  'Book a meeting',
  'Confirm contract terms',
  'Follow-up call',
];
