export * from './customers';
export * from './settings';
