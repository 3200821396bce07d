#include "team/TeamMigrations.h"

#include "team/TeamSchema.h"

namespace tenure {

namespace {

// The tables that hold an account's rows, each with the column that names the account.
// action_history names its action instead (below); history_days is the team's daily counts.
constexpr const char* kPerAccountTables[][2] = {
    { "events", "account_id" },         { "outcomes", "account_id" },       { "account_keys", "account_id" },
    { "actions", "account_id" },        { "account_notes", "account_id" },  { "agg_activity", "account_id" },
    { "account_status", "account_id" }, { "history_months", "account_id" },
};

// What a signed-in login may see: everything, unless the workspace's setting
// team_own_accounts_only is on and the login is neither an admin nor the ingest role (the engine
// signs in as an admin); then the accounts whose owner is the member's display name, and the rows
// of those accounts. Table owners and superusers are not subject to row-level security at all.
//
// Row-level security is enabled on every table below always; its policies restrict only when the
// setting is on. Each policy asks `(SELECT tenure_sees_all())` first: PostgreSQL evaluates that
// once per statement, so a login that sees everything pays nothing per row, and the set of its
// own accounts is computed once per statement (a hashed subplan) for a login that does not.
// The helpers are SECURITY DEFINER with a fixed search_path (pg_temp last), so no temporary table
// of a member's can stand in for `settings` or `team_members`.
QStringList version2()
{
    QStringList statements {
        // Accounts name their owner by the member's display name: two members with one name would
        // see each other's accounts.
        QStringLiteral("CREATE UNIQUE INDEX team_members_display_name ON team_members (display_name)"),
        QStringLiteral("ALTER TABLE settings ADD CONSTRAINT settings_own_accounts_only "
                       "CHECK (key <> 'team_own_accounts_only' OR value IN ('on', 'off'))"),
        QStringLiteral(R"(CREATE FUNCTION tenure_sees_all() RETURNS boolean
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
                SELECT coalesce((SELECT value FROM settings WHERE key = 'team_own_accounts_only'), 'off') <> 'on'
                    OR pg_has_role(session_user, 'tenure_admin', 'MEMBER')
                    OR pg_has_role(session_user, 'tenure_ingest', 'MEMBER')
            $$)"),
        QStringLiteral(R"(CREATE FUNCTION tenure_my_name() RETURNS text
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
                SELECT display_name FROM team_members WHERE login = session_user
            $$)"),
        QStringLiteral(R"(CREATE FUNCTION tenure_my_accounts() RETURNS SETOF text
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
                SELECT a.id FROM accounts a JOIN team_members m ON m.display_name = a.owner
                WHERE m.login = session_user
            $$)"),
        QStringLiteral("REVOKE ALL ON FUNCTION tenure_sees_all(), tenure_my_name(), tenure_my_accounts() "
                       "FROM PUBLIC"),
        QStringLiteral("GRANT EXECUTE ON FUNCTION tenure_sees_all(), tenure_my_name(), tenure_my_accounts() "
                       "TO tenure_admin, tenure_csm, tenure_ingest"),
        QStringLiteral("ALTER TABLE accounts ENABLE ROW LEVEL SECURITY"),
        // One policy for every command: what a login cannot see, it cannot change or add either.
        QStringLiteral("CREATE POLICY accounts_own_accounts ON accounts "
                       "USING ((SELECT tenure_sees_all()) OR owner = (SELECT tenure_my_name()))"),
    };
    for (const auto& [table, column] : kPerAccountTables) {
        statements << QStringLiteral("ALTER TABLE %1 ENABLE ROW LEVEL SECURITY").arg(QLatin1String(table));
        statements << QStringLiteral(
                          "CREATE POLICY %1_own_accounts ON %1 "
                          "USING ((SELECT tenure_sees_all()) OR %2 IN (SELECT tenure_my_accounts()))")
                          .arg(QLatin1String(table), QLatin1String(column));
    }
    statements
        << QStringLiteral("ALTER TABLE action_history ENABLE ROW LEVEL SECURITY")
        // The actions a login sees (their own policy applies in the subquery).
        << QStringLiteral("CREATE POLICY action_history_own_accounts ON action_history "
                          "USING ((SELECT tenure_sees_all()) OR action_id IN (SELECT id FROM actions))")
        // The team's daily counts are the whole portfolio's: not for a login that sees part of it.
        << QStringLiteral("ALTER TABLE history_days ENABLE ROW LEVEL SECURITY")
        << QStringLiteral(
               "CREATE POLICY history_days_own_accounts ON history_days USING ((SELECT tenure_sees_all()))")
        // A view reads its tables with its owner's rights, which row-level security does not
        // restrict: the view filters the same way itself.
        << QStringLiteral(R"(CREATE OR REPLACE VIEW status_history AS
            SELECT h.account_id AS account_id,
                   h.month || '-' || lpad(d.ord::text, 2, '0') AS day,
                   (h.legend::json -> ((d.value ->> 0)::int)) ->> 0 AS stage,
                   (d.value ->> 1)::double precision AS score,
                   (h.legend::json -> ((d.value ->> 0)::int)) ->> 1 AS band
            FROM history_months h,
                 json_array_elements(h.days::json) WITH ORDINALITY AS d(value, ord)
            WHERE json_typeof(d.value) = 'array'
              AND ((SELECT tenure_sees_all()) OR h.account_id IN (SELECT tenure_my_accounts())))");
    return statements;
}

// Who wrote a history row, a note or a rule set is the server's to say: a member's rows carry
// the member's display name whatever the client sends, so a CSM in psql cannot write as a
// colleague. Logins that are not members — the workspace's owner and superusers, who move a
// workspace file in with its authors (team push) — write the author they give. The name is the
// session's login (session_user), like the `login` column beside it: SET ROLE does not change it.
//
// An action's version guards what people change: its status, snooze date, owner and suppression.
// The engine's refresh of an action's priority and reason leaves its version, and who changed it
// last and when, as they were, so a CSM's change on the version shown just before a pass lands.
QStringList version3()
{
    return {
        QStringLiteral(R"(CREATE FUNCTION tenure_stamp_author() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
            DECLARE
                name text;
            BEGIN
                SELECT display_name INTO name FROM team_members WHERE login = session_user;
                IF name IS NOT NULL THEN
                    NEW.author := name;
                END IF;
                RETURN NEW;
            END $$)"),
        QStringLiteral("REVOKE ALL ON FUNCTION tenure_stamp_author() FROM PUBLIC"),
        QStringLiteral("CREATE TRIGGER action_history_author BEFORE INSERT OR UPDATE ON action_history "
                       "FOR EACH ROW EXECUTE FUNCTION tenure_stamp_author()"),
        QStringLiteral("CREATE TRIGGER account_notes_author BEFORE INSERT OR UPDATE ON account_notes "
                       "FOR EACH ROW EXECUTE FUNCTION tenure_stamp_author()"),
        QStringLiteral("CREATE TRIGGER rule_sets_author BEFORE INSERT OR UPDATE ON rule_sets "
                       "FOR EACH ROW EXECUTE FUNCTION tenure_stamp_author()"),
        QStringLiteral(
            R"(CREATE OR REPLACE FUNCTION tenure_stamp_action() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    NEW.version := 1;
                    NEW.updated_by := session_user;
                ELSIF (NEW.status, NEW.snoozed_until, NEW.owner, NEW.suppress)
                      IS DISTINCT FROM (OLD.status, OLD.snoozed_until, OLD.owner, OLD.suppress) THEN
                    NEW.version := OLD.version + 1;
                    NEW.updated_by := session_user;
                ELSE
                    -- Priority and reason only (the engine's refresh): the last change stays the last.
                    NEW.version := OLD.version;
                    NEW.updated_by := OLD.updated_by;
                    NEW.updated_at := OLD.updated_at;
                END IF;
                RETURN NEW;
            END $$)"),
    };
}

// The log's appends at the speed of its keys (bench_team: COPY of 1M events 6.1 → 3.1 s): the
// index by account went, since nothing on the server reads the log by account (copies read it by
// seq); the foreign key to sources, a check queued for every row, became one check a statement of
// the sources the statement's rows name, and a source that has events cannot be removed or renamed.
QStringList version4()
{
    return {
        QStringLiteral("DROP INDEX events_account"),
        QStringLiteral("ALTER TABLE events DROP CONSTRAINT events_source_fkey"),
        QStringLiteral(R"(CREATE FUNCTION tenure_check_event_sources() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
            DECLARE
                unknown text;
            BEGIN
                SELECT a.source INTO unknown FROM (SELECT DISTINCT source FROM appended) a
                WHERE NOT EXISTS (SELECT 1 FROM sources s WHERE s.name = a.source) LIMIT 1;
                IF FOUND THEN
                    RAISE EXCEPTION 'events name the source "%", which is not a source of this workspace', unknown
                        USING ERRCODE = 'foreign_key_violation';
                END IF;
                RETURN NULL;
            END $$)"),
        QStringLiteral("REVOKE ALL ON FUNCTION tenure_check_event_sources() FROM PUBLIC"),
        QStringLiteral(
            "CREATE TRIGGER events_sources AFTER INSERT ON events REFERENCING NEW TABLE AS appended "
            "FOR EACH STATEMENT EXECUTE FUNCTION tenure_check_event_sources()"),
        // The log's lock first: an append in progress commits before the check looks (and one
        // that starts meanwhile waits, then finds the source gone), as a foreign key's lock did.
        QStringLiteral(R"(CREATE FUNCTION tenure_keep_used_sources() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
            BEGIN
                IF TG_OP = 'TRUNCATE' OR TG_OP = 'DELETE' OR NEW.name IS DISTINCT FROM OLD.name THEN
                    PERFORM pg_advisory_xact_lock(%1);
                    IF TG_OP = 'TRUNCATE' THEN
                        IF EXISTS (SELECT 1 FROM events) THEN
                            RAISE EXCEPTION 'sources have events in the log: they cannot be removed'
                                USING ERRCODE = 'foreign_key_violation';
                        END IF;
                        RETURN NULL;
                    END IF;
                    IF EXISTS (SELECT 1 FROM events WHERE source = OLD.name) THEN
                        RAISE EXCEPTION 'the source "%" has events in the log: it cannot be removed or renamed', OLD.name
                            USING ERRCODE = 'foreign_key_violation';
                    END IF;
                END IF;
                RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
            END $$)")
            .arg(TeamSchema::kLogLock),
        QStringLiteral("REVOKE ALL ON FUNCTION tenure_keep_used_sources() FROM PUBLIC"),
        QStringLiteral("CREATE TRIGGER sources_keep_used BEFORE DELETE OR UPDATE OF name ON sources "
                       "FOR EACH ROW EXECUTE FUNCTION tenure_keep_used_sources()"),
        QStringLiteral("CREATE TRIGGER sources_keep_used_truncate BEFORE TRUNCATE ON sources "
                       "FOR EACH STATEMENT EXECUTE FUNCTION tenure_keep_used_sources()"),
        // An append leaves out the events the log holds already by looking for their keys (TeamPush):
        // the puller's role may see the keys, not the events.
        QStringLiteral("GRANT SELECT (source, external_id) ON events TO tenure_ingest"),
    };
}

// Each publication of the engine's results is numbered (engine_state: `publication`, and
// `publication_everything` for the last that replaced every account's rows), and the rows it
// wrote carry its number: a desktop copies the rows newer than the ones it has, not all of them.
QStringList version5()
{
    return {
        QStringLiteral("ALTER TABLE account_status ADD COLUMN publication bigint NOT NULL DEFAULT 0"),
        QStringLiteral("ALTER TABLE history_months ADD COLUMN publication bigint NOT NULL DEFAULT 0"),
        QStringLiteral("CREATE INDEX account_status_publication ON account_status (publication)"),
        QStringLiteral("CREATE INDEX history_months_publication ON history_months (publication)"),
    };
}

// Every row of the action queue carries the transaction that last wrote it (set by the server,
// whatever a client sends), so that a desktop copies only what changed since its last copy: the
// rows written in transactions at or after the oldest one still running when it last read
// (TeamActionsCopy). The ids of rows cannot say that: a transaction that took an id first may
// commit last.
QStringList version6()
{
    QStringList statements {
        // Schema-qualified: no function of a login's own schema can stand in for the server's.
        QStringLiteral(R"(CREATE FUNCTION tenure_stamp_written() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                NEW.written_in := pg_catalog.pg_current_xact_id();
                RETURN NEW;
            END $$)"),
    };
    for (const char* table : { "actions", "action_history", "account_notes" }) {
        const QString name = QString::fromLatin1(table);
        statements << QStringLiteral(
                          "ALTER TABLE %1 ADD COLUMN written_in xid8 NOT NULL DEFAULT pg_current_xact_id()")
                          .arg(name)
                   << QStringLiteral("CREATE INDEX %1_written_in ON %1 (written_in)").arg(name)
                   << QStringLiteral("CREATE TRIGGER %1_written BEFORE INSERT OR UPDATE ON %1 "
                                     "FOR EACH ROW EXECUTE FUNCTION tenure_stamp_written()")
                          .arg(name);
    }
    return statements;
}

// Each publication also leaves a random stamp (`publications`): a copy remembers the stamp of the
// publication it holds, and a server restored from a backup, whose numbers count again from the
// backup's, gives that number another stamp (or none), so the copy takes the scores whole again
// instead of only the rows numbered after its own (TeamReplica::pullStatuses). The engine keeps the
// stamps of the last two days (TeamPublisher).
QStringList version7()
{
    return {
        QStringLiteral(R"(CREATE TABLE publications (
            number       bigint PRIMARY KEY,
            stamp        text   NOT NULL CHECK (length(stamp) > 0),
            published_at bigint NOT NULL))"),
        QStringLiteral("GRANT SELECT ON publications TO tenure_admin, tenure_csm"),
        QStringLiteral("GRANT INSERT, DELETE ON publications TO tenure_admin"),
    };
}

// A row's seq is the log's order, which every copy follows (it reads the seqs after the last it
// took): an append must not choose one. PostgreSQL lets any INSERT do so (OVERRIDING SYSTEM VALUE,
// or a COPY that lists seq), and a seq ahead of the sequence would make every copy jump past the
// events appended after it, one below a copy's last would never reach it. The statement check of
// schema 4 now also refuses an append whose seqs are not the ones the sequence has just handed out
// (cheap for the usual append: its seqs run without a gap up to the sequence's last); a gap (rows
// that ON CONFLICT DO NOTHING skipped) costs one look at the log from the statement's first seq.
// The sequence is the engine's alone: no role may draw from it outside an append. A log whose
// newest seq is ahead of the sequence (appended that way before) has its sequence moved past it.
QStringList version8()
{
    return {
        QStringLiteral(R"(CREATE FUNCTION tenure_check_appended() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
            DECLARE
                unknown text;
                first_seq bigint;
                last_seq bigint;
                appended_rows bigint;
                drawn bigint;
            BEGIN
                SELECT min(seq), max(seq), count(*) INTO first_seq, last_seq, appended_rows FROM appended;
                SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END INTO drawn
                FROM events_seq_seq;
                IF appended_rows > 0
                   AND (last_seq > drawn OR first_seq < 1
                        OR (NOT (last_seq = drawn AND last_seq - first_seq + 1 = appended_rows)
                            AND EXISTS (SELECT 1 FROM events e WHERE e.seq >= first_seq
                                        AND NOT EXISTS (SELECT 1 FROM appended a WHERE a.seq = e.seq)))) THEN
                    RAISE EXCEPTION 'an append cannot choose the seq of its events (seq % is not the log''s next): leave seq out', first_seq
                        USING ERRCODE = 'insufficient_privilege';
                END IF;
                SELECT a.source INTO unknown FROM (SELECT DISTINCT source FROM appended) a
                WHERE NOT EXISTS (SELECT 1 FROM sources s WHERE s.name = a.source) LIMIT 1;
                IF FOUND THEN
                    RAISE EXCEPTION 'events name the source "%", which is not a source of this workspace', unknown
                        USING ERRCODE = 'foreign_key_violation';
                END IF;
                RETURN NULL;
            END $$)"),
        QStringLiteral("REVOKE ALL ON FUNCTION tenure_check_appended() FROM PUBLIC"),
        QStringLiteral("DROP TRIGGER events_sources ON events"),
        QStringLiteral("DROP FUNCTION tenure_check_event_sources()"),
        QStringLiteral(
            "CREATE TRIGGER events_appended AFTER INSERT ON events REFERENCING NEW TABLE AS appended "
            "FOR EACH STATEMENT EXECUTE FUNCTION tenure_check_appended()"),
        QStringLiteral("REVOKE ALL ON SEQUENCE events_seq_seq FROM tenure_admin, tenure_csm, tenure_ingest"),
        QStringLiteral("SELECT setval('events_seq_seq', m) FROM (SELECT max(seq) AS m FROM events) newest "
                       "WHERE m > (SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END "
                       "FROM events_seq_seq)"),
    };
}

// What a member could do beyond their role, closed (schema 9):
// - status_history filters by owner itself (a view reads with its owner's rights): as a security
//   barrier, its filter runs before any function of the caller's query, which could otherwise be
//   handed other CSMs' account ids (a function that raises or keeps its argument).
// - CSMs write notes, history rows and outcomes, never their ids (nor the login the server
//   stamps): an id taken ahead of its sequence made the engine's or a colleague's next insert fail.
// - A login becomes a member only without rights of its own, checked every time it is added, not
//   only the first: a DBA may have given a removed member's login more since, and an admin would
//   set its password.
// - Every login may create objects in the schema public of a database made before PostgreSQL 15:
//   a member's function there could stand in for one that Tenure's functions call with the
//   owner's rights. The owner revokes that, and a login that cannot is refused.
// - Only members (and the owner) connect to the database; other logins of the cluster, removed
//   members among them, cannot, so none can take the engine's or the log's lock either. Left to
//   the database's owner, who is the login that runs `team init` (docs/team.md).
QStringList version9()
{
    return {
        QStringLiteral("ALTER VIEW status_history SET (security_barrier = true)"),
        QStringLiteral("REVOKE INSERT, UPDATE ON action_history, account_notes, outcomes FROM tenure_csm"),
        QStringLiteral("GRANT INSERT (action_id, at, author, kind, detail) ON action_history TO tenure_csm"),
        QStringLiteral("GRANT INSERT (account_id, at, author, text) ON account_notes TO tenure_csm"),
        QStringLiteral("GRANT INSERT (account_id, kind, occurred_on, amount, note, source, external_id), "
                       "UPDATE (account_id, kind, occurred_on, amount, note) ON outcomes TO tenure_csm"),
        QStringLiteral("REVOKE ALL ON SEQUENCE action_history_id_seq, account_notes_id_seq, outcomes_id_seq "
                       "FROM tenure_csm"),
        QStringLiteral(
            R"(CREATE OR REPLACE FUNCTION tenure_add_member(p_login text, p_name text, p_role text, p_verifier text)
            RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
            DECLARE
                r text;
                existing pg_roles%ROWTYPE;
            BEGIN
                IF p_role NOT IN ('admin', 'csm', 'ingest') THEN
                    RAISE EXCEPTION 'unknown role "%" (admin, csm or ingest)', p_role;
                END IF;
                IF p_login IS NULL OR length(p_login) = 0 OR p_login LIKE 'pg\_%'
                   OR p_login IN ('tenure_admin', 'tenure_csm', 'tenure_ingest', current_user, 'postgres') THEN
                    RAISE EXCEPTION 'login "%" cannot be a member', p_login;
                END IF;
                SELECT * INTO existing FROM pg_roles WHERE rolname = p_login;
                IF NOT FOUND THEN
                    EXECUTE format('CREATE ROLE %I LOGIN', p_login);
                    INSERT INTO team_logins (login) VALUES (p_login);
                ELSE
                    IF NOT EXISTS (SELECT 1 FROM team_logins WHERE login = p_login) THEN
                        -- A login made elsewhere (a DBA's, another application's) is the owner's to
                        -- bring in, never an admin's: it may carry rights or a password that are not
                        -- the team's.
                        IF session_user <> current_user THEN
                            RAISE EXCEPTION 'login "%" exists outside this team: only the workspace owner may add it', p_login;
                        END IF;
                        IF p_verifier IS NOT NULL THEN
                            RAISE EXCEPTION 'login "%" exists outside this team: its password is not Tenure''s to set', p_login;
                        END IF;
                    END IF;
                    -- Whoever made it, a login with rights beyond a member's is nobody's to add (an
                    -- admin sets a member's password): not even one the team made, which a DBA may
                    -- have given more since.
                    IF existing.rolsuper OR existing.rolcreaterole OR existing.rolcreatedb
                       OR existing.rolreplication OR existing.rolbypassrls
                       OR EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                                  WHERE m.member = existing.oid
                                    AND g.rolname NOT IN ('tenure_admin', 'tenure_csm', 'tenure_ingest'))
                       OR EXISTS (SELECT 1 FROM pg_shdepend d
                                  WHERE d.refclassid = 'pg_authid'::regclass AND d.refobjid = existing.oid
                                    AND d.deptype IN ('o', 'a', 'r')
                                    -- a temporary table of one of the member's sessions is no right
                                    AND NOT EXISTS (SELECT 1 FROM pg_class c
                                                    WHERE d.classid = 'pg_class'::regclass AND c.oid = d.objid
                                                      AND c.relpersistence = 't')) THEN
                        RAISE EXCEPTION 'login "%" has rights of its own beyond a member''s (administrative rights, other roles, objects it owns or privileges granted to it): it cannot be a member', p_login;
                    END IF;
                END IF;
                IF p_verifier IS NOT NULL THEN
                    EXECUTE format('ALTER ROLE %I PASSWORD %L', p_login, p_verifier);
                END IF;
                FOREACH r IN ARRAY ARRAY['tenure_admin', 'tenure_csm', 'tenure_ingest'] LOOP
                    IF pg_has_role(p_login, r, 'MEMBER') AND r <> 'tenure_' || p_role THEN
                        EXECUTE format('REVOKE %I FROM %I', r, p_login);
                    END IF;
                END LOOP;
                EXECUTE format('GRANT %I TO %I', 'tenure_' || p_role, p_login);
                INSERT INTO team_members (login, display_name, role) VALUES (p_login, p_name, p_role)
                    ON CONFLICT (login) DO UPDATE SET display_name = excluded.display_name, role = excluded.role;
            END $$)"),
        QStringLiteral(R"(DO $$
            DECLARE
                schema_owner oid;
            BEGIN
                SELECT nspowner INTO schema_owner FROM pg_namespace WHERE nspname = 'public';
                IF has_schema_privilege('public', 'public', 'CREATE')
                   OR has_schema_privilege('tenure_admin', 'public', 'CREATE')
                   OR has_schema_privilege('tenure_csm', 'public', 'CREATE')
                   OR has_schema_privilege('tenure_ingest', 'public', 'CREATE') THEN
                    IF NOT pg_has_role(current_user, schema_owner, 'USAGE') THEN
                        RAISE EXCEPTION 'every login may create objects in the schema public of this database, where a member could stand in for a function of Tenure''s: ask %, its owner, to run ALTER SCHEMA public OWNER TO % (or REVOKE CREATE ON SCHEMA public FROM PUBLIC and GRANT CREATE ON SCHEMA public TO %), then run this again', pg_get_userbyid(schema_owner), quote_ident(current_user), quote_ident(current_user)
                            USING ERRCODE = 'insufficient_privilege';
                    END IF;
                    REVOKE CREATE ON SCHEMA public FROM PUBLIC, tenure_admin, tenure_csm, tenure_ingest;
                END IF;
            END $$)"),
        closeToNonMembersStatement(),
    };
}

// Version 10: the actions marked done and quiet, by account and trigger (the workspace file's
// schema 11): the action queue's refresh of a pass's accounts reads them, and so does the
// re-arming of those whose trigger has cleared, without reading every done action.
QStringList version10()
{
    return {
        QStringLiteral("CREATE INDEX actions_quiet ON actions (account_id, trigger) "
                       "WHERE status = 'done' AND suppress = 1"),
    };
}

} // namespace

QString closeToNonMembersStatement()
{
    return QStringLiteral(R"(DO $$
        BEGIN
            IF pg_has_role(current_user, (SELECT datdba FROM pg_database WHERE datname = current_database()), 'USAGE') THEN
                EXECUTE format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
                -- The workspace's owner too, should it not own the database (a superuser ran this).
                EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO tenure_admin, tenure_csm, tenure_ingest, %I',
                               current_database(),
                               (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'public.tenure_meta'::regclass));
            END IF;
        END $$)");
}

const QList<TeamMigration>& teamMigrations()
{
    static const QList<TeamMigration> migrations {
        { 2, version2() }, { 3, version3() }, { 4, version4() }, { 5, version5() },   { 6, version6() },
        { 7, version7() }, { 8, version8() }, { 9, version9() }, { 10, version10() },
    };
    return migrations;
}

} // namespace tenure
