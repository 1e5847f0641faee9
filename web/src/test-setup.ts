import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Waits end when the state shows up; the long ceiling is for a machine whose cores are busy (CI, benches).
configure({ asyncUtilTimeout: 15000 });

afterEach(() => cleanup());
