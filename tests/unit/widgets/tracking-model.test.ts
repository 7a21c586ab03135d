import { afterEach, describe, expect, it } from 'vitest';
import { OFFLINE_HINT, type TrackingDemoState } from '../../../src/shared/demos';
import { LiveVisits } from '../../../src/widgets/tracking-backend';
import { CHART_MINUTES, LIST_LENGTH, TrackingDemoModel } from '../../../src/widgets/tracking-model';
import { SimulatedVisits } from '../../../src/widgets/tracking-simulation';

let model: TrackingDemoModel | undefined;

afterEach(() => {
  model?.dispose();
  model = undefined;
});

const NOW = Date.parse('2026-12-03T09:00:30Z');

function start(seen: TrackingDemoState[] = []): TrackingDemoModel {
  // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
  const server = 'http://127.0.0.1:9';
  model = new TrackingDemoModel({
    server,
    live: new LiveVisits(server),
    simulated: new SimulatedVisits(),
    now: () => NOW,
    onChange: (state) => seen.push(state),
  });
  return model;
}

describe('TrackingDemoModel', () => {
  it('without a server: a labelled simulation with half an hour of minutes, the newest last', async () => {
    const demo = start();
    await demo.start();
    const { state } = demo;
    expect(state.connection).toBe('simulated');
    expect(state.status).toBe(`${OFFLINE_HINT} Gezeigt wird eine Simulation.`);
    expect(state.minutes).toHaveLength(CHART_MINUTES);
    expect(state.minutes.at(-1)?.start).toBe(Date.parse('2026-12-03T09:00:00Z'));
    expect(state.minutes[0]?.start).toBe(Date.parse('2026-12-03T08:31:00Z'));
  });

  it('"Besuch senden" adds a visit to the list and the count; the list stays short', async () => {
    const demo = start();
    await demo.start();
    for (let i = 0; i < LIST_LENGTH + 2; i++) await demo.send(`/seite-${i}`, '');
    const { state } = demo;
    expect(state.message).toBe('Simulierter Besuch hinzugefügt.');
    expect(state.total).toBeGreaterThanOrEqual(LIST_LENGTH + 2);
    expect(state.visits).toHaveLength(LIST_LENGTH);
    expect(state.visits[0]?.path).toBe(`/seite-${LIST_LENGTH + 1}`);
  });

  it('the state is plain data that survives JSON, as another window receives it', async () => {
    const demo = start();
    await demo.start();
    await demo.send('/<b>fett</b>', '');
    expect(JSON.parse(JSON.stringify(demo.state))).toEqual(demo.state);
    expect(JSON.stringify(demo.state).length).toBeLessThan(16 * 1024);
  });
});
