/**
 * The in-memory limiter and its result by their own files: the package's index loads every store adapter
 * (Redis, Mongo, Postgres, DynamoDB, …) it offers, a third of a second of start-up for classes never used.
 * The types are the package's own.
 */
declare module 'rate-limiter-flexible/lib/RateLimiterMemory.js' {
  import { RateLimiterMemory } from 'rate-limiter-flexible';
  export default RateLimiterMemory;
}
declare module 'rate-limiter-flexible/lib/RateLimiterRes.js' {
  import { RateLimiterRes } from 'rate-limiter-flexible';
  export default RateLimiterRes;
}
