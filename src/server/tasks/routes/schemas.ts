import { ApiErrorSchema } from '../../../shared/tasks';

/** Error answers a route may give, each in the one error format. */
export function errorResponses(...codes: number[]): Record<number, typeof ApiErrorSchema> {
  return Object.fromEntries(codes.map((code) => [code, ApiErrorSchema]));
}
