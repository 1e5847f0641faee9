// The permission table lives in the contract, shared with the web (which hides what a role may not do).
export { allows, PERMISSIONS } from '@tillit/contract';
export type { Permission } from '@tillit/contract';
