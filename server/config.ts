import { z } from 'zod';

// The one place that reads process.env (architecture: config.ts → frozen Config).
const ZEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default('data'),
  SQLITE_FILE: z.string().optional(),
  DEMO: z.enum(['0', '1']).default('0'),
  COOKIE_SECURE: z.enum(['0', '1']).default('1'),
  SESSION_IDLE_MINUTES: z.coerce.number().positive().default(15),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().positive().default(10),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().positive().default(15),
  LOGIN_FAILURE_DELAY_MS: z.coerce.number().min(0).default(250),
  // security.md "Passwords": TOTP required for officials; 'optional' = only enrolled accounts give a code (tests, demo).
  MFA: z.enum(['required', 'optional']).default('required'),
  ALLOWED_ORIGINS: z.string().default(''),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_DIST: z.string().default('dist/web'),
});

export type Config = Readonly<{
  port: number;
  host: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  isDemo: boolean;
  cookieSecure: boolean;
  session: { idleMs: number; absoluteMs: number };
  login: { maxFailures: number; lockMs: number; failureDelayMs: number };
  /** 'required': every role but `member` must have a TOTP factor; 'optional': enrolled accounts still give a code. */
  mfa: 'required' | 'optional';
  allowedOrigins: string[];
  logLevel: string;
  webDist: string;
}>;

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const e = ZEnv.parse(env);
  const isDemo = e.DEMO === '1';
  const database =
    e.DATABASE_URL && /^postgres(ql)?:\/\//.test(e.DATABASE_URL)
      ? ({ kind: 'postgres', url: e.DATABASE_URL } as const)
      : ({ kind: 'sqlite', file: e.SQLITE_FILE ?? `${e.DATA_DIR}/${isDemo ? 'demo' : 'dangvien'}.sqlite` } as const);
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    database,
    isDemo,
    cookieSecure: e.COOKIE_SECURE === '1',
    session: { idleMs: e.SESSION_IDLE_MINUTES * 60_000, absoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000 },
    login: { maxFailures: e.LOGIN_MAX_FAILURES, lockMs: e.LOGIN_LOCK_MINUTES * 60_000, failureDelayMs: e.LOGIN_FAILURE_DELAY_MS },
    mfa: e.MFA,
    allowedOrigins: e.ALLOWED_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean),
    logLevel: e.LOG_LEVEL,
    webDist: e.WEB_DIST,
  });
}
