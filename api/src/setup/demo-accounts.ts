import { Role } from '@tillit/contract';

export const DEMO_ORGANISATION = 'Exempelkommunen (demo)';
export const DEMO_PASSWORD = 'tillit-demo-2026';

/**
 * One demo user per role, and a nämnd of five board members (Stina chairs it) so a decision can be
 * taken with a quorum, a justerare and a secretary who is none of them; the README lists them.
 */
export const DEMO_ACCOUNTS: ReadonlyArray<{ email: string; displayName: string; role: Role }> = [
  { email: 'admin@demo.tillit.se', displayName: 'Alva Admin', role: 'admin' },
  { email: 'forandringsledare@demo.tillit.se', displayName: 'Frida Förändringsledare', role: 'change_lead' },
  { email: 'hr@demo.tillit.se', displayName: 'Hugo HR', role: 'hr' },
  { email: 'styrelse@demo.tillit.se', displayName: 'Stina Styrelseledamot', role: 'board_member' },
  { email: 'ledamot1@demo.tillit.se', displayName: 'Bengt Berg', role: 'board_member' },
  { email: 'ledamot2@demo.tillit.se', displayName: 'Karin Kvist', role: 'board_member' },
  { email: 'ledamot3@demo.tillit.se', displayName: 'Omar Nilsson', role: 'board_member' },
  { email: 'ledamot4@demo.tillit.se', displayName: 'Eva Ek', role: 'board_member' },
  { email: 'medarbetare@demo.tillit.se', displayName: 'Maja Medarbetare', role: 'contributor' },
  { email: 'lasare@demo.tillit.se', displayName: 'Linus Läsare', role: 'viewer' },
];
