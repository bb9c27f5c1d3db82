-- I5, RULES.md §10: after failed sign-ins from one address the sign-in forms ask a question (HumanCheck) before any
-- password is checked. Its key is the platform's (every instance checks the tokens of every other), and each token is
-- tried once: a solved question cannot be replayed, an unsolved one not guessed at.
CREATE TABLE account.secret (
    name  text  PRIMARY KEY,
    value bytea NOT NULL
);

CREATE TABLE account.challenge_used (
    nonce      text        PRIMARY KEY,
    expires_at timestamptz NOT NULL
);
