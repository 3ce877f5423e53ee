// The versioned schema of casehub.db: a new file gets every step, an older file is
// upgraded with its data kept, a file made before versioning is adopted, a failing step
// leaves the previous version, and a file from a newer server is refused with a message
// that says what to do — by the migration runner, the storage and the server binary.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <unistd.h>

#include "core/app/app_registry.hpp"
#include "core/apply/sync_security_policy.hpp"
#include "server/services/sync_service.hpp"
#include "server/storage/sqlite/schema_migrations.hpp"
#include "server/storage/sqlite/sqlite_db.hpp"
#include "server/storage/sqlite/sqlite_storage.hpp"

namespace fs = std::filesystem;
using namespace casehub;
using namespace casehub::server;

namespace {

// A temporary data directory, removed on scope exit.
struct TempDir {
    fs::path path;
    explicit TempDir(const char* name) {
        path = fs::temp_directory_path() /
               (std::string("casehub-") + name + "-" + std::to_string(::getpid()) + "-" +
                std::to_string(reinterpret_cast<std::uintptr_t>(this)));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    std::string db() const { return (path / "casehub.db").string(); }
};

std::int64_t count(SqliteDb& db, const std::string& sql) {
    auto st = db.prepare(sql);
    REQUIRE(st);
    REQUIRE(st->step());
    return st->column_int(0);
}

bool has_table(SqliteDb& db, const std::string& name) {
    return count(db, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '" + name + "'") == 1;
}

int version_of(SqliteDb& db) {
    auto v = schema_version(db);
    return v ? *v : -1;
}

int version_after(const Result<int>& migrated) { return migrated ? *migrated : -1; }

// Two steps of a made-up schema, to upgrade from one to the other.
const std::vector<SchemaMigration> two_steps = {
    {1, "notes", "CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL);"},
    {2, "note authors", "ALTER TABLE note ADD COLUMN author TEXT NOT NULL DEFAULT 'unknown';"},
};

}  // namespace

TEST_CASE("a new database gets every schema step and records its version", "[server][storage][migrations]") {
    TempDir dir("schema-new");
    auto db = SqliteDb::open(dir.db());
    REQUIRE(db);
    REQUIRE(version_of(*db) == 0);
    auto v = migrate_schema(*db, casehub_schema_migrations(), dir.db());
    REQUIRE(v);
    CHECK(*v == static_cast<int>(casehub_schema_migrations().size()));
    CHECK(version_of(*db) == *v);
    for (const char* table : {"sync_record", "sync_tombstone", "sync_mutation", "sync_client", "sync_change",
                              "sync_meta", "credential", "session", "schema_version"})
        CHECK(has_table(*db, table));
    SECTION("opening it again runs nothing twice") {
        auto again = migrate_schema(*db, casehub_schema_migrations(), dir.db());
        REQUIRE(again);
        CHECK(*again == *v);
        CHECK(count(*db, "SELECT COUNT(*) FROM schema_version") == 1);
    }
}

TEST_CASE("an older database is upgraded step by step with its data kept", "[server][storage][migrations]") {
    TempDir dir("schema-old");
    auto db = SqliteDb::open(dir.db());
    REQUIRE(db);
    const std::vector<SchemaMigration> first_only(two_steps.begin(), two_steps.begin() + 1);
    REQUIRE(version_after(migrate_schema(*db, first_only, dir.db())) == 1);
    REQUIRE(db->exec("INSERT INTO note(id, text) VALUES (1, 'kept')"));

    auto v = migrate_schema(*db, two_steps, dir.db());
    REQUIRE(v);
    CHECK(*v == 2);
    auto st = db->prepare("SELECT text, author FROM note WHERE id = 1");
    REQUIRE(st);
    REQUIRE(st->step());
    CHECK(st->column_text(0) == "kept");
    CHECK(st->column_text(1) == "unknown");
}

TEST_CASE("a database made before versioning is adopted with its records", "[server][storage][migrations]") {
    TempDir dir("schema-legacy");
    {
        // What SyncStorage::open and AuthService::open created before schema_version existed.
        auto db = SqliteDb::open(dir.db());
        REQUIRE(db);
        REQUIRE(db->exec(
            "CREATE TABLE IF NOT EXISTS sync_record (entity TEXT NOT NULL, id TEXT NOT NULL, json TEXT NOT NULL,"
            " seq INTEGER NOT NULL, writers TEXT NOT NULL DEFAULT '{}', PRIMARY KEY (entity, id));"
            "CREATE TABLE IF NOT EXISTS sync_tombstone (entity TEXT NOT NULL, id TEXT NOT NULL, user_id TEXT NOT NULL,"
            " seq INTEGER NOT NULL, PRIMARY KEY (entity, id));"
            "CREATE TABLE IF NOT EXISTS sync_mutation (id TEXT PRIMARY KEY, client_id TEXT NOT NULL, user_id TEXT NOT NULL,"
            " client_seq INTEGER NOT NULL, name TEXT NOT NULL, args TEXT NOT NULL, status TEXT NOT NULL,"
            " seq INTEGER NOT NULL, error TEXT);"
            "CREATE TABLE IF NOT EXISTS sync_client (client_id TEXT PRIMARY KEY, user_id TEXT NOT NULL,"
            " last_client_seq INTEGER NOT NULL);"
            "CREATE TABLE IF NOT EXISTS sync_change (seq INTEGER NOT NULL, entity TEXT NOT NULL, id TEXT NOT NULL,"
            " json TEXT, PRIMARY KEY (seq, entity, id));"
            "CREATE TABLE IF NOT EXISTS sync_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);"
            "CREATE TABLE IF NOT EXISTS credential (user_id TEXT PRIMARY KEY,"
            " username TEXT NOT NULL UNIQUE COLLATE NOCASE, pwhash TEXT NOT NULL, updated_at INTEGER NOT NULL);"
            "CREATE TABLE IF NOT EXISTS session (token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL,"
            " created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, revoked INTEGER NOT NULL DEFAULT 0);"
            "CREATE INDEX IF NOT EXISTS session_by_user ON session(user_id);"
            "INSERT INTO sync_record(entity, id, json, seq) VALUES ('account', 'a-1', '{\"name\":\"Contoso\"}', 1);"
            "INSERT INTO sync_change(seq, entity, id, json) VALUES (1, 'account', 'a-1', '{\"name\":\"Contoso\"}');"
            "INSERT INTO sync_meta(key, value) VALUES ('seq', 1);"
            "INSERT INTO credential VALUES ('u-1', 'alex', '$argon2id$x', 0);"));
        REQUIRE(version_of(*db) == 0);
    }
    auto storage = open_sqlite_storage(dir.db());
    REQUIRE(storage);
    auto credential = storage->credentials->find_by_username("ALEX");
    REQUIRE(credential);
    REQUIRE(credential->has_value());
    CHECK((*credential)->user_id == "u-1");
    auto sync = SyncService::open(std::move(storage->sync), make_sync_registry(), std::make_unique<SecurityPolicy>());
    REQUIRE(sync);
    CHECK((*sync)->seq() == 1);
    bool found = false;
    (*sync)->read([&](const Store& store) {
        const Record* r = store.find("account", "a-1");
        found = r && r->attributes.value("name", "") == "Contoso";
    });
    CHECK(found);
    auto db = SqliteDb::open(dir.db());
    REQUIRE(db);
    CHECK(version_of(*db) == static_cast<int>(casehub_schema_migrations().size()));
}

TEST_CASE("a failing schema step leaves the database at the version before it", "[server][storage][migrations]") {
    TempDir dir("schema-fail");
    auto db = SqliteDb::open(dir.db());
    REQUIRE(db);
    const std::vector<SchemaMigration> broken = {
        two_steps[0],
        {2, "a step with a typo", "ALTER TABLE note ADD COLUMN author TEXT; CREATE TABLEE oops (x);"},
    };
    auto v = migrate_schema(*db, broken, dir.db());
    REQUIRE_FALSE(v);
    CHECK(v.error().code == "storage");
    CHECK(v.error().message.find("schema version 2 (a step with a typo)") != std::string::npos);
    CHECK(v.error().message.find("left at version 1") != std::string::npos);
    CHECK(version_of(*db) == 1);
    CHECK(count(*db, "SELECT COUNT(*) FROM pragma_table_info('note') WHERE name = 'author'") == 0);
}

TEST_CASE("a database from a newer server is refused with a message that says what to do",
          "[server][storage][migrations]") {
    TempDir dir("schema-newer");
    {
        auto db = SqliteDb::open(dir.db());
        REQUIRE(db);
        REQUIRE(migrate_schema(*db, casehub_schema_migrations(), dir.db()));
        REQUIRE(db->exec("UPDATE schema_version SET version = 99"));
    }
    SECTION("by the storage, leaving the file as it was") {
        auto storage = open_sqlite_storage(dir.db());
        REQUIRE_FALSE(storage);
        const std::string& m = storage.error().message;
        CHECK(storage.error().code == "storage");
        CHECK(m.find(dir.db()) != std::string::npos);
        CHECK(m.find("schema version 99") != std::string::npos);
        CHECK(m.find("knows versions up to " + std::to_string(casehub_schema_migrations().size())) != std::string::npos);
        CHECK(m.find("newer CaseHub server") != std::string::npos);
        auto db = SqliteDb::open(dir.db());
        REQUIRE(db);
        CHECK(version_of(*db) == 99);
    }
    SECTION("by the server binary, which exits without serving") {
        const auto out = dir.path / "out.txt";
        const std::string cmd = "timeout 30 " + std::string(CASEHUB_SERVER_EXE) + " --port 0 --data-dir " +
                                dir.path.string() + " --demo-cases 0 --jobs-interval-seconds 0 > " + out.string() +
                                " 2>&1";
        const int rc = std::system(cmd.c_str());
        std::ifstream in(out);
        const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        CHECK(rc != 0);
        CHECK(text.find("schema version 99") != std::string::npos);
        CHECK(text.find("is running at") == std::string::npos);
    }
}

TEST_CASE("schema steps out of order are a server bug, not a silent skip", "[server][storage][migrations]") {
    TempDir dir("schema-order");
    auto db = SqliteDb::open(dir.db());
    REQUIRE(db);
    const std::vector<SchemaMigration> gap = {two_steps[0], {3, "skips 2", "SELECT 1;"}};
    auto v = migrate_schema(*db, gap, dir.db());
    REQUIRE_FALSE(v);
    CHECK(v.error().code == "internal");
    CHECK(version_of(*db) == 0);
}
