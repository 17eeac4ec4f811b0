// Run in every test file (vitest.config.ts setupFiles): the current test, for
// skips on a missing system package; the temporary folders removed after the file.
import { afterAll, afterEach, beforeEach } from 'vitest';
import { removeTmpDirs } from './cli.js';
import { setCurrentTest } from './system.js';

beforeEach((ctx) => setCurrentTest(ctx));
afterEach(() => setCurrentTest(undefined));
afterAll(removeTmpDirs);
