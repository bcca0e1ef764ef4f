-- Issue 13: verification codes anyone can check, and sign-in abuse.

-- An organisation's admin may turn off the anonymous verification page (then only its signed-in
-- users can look a code up). On by default: the QR on a forwarded photo should just work.
ALTER TABLE orgs ADD COLUMN public_verify INTEGER NOT NULL DEFAULT 1;

-- Fixed-window counters for throttles that are not about passwords (verification look-ups per
-- user and per address). Rows older than a day are deleted as new windows start.
CREATE TABLE rate_limits (
  key           TEXT PRIMARY KEY,
  hits          INTEGER NOT NULL,
  window_start  TEXT NOT NULL
);

-- Sign-in throttle: a failure count per key with a growing delay ('pair:<name>|<net>' for one
-- account from one address or IPv6 /64, 'net:<net>' for the address). last_at is the latest
-- failure; a key untouched for an hour starts again at zero.
DROP TABLE login_attempts;
CREATE TABLE login_attempts (
  key            TEXT PRIMARY KEY,
  failures       INTEGER NOT NULL,
  last_at        TEXT NOT NULL,
  blocked_until  TEXT
);

-- Accounts that signed in successfully from an address (or IPv6 /64): a busy address (an office
-- NAT with a guesser behind it) never refuses them.
CREATE TABLE login_known (
  key      TEXT PRIMARY KEY,
  last_at  TEXT NOT NULL
);

-- Old reports keep the 8-character codes derived from their ids (reports_verify_code, unique,
-- 0001): those codes are printed on photos already handed on; they verify for the organisation's
-- signed-in users only (routes/verify.ts). New reports get 12 random characters from the phone.
