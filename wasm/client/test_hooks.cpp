// Exports behind the sync test API, and the JS wrappers that turn them into
// window.casehub functions taking and returning plain JS values.
#include "wasm/client/test_hooks.hpp"

#include <string>

#include <emscripten/emscripten.h>

#include "core/apply/record_mutations.hpp"
#include "core/demo/demo_data.hpp"
#include "wasm/client/data_layer.hpp"

EM_JS(void, casehub_js_install_sync_hooks, (), {
    var ch = window.casehub = window.casehub || {};
    function call(fn, args) {
        var ptrs = [];
        var cargs = (args || []).map(function (s) {
            var n = lengthBytesUTF8(s) + 1;
            var p = _malloc(n);
            stringToUTF8(s, p, n);
            ptrs.push(p);
            return p;
        });
        try {
            return JSON.parse(UTF8ToString(Module[fn].apply(null, cargs)));
        } finally {
            ptrs.forEach(function (p) { _free(p); });
        }
    }
    ch.syncState = function () { return call("_casehub_sync_state_json"); };
    ch.mutate = function (name, args) {
        return call("_casehub_mutate_json", [String(name), typeof args === "string" ? args : JSON.stringify(args || {})]);
    };
    ch.records = function (entity) { return call("_casehub_records_json", [String(entity)]); };
    ch.syncNow = function () { Module["_casehub_sync_now"](); };
    ch.benchFillReplica = function (cases) { return Module["_casehub_bench_fill_replica"](cases, Date.now()); };
    ch.isDurable = function (clientSeq) { return Module["_casehub_is_durable"](Number(clientSeq)) === 1; };
    ch.signIn = function (user, password) { call("_casehub_sign_in_json", [String(user), String(password)]); };
});

namespace {

const char* keep(std::string text) {
    static std::string out;
    out = std::move(text);
    return out.c_str();
}

}  // namespace

extern "C" {

// {online, pending, unsaved (not yet stored on the device), storageError, rejected,
//  lastSyncedAt (ms, 0 never), lastError, syncing, signedIn, user, saved, loading (also while
//  the replica is still being read from the device: edits wait), restoring, restored}
EMSCRIPTEN_KEEPALIVE const char* casehub_sync_state_json() {
    auto& data = casehub::client::data_layer();
    const casehub::SyncState s = data.state();
    const casehub::client::ClientSession* session = data.session();
    casehub::Json j{{"online", s.online},
                    {"pending", s.pending},
                    {"rejected", s.rejected},
                    {"lastSyncedAt", s.last_synced_at},
                    {"lastError", s.last_error},
                    {"syncing", s.syncing},
                    {"signedIn", s.signed_in},
                    {"user", session ? casehub::Json(session->username) : casehub::Json(nullptr)},
                    {"saved", data.is_saved()},
                    {"loading", data.is_loading() || data.is_restoring()},
                    {"unsaved", s.unsaved},
                    {"storageError", s.storage_error},
                    {"restoring", data.is_restoring()},
                    {"restored", data.restored_records()}};
    casehub::Json rejections = casehub::Json::array();
    for (const auto& r : data.rejections())
        rejections.push_back({{"mutation", r.mutation.name}, {"code", r.error.code}, {"message", r.error.message}});
    j["rejections"] = rejections;
    return keep(j.dump(-1, ' ', false, casehub::Json::error_handler_t::replace));
}

// Submits a mutation. record.update / record.delete without "base" get it from the view
// (what a form would send). Answers {ok:true, id, clientSeq} or {ok:false, code, message}.
EMSCRIPTEN_KEEPALIVE const char* casehub_mutate_json(const char* name, const char* args_json) {
    auto& data = casehub::client::data_layer();
    casehub::Json args = casehub::Json::parse(args_json, nullptr, false);
    if (args.is_discarded() || !args.is_object())
        return keep(R"({"ok":false,"code":"bad_args","message":"args must be a JSON object"})");
    const std::string n = name;
    if ((n == "record.update" || n == "record.delete") && !args.contains("base") && args.contains("entity") &&
        args.contains("id") && args["entity"].is_string() && args["id"].is_string()) {
        const std::string entity = args["entity"].get<std::string>(), id = args["id"].get<std::string>();
        args = n == "record.update"
                   ? casehub::record_update_args(data.view(), entity, id, args.value("fields", casehub::Json::object()))
                   : casehub::record_delete_args(data.view(), entity, id);
    }
    auto m = data.submit(n, args);
    if (!m)
        return keep(casehub::Json{{"ok", false}, {"code", m.error().code}, {"message", m.error().message}}.dump());
    return keep(casehub::Json{{"ok", true}, {"id", m->id}, {"clientSeq", m->client_seq}}.dump());
}

// [{id, attributes}] of one entity in the view.
EMSCRIPTEN_KEEPALIVE const char* casehub_records_json(const char* entity) {
    casehub::Json out = casehub::Json::array();
    casehub::client::data_layer().view().for_each(
        entity, [&](const casehub::Record& r) { out.push_back({{"id", r.id}, {"attributes", r.attributes}}); });
    return keep(out.dump(-1, ' ', false, casehub::Json::error_handler_t::replace));
}

EMSCRIPTEN_KEEPALIVE void casehub_sync_now() { casehub::client::data_layer().sync_now(); }

// Benchmarks: the demo organisation with `cases` cases (the server's seeded generator)
// becomes the replica's confirmed store, stored on the device like a snapshot. Returns
// the number of records, or -1 without an open replica.
EMSCRIPTEN_KEEPALIVE int casehub_bench_fill_replica(int cases, double now_ms) {
    casehub::Store store;
    casehub::DemoOptions options;
    options.case_count = static_cast<std::size_t>(cases > 0 ? cases : 0);
    options.now_ms = static_cast<casehub::TimestampMs>(now_ms);
    casehub::generate_demo_data(options, store);
    std::vector<casehub::Record> records;
    records.reserve(store.size());
    store.for_each_record([&](const casehub::Record& r) { records.push_back(r); });
    const int n = static_cast<int>(records.size());
    return casehub::client::data_layer().load_bench_snapshot(std::move(records)) ? n : -1;
}

// 1 when the mutation numbered `client_seq` is stored on the device (shown as made).
EMSCRIPTEN_KEEPALIVE int casehub_is_durable(double client_seq) {
    return casehub::client::data_layer().is_durable(static_cast<std::int64_t>(client_seq)) ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE const char* casehub_sign_in_json(const char* user, const char* password) {
    casehub::client::data_layer().sign_in(user, password);
    return keep("null");
}

}  // extern "C"

namespace casehub::client {

void install_sync_test_hooks() { casehub_js_install_sync_hooks(); }

}  // namespace casehub::client
