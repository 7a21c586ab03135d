import type { BalancerDemoState } from '../../shared/demos';
import type { BalanceReport, BalanceRequest } from '../../shared/teach';
import { RunDemoModel } from './run-model';

export const DEFAULT_BALANCE: BalanceRequest = { algorithm: 'round-robin', jobs: 12, intervalMs: 150 };

export type BalancerDemoModel = RunDemoModel<'balancer', BalanceRequest, BalanceReport>;

/** The last run of the task server's balancer over three workers of different speed, read while it runs. */
export function balancerDemoModel(server: string, onChange: (state: BalancerDemoState) => void): BalancerDemoModel {
  return new RunDemoModel(
    server,
    { demo: 'balancer', path: '/api/balance', request: DEFAULT_BALANCE, followMs: 300 },
    onChange,
  );
}
