/**
 * Every bench scenario, in the order they run. A new area adds a file beside this one exporting a
 * `Scenario` and one line here.
 */
import type { Scenario } from '../lib/scenario';
import { catalogScenario } from './catalog';
import { credentialsScenario } from './credentials';
import { gradebookScenario } from './gradebook';
import { httpScenario } from './http';
import { registryImportScenario } from './registry-import';
import { registryMatchingScenario } from './registry-matching';
import { startupScenario } from './startup';
import { talentMatchingScenario } from './talent-matching';
import { talentSearchScenario } from './talent-search';

export const scenarios: Scenario[] = [
  httpScenario,
  startupScenario,
  credentialsScenario,
  catalogScenario,
  gradebookScenario,
  registryMatchingScenario,
  registryImportScenario,
  talentSearchScenario,
  talentMatchingScenario,
];
