/** Live demo widgets a slide can embed with the `demo` macro; widget `x` is the element `<x-demo>`. */
export const DEMOS = [
  'tracking',
  'task',
  'timeout',
  'replication',
  'delivery',
  'clocks',
  'hashing',
  'balancing',
] as const;
export type DemoName = (typeof DEMOS)[number];

export function demoElementName(name: DemoName): `${DemoName}-demo` {
  return `${name}-demo`;
}

/** The hint every widget shows when its server cannot be reached. */
export const OFFLINE_HINT = 'Server nicht erreichbar — starten mit `npm start`';
