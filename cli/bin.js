#!/usr/bin/env node
// `npx nhanluc …`: runs the TypeScript CLI in this process through tsx, so there is no build step.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
