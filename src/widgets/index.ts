/** Defines the live demo widgets; a page or slide includes this module once. */
import { demoElementName } from '../shared/demos';
import { ClusterDemo } from './cluster/cluster-demo';
import { BalancerDemo } from './failures/balancer-demo';
import { CrashDemo } from './failures/crash-demo';
import { IdempotencyDemo } from './failures/idempotency-demo';
import { LoadDemo } from './failures/load-demo';
import { TaskDemo } from './task-demo';
import { TimeoutDemo } from './timeout/timeout-demo';
import { TrackingDemo } from './tracking-demo';

function define(name: string, element: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, element);
}

define(demoElementName('tracking'), TrackingDemo);
define(demoElementName('task'), TaskDemo);
define(demoElementName('timeout'), TimeoutDemo);
define(demoElementName('crash'), CrashDemo);
define(demoElementName('idempotency'), IdempotencyDemo);
define(demoElementName('load'), LoadDemo);
define(demoElementName('balancer'), BalancerDemo);
define(demoElementName('cluster'), ClusterDemo);

// The simulations are their own chunk, loaded only once a live demo is already on its way.
void import('./simulations/index');
