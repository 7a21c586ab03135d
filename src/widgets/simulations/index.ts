/** Defines the step-deterministic simulations: one custom element per simulation. */
import { DEMO_TITLES, demoElementName, type DemoName } from '../../shared/demos';
import { balancingState } from './balancing';
import { clockState } from './clocks';
import { deliveryState } from './delivery';
import { drawBalancing } from './draw-balancing';
import { drawClocks } from './draw-clocks';
import { drawDelivery } from './draw-delivery';
import { drawHashing } from './draw-hashing';
import { drawReplication } from './draw-replication';
import { hashingState } from './hashing';
import { replicationState } from './replication';
import { simulationElement, type Simulation, type StepState } from './simulation-element';

function define<S extends StepState>(name: DemoName, simulation: Omit<Simulation<S>, 'title'>): void {
  const element = demoElementName(name);
  if (!customElements.get(element)) {
    customElements.define(element, simulationElement({ ...simulation, title: DEMO_TITLES[name] }));
  }
}

define('replication', { seed: 3, state: replicationState, draw: drawReplication });
define('delivery', { seed: 5, state: deliveryState, draw: drawDelivery });
define('clocks', { seed: 4, state: clockState, draw: drawClocks });
define('hashing', { seed: 1, state: hashingState, draw: drawHashing });
define('balancing', { seed: 55, state: balancingState, draw: drawBalancing });
