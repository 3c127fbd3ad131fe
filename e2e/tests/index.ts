/** Every end-to-end test, in the order they run. A new area adds a file and one line here. */
import type { E2eTest } from '../lib/harness';
import { adminTests } from './admin';
import { authTests } from './auth';
import { duplicateTests } from './duplicates';
import { eventTests } from './events';
import { impactTests } from './impact';
import { learningTests } from './learning';
import { pageTests } from './pages';
import { peopleTests } from './people';
import { privacyTests } from './privacy';
import { registryTests } from './registry';
import { registryPartnerTests } from './registry-partners';
import { talentTests } from './talent';

export const tests: E2eTest[] = [
  ...authTests,
  ...adminTests,
  ...pageTests,
  // Before learning: a learning test revokes the demo learner's certificate, whose verified skills
  // the jobs test matches against.
  ...talentTests,
  ...learningTests,
  ...privacyTests,
  ...registryTests,
  ...registryPartnerTests,
  ...peopleTests,
  ...duplicateTests,
  ...eventTests,
  // Last: it merges the demo's duplicate pair of New Opportunities learners.
  ...impactTests,
];
