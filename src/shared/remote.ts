/**
 * The phone as the lecturer's remote: the phone page sends commands, the server passes them on
 * the deck's follow channel, and the presenter view carries them out.
 */

/** Name of the follow-channel event that carries a RemoteCommand to the presenter view. */
export const REMOTE_EVENT = 'remote';
/** `?fernbedienung` in a deck's address opens the phone page instead of the deck. */
export const REMOTE_PARAM = 'fernbedienung';

export const REMOTE_COMMANDS = ['next', 'previous', 'blackout'] as const;
export type RemoteCommand = (typeof REMOTE_COMMANDS)[number];

export const RemoteCommandSchema = {
  description: 'What the phone asks of the presenter view',
  type: 'object',
  properties: { command: { type: 'string', enum: [...REMOTE_COMMANDS] } },
  required: ['command'],
  additionalProperties: false,
} as const;

export function isRemoteCommand(value: unknown): value is RemoteCommand {
  return (REMOTE_COMMANDS as readonly unknown[]).includes(value);
}
