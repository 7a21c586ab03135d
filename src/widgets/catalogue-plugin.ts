/**
 * Vite plugin: `virtual:task-catalogue` is the server's built-in task catalogue as the browser
 * sees it (`GET /api/tasks`), generated when the site is built. The task demo plays it through
 * without a server, so the simulation offers exactly the tasks the server would.
 */
import type { Plugin } from 'vite';
import { BUILTIN_TASKS } from '../server/tasks/catalogue/index';
import { Catalogue } from '../server/tasks/task-catalogue';
import type { TaskDescription } from '../shared/tasks';

export const CATALOGUE_MODULE = 'virtual:task-catalogue';
const RESOLVED = `\0${CATALOGUE_MODULE}`;
/** A worker thread's memory limit as the server states it by default. */
const MEMORY_MB = 256;

export function builtinCatalogue(): TaskDescription[] {
  return new Catalogue(BUILTIN_TASKS).describe(MEMORY_MB);
}

export default function taskCatalogue(): Plugin {
  return {
    name: 'vs-task-catalogue',
    resolveId: (id) => (id === CATALOGUE_MODULE ? RESOLVED : undefined),
    load: (id) => (id === RESOLVED ? `export default ${JSON.stringify(builtinCatalogue())};` : undefined),
  };
}
