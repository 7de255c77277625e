// Quiet logs in tests unless asked for; a generous login limit so suites can log in freely.
process.env.LOG_LEVEL ??= 'silent';
process.env.LOGIN_ATTEMPTS_PER_MINUTE ??= '1000';
