-- Accounts and permissions (module account). RULES.md §10: least privilege, separation of the three
-- administrators, two-factor login for staff, lockout after failed attempts.
CREATE SCHEMA account;

-- 数据提供单位 and responding units; the credit office itself is one too.
CREATE TABLE account.department (
    id          uuid PRIMARY KEY,
    code        text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9_-]{2,32}$'),
    name        text NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('CREDIT_OFFICE', 'DATA_PROVIDER', 'RESPONDING_UNIT')),
    -- Data scope: the catalogue items (later issues) or region prefixes this department may see and submit.
    data_scope  text[] NOT NULL DEFAULT '{}',
    active      boolean NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE account.role (
    id          uuid PRIMARY KEY,
    code        text NOT NULL UNIQUE,
    name        text NOT NULL,
    -- One of the three administrators (三员), or NULL for business roles.
    admin_kind  text CHECK (admin_kind IN ('SYSTEM', 'SECURITY', 'AUDIT')),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE account.role_permission (
    role_id     uuid NOT NULL REFERENCES account.role (id) ON DELETE CASCADE,
    permission  text NOT NULL,
    PRIMARY KEY (role_id, permission)
);

CREATE TABLE account.staff_user (
    id               uuid PRIMARY KEY,
    username         text NOT NULL UNIQUE CHECK (username ~ '^[a-z][a-z0-9._-]{1,31}$'),
    display_name     text NOT NULL,
    department_id    uuid NOT NULL REFERENCES account.department (id),
    password_hash    text NOT NULL,
    totp_cipher      bytea,
    totp_key_version smallint,
    totp_last_step   bigint NOT NULL DEFAULT 0,
    failed_attempts  int NOT NULL DEFAULT 0,
    locked_until     timestamptz,
    enabled          boolean NOT NULL DEFAULT true,
    created_at       timestamptz NOT NULL DEFAULT now(),
    last_login_at    timestamptz
);

CREATE TABLE account.staff_user_role (
    user_id  uuid NOT NULL REFERENCES account.staff_user (id),
    role_id  uuid NOT NULL REFERENCES account.role (id),
    PRIMARY KEY (user_id, role_id)
);

-- Citizens log in with their identity number (found by the subject's blind index) or phone number.
CREATE TABLE account.citizen (
    id               uuid PRIMARY KEY,
    subject_id       uuid NOT NULL UNIQUE,
    subject_pseudonym text NOT NULL UNIQUE,
    phone_pseudonym  text NOT NULL UNIQUE,
    phone_masked     text NOT NULL,
    password_hash    text NOT NULL,
    failed_attempts  int NOT NULL DEFAULT 0,
    locked_until     timestamptz,
    verified_at      timestamptz NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    last_login_at    timestamptz
);

-- Department systems, authorised institutions and partner platforms calling the API.
CREATE TABLE account.api_client (
    id            uuid PRIMARY KEY,
    name          text NOT NULL,
    organisation  text NOT NULL,
    kind          text NOT NULL CHECK (kind IN ('DEPARTMENT', 'INSTITUTION', 'PARTNER_PLATFORM')),
    department_id uuid REFERENCES account.department (id),
    key_prefix    text NOT NULL UNIQUE,
    key_hash      text NOT NULL UNIQUE,
    permissions   text[] NOT NULL,
    rate_per_minute int NOT NULL DEFAULT 600 CHECK (rate_per_minute > 0),
    created_at    timestamptz NOT NULL DEFAULT now(),
    created_by    text NOT NULL,
    revoked_at    timestamptz,
    revoked_by    text,
    last_used_at  timestamptz
);
