export * from './delivery';
export * from './public-types';
export * from './tracking';
