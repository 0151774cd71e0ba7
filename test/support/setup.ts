// Run by vitest before every test file (vitest.config.ts: setupFiles), even when files share modules.
import { afterAll } from 'vitest';
import { removeTempDirs } from './temp-dirs.js';

afterAll(removeTempDirs);
