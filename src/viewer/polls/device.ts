import { DEVICE_ID_PATTERN } from '../../shared/polls';
import { load, save } from '../storage';

const DEVICE_KEY = 'vs-device';
const DEVICE_ID = new RegExp(DEVICE_ID_PATTERN);

/** This device's anonymous id: random, made here once, kept in this browser only. */
export function deviceId(): string {
  let id = load('local', DEVICE_KEY);
  if (!id || !DEVICE_ID.test(id)) {
    id = crypto.randomUUID().replaceAll('-', '');
    save('local', DEVICE_KEY, id);
  }
  return id;
}
