import { describe, expect, it } from 'vitest';
import { runCommand, type Controls } from '../../../src/viewer/commands';
import { Modes } from '../../../src/viewer/model/modes';
import { Navigation } from '../../../src/viewer/model/navigation';
import { Timer } from '../../../src/viewer/model/timer';
import { Zoom } from '../../../src/viewer/model/zoom';
import { Ink } from '../../../src/viewer/model/ink';
import { sample } from './fixture';

function controls(): Controls & { calls: string[] } {
  const calls: string[] = [];
  return {
    navigation: new Navigation(sample),
    modes: new Modes(),
    timer: new Timer(() => 0),
    zoom: new Zoom(),
    ink: new Ink(),
    openClone: () => calls.push('clone'),
    print: () => calls.push('print'),
    demo: (command) => calls.push(`demo ${command}`),
    poll: () => calls.push('poll'),
    remote: () => calls.push('remote'),
    calls,
  };
}

describe('runCommand', () => {
  it('moves the navigation model: next, previous, last, first, jump by number', () => {
    const c = controls();
    runCommand(c, { kind: 'next' });
    runCommand(c, { kind: 'next' });
    runCommand(c, { kind: 'previous' });
    expect(c.navigation.index).toBe(1);
    runCommand(c, { kind: 'last' });
    expect(c.navigation.index).toBe(3);
    runCommand(c, { kind: 'first' });
    runCommand(c, { kind: 'jump', number: 3 });
    expect(c.navigation.slide.name).toBe('schluss');
  });

  it('toggles modes, and Escape closes help, overview and blackout but not the presenter view', () => {
    const c = controls();
    const modes = ['presenter', 'blackout', 'help'] as const;
    for (const kind of modes) runCommand(c, { kind });
    for (const mode of modes) expect(c.modes.has(mode), mode).toBe(true);
    runCommand(c, { kind: 'escape' });
    expect(c.modes.has('help') || c.modes.has('blackout')).toBe(false);
    expect(c.modes.has('presenter')).toBe(true);
    runCommand(c, { kind: 'overview' });
    runCommand(c, { kind: 'overview' });
    expect(c.modes.has('overview')).toBe(false);
  });

  it('during a blackout a move only ends the blackout; the next one moves', () => {
    const c = controls();
    for (const kind of ['next', 'previous', 'first', 'last'] as const) {
      runCommand(c, { kind: 'blackout' });
      runCommand(c, { kind });
      expect(c.modes.has('blackout'), kind).toBe(false);
      expect(c.navigation.index, kind).toBe(0);
    }
    runCommand(c, { kind: 'blackout' });
    runCommand(c, { kind: 'jump', number: 3 });
    expect(c.navigation.index).toBe(0);
    runCommand(c, { kind: 'jump', number: 3 });
    expect(c.navigation.slide.name).toBe('schluss');
  });

  it('during a blackout the timer and the presenter view work as always', () => {
    const c = controls();
    runCommand(c, { kind: 'blackout' });
    runCommand(c, { kind: 'timer-toggle' });
    runCommand(c, { kind: 'presenter' });
    expect(c.timer.state).toBe('running');
    expect(c.modes.has('presenter')).toBe(true);
    expect(c.modes.has('blackout')).toBe(true);
  });

  it('starts, pauses and resets the timer', () => {
    const c = controls();
    runCommand(c, { kind: 'timer-toggle' });
    expect(c.timer.state).toBe('running');
    runCommand(c, { kind: 'timer-toggle' });
    expect(c.timer.state).toBe('paused');
    runCommand(c, { kind: 'timer-reset' });
    expect(c.timer.state).toBe('idle');
  });

  it('hands clone and print to the page', () => {
    const c = controls();
    runCommand(c, { kind: 'clone' });
    runCommand(c, { kind: 'print' });
    expect(c.calls).toEqual(['clone', 'print']);
  });

  it('hands the demo console’s commands to the current slide’s demo', () => {
    const c = controls();
    for (const kind of ['demo-run', 'demo-queue', 'demo-batch', 'demo-reset'] as const) runCommand(c, { kind });
    expect(c.calls).toEqual(['demo run', 'demo queue', 'demo batch', 'demo reset']);
    expect(c.navigation.index).toBe(0);
  });

  it('asks for the slide’s poll on A, without moving', () => {
    const c = controls();
    runCommand(c, { kind: 'poll' });
    expect(c.calls).toEqual(['poll']);
    expect(c.navigation.index).toBe(0);
  });
});
