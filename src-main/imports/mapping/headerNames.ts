import type { ConversationTarget, CustomerTarget, OrderTarget } from '../../../src-shared/contract';

/**
 * What each import target is called in a file's header row: the name our own exports write
 * (English and Chinese, so an export maps back by itself) and the synonyms other tools use.
 * Matching ignores case, spaces, `_`, `-`, `.`, `:` and `*`; see mapping/suggest.ts.
 */
export interface HeaderName {
  en: string;
  zh: string;
  synonyms: readonly string[];
}

export const CUSTOMER_HEADER_NAMES: Record<CustomerTarget, HeaderName> = {
  externalId: {
    en: 'Customer ID',
    zh: '客户编号',
    synonyms: [
      'CustomerID',
      'Customer No',
      'ID',
      'External ID',
      'UID',
      '客户ID',
      '客户号',
      '编号',
      '会员号',
      '会员编号',
    ],
  },
  name: {
    en: 'Name',
    zh: '姓名',
    synonyms: [
      'Full name',
      'Customer',
      'Customer name',
      'Contact',
      'Contact name',
      '名字',
      '客户名称',
      '客户姓名',
      '客户',
      '联系人',
      '名称',
      '收货人',
      '收货人姓名',
      '买家昵称',
    ],
  },
  company: {
    en: 'Company',
    zh: '公司',
    synonyms: ['Organization', 'Organisation', 'Company name', '单位', '公司名称', '企业', '工作单位'],
  },
  jobTitle: { en: 'Job title', zh: '职位', synonyms: ['Title', 'Position', 'Role', '职务', '头衔'] },
  email: {
    en: 'Email',
    zh: '邮箱',
    synonyms: [
      'E-mail',
      'Email address',
      'Mail',
      '电子邮件',
      '电子邮箱',
      '邮件',
      '邮箱地址',
      'Email 2',
      'Email 3',
      '邮箱2',
    ],
  },
  phone: {
    en: 'Phone',
    zh: '手机',
    synonyms: [
      'Mobile',
      'Cell',
      'Telephone',
      'Tel',
      'Phone number',
      'Mobile phone',
      '电话',
      '联系电话',
      '手机号',
      '手机号码',
      '电话号码',
      '座机',
      'Phone 2',
      'Phone 3',
      '电话2',
      '手机2',
      '联系手机',
      '收货人手机',
      '手机号码2',
    ],
  },
  wechat: { en: 'WeChat', zh: '微信', synonyms: ['Weixin', 'WeChat ID', '微信号'] },
  country: { en: 'Country', zh: '国家', synonyms: ['Country/Region', 'Nation', '国家/地区', '国家地区'] },
  province: {
    en: 'Province',
    zh: '省份',
    synonyms: ['State', 'Region', 'Province/State', '省', '省/州', '州'],
  },
  city: { en: 'City', zh: '城市', synonyms: ['Town', '市', '所在城市', '城市/地区'] },
  street: {
    en: 'Street',
    zh: '地址',
    synonyms: ['Address', 'Street address', '详细地址', '街道', '收货地址', '通讯地址'],
  },
  postcode: { en: 'Postcode', zh: '邮编', synonyms: ['Postal code', 'ZIP', 'ZIP code', '邮政编码'] },
  source: { en: 'Source', zh: '来源', synonyms: ['Lead source', 'Channel', '客户来源', '渠道'] },
  stage: { en: 'Stage', zh: '阶段', synonyms: ['Status', 'Lifecycle stage', '客户阶段', '状态'] },
  birthday: {
    en: 'Birthday',
    zh: '生日',
    synonyms: ['Birth date', 'Date of birth', 'DOB', '出生日期', '出生年月'],
  },
  notes: { en: 'Notes', zh: '备注', synonyms: ['Note', 'Comment', 'Comments', 'Remarks', '说明', '附注'] },
  consent: {
    en: 'Marketing consent',
    zh: '营销同意',
    synonyms: ['Consent', 'Opt-in', 'Marketing opt-in', '同意营销', '是否同意营销', '营销许可'],
  },
  tags: { en: 'Tags', zh: '标签', synonyms: ['Tag', 'Labels', 'Label', '分组', '客户标签'] },
};

const customerReference = {
  customerExternalId: {
    en: 'Customer ID',
    zh: '客户编号',
    synonyms: ['CustomerID', 'Customer No', '客户ID', '客户号', '会员号', '会员编号'],
  },
  customerEmail: { en: 'Email', zh: '邮箱', synonyms: ['Customer email', 'E-mail', '电子邮件', '客户邮箱'] },
  customerPhone: {
    en: 'Phone',
    zh: '手机',
    synonyms: [
      'Customer phone',
      'Mobile',
      'Telephone',
      '电话',
      '联系电话',
      '手机号',
      '联系手机',
      '收货人手机',
    ],
  },
  customerName: {
    en: 'Customer',
    zh: '客户',
    synonyms: [
      'Name',
      'Customer name',
      '姓名',
      '客户名称',
      '客户姓名',
      '买家',
      '买家姓名',
      '收货人',
      '收货人姓名',
      '买家会员名',
    ],
  },
  customerCountry: { en: 'Country', zh: '国家', synonyms: ['Country/Region', '国家/地区'] },
} as const satisfies Record<string, HeaderName>;

export const ORDER_HEADER_NAMES: Record<OrderTarget, HeaderName> = {
  ...customerReference,
  invoice: {
    en: 'Invoice',
    zh: '订单号',
    synonyms: [
      'InvoiceNo',
      'Invoice No',
      'Invoice number',
      'Order',
      'Order ID',
      'Order No',
      'Order number',
      '订单编号',
      '单号',
      '发票号',
      '订单ID',
    ],
  },
  orderedAt: {
    en: 'Date',
    zh: '日期',
    synonyms: [
      'InvoiceDate',
      'Invoice date',
      'Order date',
      'Ordered at',
      'Time',
      '下单时间',
      '订单日期',
      '下单日期',
      '时间',
      '成交时间',
      '付款时间',
      '订单创建时间',
      '创建时间',
    ],
  },
  amount: {
    en: 'Amount',
    zh: '金额',
    synonyms: [
      'Total',
      'Order total',
      'Amount paid',
      'Revenue',
      '订单金额',
      '总金额',
      '实付金额',
      '成交金额',
      '合计',
      '总价',
      'Total amount',
      '买家实际支付金额',
      '实收款',
      '订单总金额',
    ],
  },
  currency: { en: 'Currency', zh: '币种', synonyms: ['货币', 'Currency code'] },
  status: { en: 'Status', zh: '状态', synonyms: ['Order status', '订单状态'] },
  description: { en: 'Description', zh: '说明', synonyms: ['Order description', '订单说明', '摘要'] },
  channel: { en: 'Channel', zh: '渠道', synonyms: ['Sales channel', 'Store', '销售渠道', '店铺', '平台'] },
  sku: {
    en: 'SKU',
    zh: '商品编码',
    synonyms: [
      'StockCode',
      'Stock code',
      'Item code',
      'Product code',
      '货号',
      '商品编号',
      '编码',
      '商家编码',
      'SKU编码',
    ],
  },
  lineDescription: {
    en: 'Item',
    zh: '商品',
    synonyms: [
      'Product',
      'Item name',
      'Product name',
      'Description',
      '商品名称',
      '品名',
      '产品',
      '产品名称',
      '宝贝标题',
      '商品标题',
    ],
  },
  quantity: { en: 'Quantity', zh: '数量', synonyms: ['Qty', '件数', '购买数量'] },
  unitPrice: { en: 'Unit price', zh: '单价', synonyms: ['UnitPrice', 'Price', '价格', '商品单价'] },
};

export const CONVERSATION_HEADER_NAMES: Record<ConversationTarget, HeaderName> = {
  ...customerReference,
  occurredAt: {
    en: 'Date',
    zh: '日期',
    synonyms: ['Time', 'When', 'Occurred at', '时间', '沟通时间', '联系时间'],
  },
  kind: { en: 'Channel', zh: '方式', synonyms: ['Type', 'Kind', '沟通方式', '类型', '联系方式'] },
  direction: { en: 'Direction', zh: '方向', synonyms: ['In/Out', '呼入呼出'] },
  subject: { en: 'Subject', zh: '主题', synonyms: ['Title', '标题', '事由'] },
  body: {
    en: 'Notes',
    zh: '内容',
    synonyms: ['Body', 'Details', 'Summary', 'Note', '沟通内容', '记录', '备注', '详情'],
  },
  durationMinutes: {
    en: 'Minutes',
    zh: '时长(分钟)',
    synonyms: ['Duration', 'Duration (min)', '时长', '分钟'],
  },
};

export const HEADER_NAMES = {
  customers: CUSTOMER_HEADER_NAMES,
  orders: ORDER_HEADER_NAMES,
  conversations: CONVERSATION_HEADER_NAMES,
} as const;
