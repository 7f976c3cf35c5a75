-- A password an administrator set (a reset, or a new user's initial password) is known to someone
-- other than the user: the user must choose their own at the next sign-in before doing anything else.
-- Existing users keep the passwords they have (false).
ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
