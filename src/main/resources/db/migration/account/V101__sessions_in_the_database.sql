-- Sign-in sessions kept in the database (Spring Session JDBC; ARCHITECTURE.md, Scale): any instance behind the load
-- balancer serves any signed-in user, and a restart signs nobody out. The layout is Spring Session's own
-- (schema-postgresql.sql of spring-session-jdbc 4.1) under this module's schema, except that the principal's name is
-- text rather than varchar(100): a name is whatever the principal says it is, and no sign-in should fail on its length.
CREATE TABLE account.http_session (
    primary_id            char(36) NOT NULL,
    session_id            char(36) NOT NULL,
    creation_time         bigint   NOT NULL,
    last_access_time      bigint   NOT NULL,
    max_inactive_interval int      NOT NULL,
    expiry_time           bigint   NOT NULL,
    principal_name        text,
    CONSTRAINT http_session_pk PRIMARY KEY (primary_id)
);

CREATE UNIQUE INDEX http_session_ix1 ON account.http_session (session_id);
CREATE INDEX http_session_ix2 ON account.http_session (expiry_time);
CREATE INDEX http_session_ix3 ON account.http_session (principal_name);

CREATE TABLE account.http_session_attributes (
    session_primary_id char(36)     NOT NULL,
    attribute_name     varchar(200) NOT NULL,
    attribute_bytes    bytea        NOT NULL,
    CONSTRAINT http_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT http_session_attributes_fk FOREIGN KEY (session_primary_id)
        REFERENCES account.http_session (primary_id) ON DELETE CASCADE
);
