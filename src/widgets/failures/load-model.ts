import type { LoadDemoState } from '../../shared/demos';
import type { LoadReport, LoadRequest } from '../../shared/teach';
import { RunDemoModel } from './run-model';

/** Above the capacity of two workers (4 jobs/s of 0,5 s), short enough for a slide. */
export const DEFAULT_LOAD: LoadRequest = { rate: 12, durationS: 15, jobMs: 500 };

export type LoadDemoModel = RunDemoModel<'load', LoadRequest, LoadReport>;

/** The load generator's last run as the server measures it, read every half second while it runs. */
export function loadDemoModel(server: string, onChange: (state: LoadDemoState) => void): LoadDemoModel {
  return new RunDemoModel(server, { demo: 'load', path: '/api/load', request: DEFAULT_LOAD, followMs: 500 }, onChange);
}
