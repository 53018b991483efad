export * from './activity';
export * from './customFields';
export * from './customers';
export * from './settings';
export * from './tags';
export * from './workspace';
export * from './imports';
export * from './analytics';
