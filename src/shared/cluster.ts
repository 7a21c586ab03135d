/** One instance of the site as the cluster demo lists it. */
export interface ClusterInstance {
  name: string;
  /** Open HTTP connections (event streams included) at its last heartbeat. */
  connections: number;
  /** `running`: heartbeat fresh; `silent`: heartbeat overdue (killed, hung); `stopped`: shut down gracefully. */
  state: 'running' | 'silent' | 'stopped';
  startedAt: string;
  seenAt: string;
}

/** GET /api/cluster: the instances of this deployment and the one that answered. */
export interface ClusterReport {
  /** Whether the instances share a backend (Redis); false: this one instance alone. */
  shared: boolean;
  /** The instance that answered (as in `X-Instance`). */
  self: string;
  instances: ClusterInstance[];
}

/** POST /api/cluster/stop: which instance to stop gracefully. */
export interface ClusterStopRequest {
  instance: string;
}

export const CLUSTER_PATH = '/api/cluster';
/** An instance name as INSTANCE sets it (host name and port by default). */
const NAME = { type: 'string', minLength: 1, maxLength: 100 } as const;

export const ClusterReportSchema = {
  type: 'object',
  properties: {
    shared: { type: 'boolean' },
    self: { type: 'string' },
    instances: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          connections: { type: 'integer' },
          state: { type: 'string', enum: ['running', 'silent', 'stopped'] },
          startedAt: { type: 'string' },
          seenAt: { type: 'string' },
        },
        required: ['name', 'connections', 'state', 'startedAt', 'seenAt'],
      },
    },
  },
  required: ['shared', 'self', 'instances'],
} as const;

export const ClusterStopRequestSchema = {
  type: 'object',
  properties: { instance: NAME },
  required: ['instance'],
  additionalProperties: false,
} as const;

export const ClusterStopReplySchema = {
  type: 'object',
  properties: { instance: { type: 'string' }, message: { type: 'string' } },
  required: ['instance', 'message'],
} as const;

export interface ClusterStopReply {
  instance: string;
  message: string;
}
