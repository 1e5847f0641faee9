import { Role } from '@tillit/contract';

export const DEMO_ORGANISATION = 'Exempelkommunen (demo)';
export const DEMO_PASSWORD = 'tillit-demo-2026';

/** One demo user per role; the README lists them. */
export const DEMO_ACCOUNTS: ReadonlyArray<{ email: string; displayName: string; role: Role }> = [
  { email: 'admin@demo.tillit.se', displayName: 'Alva Admin', role: 'admin' },
  { email: 'forandringsledare@demo.tillit.se', displayName: 'Frida Förändringsledare', role: 'change_lead' },
  { email: 'hr@demo.tillit.se', displayName: 'Hugo HR', role: 'hr' },
  { email: 'styrelse@demo.tillit.se', displayName: 'Stina Styrelseledamot', role: 'board_member' },
  { email: 'medarbetare@demo.tillit.se', displayName: 'Maja Medarbetare', role: 'contributor' },
  { email: 'lasare@demo.tillit.se', displayName: 'Linus Läsare', role: 'viewer' },
];
