import { readFileSync } from 'node:fs';

/** The product version from package.json, as the status route and the OpenAPI document report it. */
export const VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
