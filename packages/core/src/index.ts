export * from './public-types';
export * from './tracking';
export * from './delivery';
