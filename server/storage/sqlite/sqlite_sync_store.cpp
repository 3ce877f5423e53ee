// SQLite persistence of SyncServerState (the tables are made by schema_migrations.cpp).
#include "server/storage/sqlite/sqlite_sync_store.hpp"

#include <set>
#include <utility>

#include "core/base/json_limits.hpp"
#include "server/storage/sqlite/schema_migrations.hpp"

namespace casehub::server {
namespace {

Error storage_error(const std::string& what, const std::string& detail) {
    return make_error("storage", "The sync database could not " + what + ": " + detail);
}

// Stored JSON passed the request limits when it came in; the scan still runs, so a
// tampered or corrupt row is an error, never a stack overflow. The depth allowed is the
// highest --max-json-depth accepts.
Json parse_or_null(const std::string& text) {
    auto parsed = parse_json_within(text, JsonLimits{1000, static_cast<std::size_t>(-1)});
    return parsed ? std::move(*parsed) : Json();
}

Status set_meta(SqliteDb& db, const char* key, std::int64_t value) {
    auto st = db.prepare("INSERT INTO sync_meta(key, value) VALUES(?1, ?2) ON CONFLICT(key) DO UPDATE SET value = ?2");
    if (!st) return st.error();
    st->bind(1, std::string_view(key)).bind(2, value);
    st->step();
    if (!st->ok()) return storage_error("save its sequence number", st->error());
    return {};
}

}  // namespace

Result<std::unique_ptr<SqliteSyncStore>> SqliteSyncStore::open(const std::string& db_path) {
    auto db = SqliteDb::open(db_path);
    if (!db) return db.error();
    if (auto v = migrate_schema(*db, casehub_schema_migrations(), db_path); !v) return v.error();
    return std::unique_ptr<SqliteSyncStore>(new SqliteSyncStore(std::move(*db)));
}

Result<bool> SqliteSyncStore::is_empty() {
    auto st = db_.prepare("SELECT (SELECT COUNT(*) FROM sync_record) + (SELECT COUNT(*) FROM sync_mutation) + "
                          "(SELECT COUNT(*) FROM sync_meta)");
    if (!st) return st.error();
    if (!st->step()) return storage_error("be read", st->error());
    return st->column_int(0) == 0;
}

Status SqliteSyncStore::load(SyncServerState& state) {
    SyncServerState fresh;
    {
        auto st = db_.prepare("SELECT key, value FROM sync_meta");
        if (!st) return st.error();
        while (st->step()) {
            const auto key = st->column_text(0);
            if (key == "seq") fresh.seq = st->column_int(1);
            if (key == "log_floor") fresh.log_floor = st->column_int(1);
        }
        if (!st->ok()) return storage_error("read sync_meta", st->error());
    }
    {
        auto st = db_.prepare("SELECT entity, id, json, writers FROM sync_record");
        if (!st) return st.error();
        while (st->step()) {
            Record r{st->column_text(0), st->column_text(1), parse_or_null(st->column_text(2))};
            if (!r.attributes.is_object()) return storage_error("read record " + r.entity + "/" + r.id, "bad JSON");
            fresh.history.set_writers_json(r.entity, r.id, parse_or_null(st->column_text(3)));
            fresh.store.upsert(std::move(r));
        }
        if (!st->ok()) return storage_error("read sync_record", st->error());
    }
    {
        auto st = db_.prepare("SELECT entity, id, user_id, seq FROM sync_tombstone");
        if (!st) return st.error();
        while (st->step())
            fresh.history.tombstones[record_key(st->column_text(0), st->column_text(1))] =
                Tombstone{st->column_text(2), st->column_int(3)};
        if (!st->ok()) return storage_error("read sync_tombstone", st->error());
    }
    {
        auto st = db_.prepare(
            "SELECT id, client_id, user_id, client_seq, name, args, status, seq, error FROM sync_mutation");
        if (!st) return st.error();
        while (st->step()) {
            LoggedMutation m;
            m.id = st->column_text(0);
            m.client_id = st->column_text(1);
            m.user_id = st->column_text(2);
            m.client_seq = st->column_int(3);
            m.name = st->column_text(4);
            m.args = parse_or_null(st->column_text(5));
            m.result.mutation_id = m.id;
            m.result.status = st->column_text(6) == "accepted" ? MutationStatus::accepted : MutationStatus::rejected;
            m.result.seq = st->column_int(7);
            if (!st->column_is_null(8)) m.result.error = error_from_json(parse_or_null(st->column_text(8)));
            fresh.restore_logged(std::move(m));
        }
        if (!st->ok()) return storage_error("read sync_mutation", st->error());
    }
    {
        auto st = db_.prepare("SELECT client_id, user_id, last_client_seq FROM sync_client");
        if (!st) return st.error();
        while (st->step()) {
            ClientState& c = fresh.clients[st->column_text(0)];
            c.user_id = st->column_text(1);
            c.last_seq = st->column_int(2);
        }
        if (!st->ok()) return storage_error("read sync_client", st->error());
    }
    {
        auto st = db_.prepare("SELECT seq, entity, id, json FROM sync_change WHERE seq > ?1 ORDER BY seq, rowid");
        if (!st) return st.error();
        st->bind(1, fresh.log_floor);
        while (st->step()) {
            ChangeEntry e{st->column_int(0), st->column_text(1), st->column_text(2), std::nullopt};
            if (!st->column_is_null(3)) e.record = Record{e.entity, e.id, parse_or_null(st->column_text(3))};
            fresh.log.push_back(std::move(e));
        }
        if (!st->ok()) return storage_error("read sync_change", st->error());
    }
    state = std::move(fresh);
    return {};
}

Status SqliteSyncStore::write_changes(const std::vector<ChangeEntry>& changes, const SyncServerState& state) {
    if (changes.empty()) return {};
    auto change = db_.prepare("INSERT INTO sync_change(seq, entity, id, json) VALUES(?1, ?2, ?3, ?4)");
    auto record = db_.prepare(
        "INSERT INTO sync_record(entity, id, json, seq, writers) VALUES(?1, ?2, ?3, ?4, ?5) "
        "ON CONFLICT(entity, id) DO UPDATE SET json = ?3, seq = ?4, writers = ?5");
    auto erase = db_.prepare("DELETE FROM sync_record WHERE entity = ?1 AND id = ?2");
    auto tomb = db_.prepare(
        "INSERT INTO sync_tombstone(entity, id, user_id, seq) VALUES(?1, ?2, ?3, ?4) "
        "ON CONFLICT(entity, id) DO UPDATE SET user_id = ?3, seq = ?4");
    auto untomb = db_.prepare("DELETE FROM sync_tombstone WHERE entity = ?1 AND id = ?2");
    for (auto* st : {&change, &record, &erase, &tomb, &untomb})
        if (!*st) return st->error();

    std::set<std::pair<std::string, std::string>> done;
    for (const ChangeEntry& e : changes) {
        change->reset();
        change->bind(1, e.seq).bind(2, e.entity).bind(3, e.id);
        if (e.record)
            change->bind(4, e.record->attributes.dump());
        else
            change->bind_null(4);
        change->step();
        if (!change->ok()) return storage_error("save a change", change->error());
    }
    // Each touched record once, as it is now (a later change in the batch wins).
    for (auto it = changes.rbegin(); it != changes.rend(); ++it) {
        if (!done.insert({it->entity, it->id}).second) continue;
        if (const Record* r = state.store.find(it->entity, it->id)) {
            record->reset();
            record->bind(1, r->entity)
                .bind(2, r->id)
                .bind(3, r->attributes.dump())
                .bind(4, it->seq)
                .bind(5, state.history.writers_json(r->entity, r->id).dump());
            record->step();
            if (!record->ok()) return storage_error("save a record", record->error());
            untomb->reset();
            untomb->bind(1, r->entity).bind(2, r->id);
            untomb->step();
            if (!untomb->ok()) return storage_error("save a record", untomb->error());
        } else {
            erase->reset();
            erase->bind(1, it->entity).bind(2, it->id);
            erase->step();
            if (!erase->ok()) return storage_error("delete a record", erase->error());
            if (const Tombstone* t = state.history.tombstone(it->entity, it->id)) {
                tomb->reset();
                tomb->bind(1, it->entity).bind(2, it->id).bind(3, t->user_id).bind(4, t->seq);
                tomb->step();
                if (!tomb->ok()) return storage_error("record a deletion", tomb->error());
            }
        }
    }
    return {};
}

Status SqliteSyncStore::save_push(const PushOutcome& outcome, const SyncServerState& state) {
    if (outcome.logged.empty()) return {};  // only duplicates: nothing new to keep
    SqliteTransaction tx(db_);
    if (!tx.begun()) return tx.begun();
    auto mutation = db_.prepare(
        "INSERT INTO sync_mutation(id, client_id, user_id, client_seq, name, args, status, seq, error) "
        "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    if (!mutation) return mutation.error();
    for (const LoggedMutation& m : outcome.logged) {
        mutation->reset();
        mutation->bind(1, m.id)
            .bind(2, m.client_id)
            .bind(3, m.user_id)
            .bind(4, m.client_seq)
            .bind(5, m.name)
            .bind(6, m.args.dump())
            .bind(7, std::string_view(to_string(m.result.status)))
            .bind(8, m.result.seq);
        if (m.result.status == MutationStatus::rejected)
            mutation->bind(9, error_to_json(m.result.error).dump());
        else
            mutation->bind_null(9);
        mutation->step();
        if (!mutation->ok()) return storage_error("save a mutation", mutation->error());
    }
    if (auto s = write_changes(outcome.changes, state); !s) return s;
    auto client = state.clients.find(outcome.client_id);
    if (client != state.clients.end()) {
        auto st = db_.prepare(
            "INSERT INTO sync_client(client_id, user_id, last_client_seq) VALUES(?1, ?2, ?3) "
            "ON CONFLICT(client_id) DO UPDATE SET user_id = ?2, last_client_seq = ?3");
        if (!st) return st.error();
        st->bind(1, client->first).bind(2, client->second.user_id).bind(3, client->second.last_seq);
        st->step();
        if (!st->ok()) return storage_error("save the client", st->error());
    }
    if (auto s = set_meta(db_, "seq", state.seq); !s) return s;
    return tx.commit();
}

Status SqliteSyncStore::save_changes(const std::vector<ChangeEntry>& changes, const SyncServerState& state) {
    SqliteTransaction tx(db_);
    if (!tx.begun()) return tx.begun();
    if (auto s = write_changes(changes, state); !s) return s;
    if (auto s = set_meta(db_, "seq", state.seq); !s) return s;
    return tx.commit();
}

}  // namespace casehub::server
