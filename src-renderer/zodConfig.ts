import { z } from 'zod';

// zod compiles fast parsers with `new Function` and probes for it first. Our CSP forbids eval, so
// the probe is blocked and Chromium reports a CSP violation for every attempt, even though zod
// falls back. Jitless mode skips the probe; the forms validate a handful of fields, speed is moot.
// Imported first by main.tsx, before any schema parses.
z.config({ jitless: true });
