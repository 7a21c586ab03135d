import { ApiErrorSchema } from '../../../shared/tasks';

// Route documentation, read by an OpenAPI generator; declared as @fastify/swagger declares it.
declare module 'fastify' {
  interface FastifySchema {
    description?: string;
    summary?: string;
    tags?: readonly string[];
  }
}

/** Error answers a route may give, each in the one error format. */
export function errorResponses(...codes: number[]): Record<number, typeof ApiErrorSchema> {
  return Object.fromEntries(codes.map((code) => [code, ApiErrorSchema]));
}
