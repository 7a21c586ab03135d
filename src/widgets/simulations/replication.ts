/**
 * Single-leader replication with one synchronous and one asynchronous follower: a write, the
 * replication lag of the asynchronous follower, a read that misses the own write
 * (read-your-writes violated) and the fix (read at least the version you wrote).
 */
import { between, clampStep, seededRandom } from './random';

export type NodeId = 'client' | 'leader' | 'sync' | 'async';

export interface ReplicaNode {
  id: NodeId;
  label: string;
  /** The profile name this node holds (the client: what it last saw). */
  value: string;
  version: number;
}

export interface Message {
  from: NodeId;
  to: NodeId;
  label: string;
  /** `unterwegs`: sent but not yet applied (the lag). */
  state: 'zugestellt' | 'unterwegs' | 'abgelehnt';
}

export interface ReplicationState {
  step: number;
  steps: number;
  caption: string;
  nodes: ReplicaNode[];
  messages: Message[];
  /** Milliseconds the asynchronous follower lags behind, drawn from the seed. */
  lagMs: number;
  /** True while the client has just read an older value than it wrote itself. */
  readYourWritesViolated: boolean;
}

export const REPLICATION_STEPS = 7;

const OLD = 'Ada';
const NEW = 'Ada L.';

export function replicationState(step: number, seed: number): ReplicationState {
  const current = clampStep(step, REPLICATION_STEPS);
  const lagMs = between(seededRandom(seed), 200, 900);
  const leaderVersion = current >= 1 ? 2 : 1;
  const syncVersion = current >= 2 ? 2 : 1;
  const asyncVersion = current >= 6 ? 2 : 1;
  const value = (version: number): string => (version === 2 ? NEW : OLD);
  const clientSaw: Record<number, [string, number]> = { 4: [OLD, 1] };
  const [clientValue, clientVersion] = clientSaw[current] ?? (current >= 3 ? [NEW, 2] : [OLD, 1]);
  const nodes: ReplicaNode[] = [
    { id: 'client', label: 'Client', value: clientValue, version: clientVersion },
    { id: 'leader', label: 'Leader', value: value(leaderVersion), version: leaderVersion },
    { id: 'sync', label: 'Follower 1 (synchron)', value: value(syncVersion), version: syncVersion },
    { id: 'async', label: 'Follower 2 (asynchron)', value: value(asyncVersion), version: asyncVersion },
  ];
  const stepMessages: Message[][] = [
    [],
    [{ from: 'client', to: 'leader', label: `schreibe „${NEW}“`, state: 'zugestellt' }],
    [
      { from: 'leader', to: 'sync', label: 'v2', state: 'zugestellt' },
      { from: 'leader', to: 'async', label: 'v2', state: 'unterwegs' },
    ],
    [
      { from: 'leader', to: 'client', label: 'OK (v2)', state: 'zugestellt' },
      { from: 'leader', to: 'async', label: 'v2', state: 'unterwegs' },
    ],
    [
      { from: 'client', to: 'async', label: 'lies', state: 'zugestellt' },
      { from: 'leader', to: 'async', label: 'v2', state: 'unterwegs' },
    ],
    [
      { from: 'client', to: 'async', label: 'lies ab v2', state: 'abgelehnt' },
      { from: 'client', to: 'sync', label: 'lies ab v2', state: 'zugestellt' },
      { from: 'leader', to: 'async', label: 'v2', state: 'unterwegs' },
    ],
    [{ from: 'leader', to: 'async', label: 'v2', state: 'zugestellt' }],
  ];
  const captions = [
    `Alle Knoten speichern den Profilnamen „${OLD}“ (Version 1). Schreiben darf nur der Leader.`,
    `Der Client ändert den Namen auf „${NEW}“. Der Leader schreibt Version 2 in sein Log.`,
    `Der Leader repliziert: Follower 1 ist synchron, der Leader wartet auf ihn. Follower 2 ist asynchron, seine Kopie ist noch unterwegs.`,
    `Follower 1 hat bestätigt, also meldet der Leader „OK“. Follower 2 hinkt ${lagMs} ms hinterher (Replikationsverzögerung).`,
    `Der Client lädt neu, die Leseanfrage landet bei Follower 2: Er liefert „${OLD}“. Die eigene Änderung ist verschwunden – Read-your-writes ist verletzt.`,
    `Abhilfe: Der Client merkt sich seine Version und liest „ab Version 2“. Follower 2 lehnt ab, solange er zurückliegt; Follower 1 antwortet mit „${NEW}“.`,
    `Nach ${lagMs} ms hat auch Follower 2 Version 2 angewandt. Alle Kopien stimmen wieder überein (letztendliche Konsistenz).`,
  ];
  return {
    step: current,
    steps: REPLICATION_STEPS,
    caption: captions[current]!,
    nodes,
    messages: stepMessages[current]!,
    lagMs,
    readYourWritesViolated: current === 4,
  };
}
