import type { Kysely } from 'kysely';

// TOTP second factor (security.md "Passwords", item 9). On `users`: the shared secret once enrolment is confirmed
// (null = not enrolled), when it was, the last accepted time step (a code whose step is at or below it is a replay),
// and the secret of an enrolment started but not yet confirmed with a code. On `sessions`: what a session still
// owes before it may reach anything else — 'verify' (the code after the password) or 'enroll' (an official without
// a factor where MFA=required); null = a full session.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('totp_secret', 'text').execute();
  await db.schema.alterTable('users').addColumn('totp_enrolled_at', 'text').execute();
  await db.schema.alterTable('users').addColumn('totp_last_step', 'integer').execute();
  await db.schema.alterTable('users').addColumn('totp_pending_secret', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('mfa_pending', 'text').execute();
}
