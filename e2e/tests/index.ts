/** Every end-to-end test, in the order they run. A new area adds a file and one line here. */
import type { E2eTest } from '../lib/harness';
import { adminTests } from './admin';
import { authTests } from './auth';
import { learningTests } from './learning';
import { pageTests } from './pages';

export const tests: E2eTest[] = [...authTests, ...adminTests, ...pageTests, ...learningTests];
