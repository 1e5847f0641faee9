import { Initial1764230400000 } from './1764230400000-initial';

/** Every migration, oldest first. Never edit one after it is committed: add a new one. */
export const migrations = [Initial1764230400000];
