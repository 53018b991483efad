// Plain, without zod, for worker threads (see importTerms.ts); fields.ts re-exports it.

/** WHATWG "valid email address": rejects quoted local parts, comments and lists, which mail libraries misroute. */
export const EMAIL_PATTERN =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
