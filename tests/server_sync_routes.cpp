// The sync API on a real in-process server over the demo organisation: sessions are
// required, bad input is refused with a clear 4xx and changes nothing, a CSR neither
// reads nor changes another business unit's case through pull, snapshot or push, and a
// restart on the same database keeps every acknowledged mutation (applied once).
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <thread>

#include <httplib.h>

#include "core/app/app_registry.hpp"
#include "core/demo/demo_data.hpp"
#include "core/apply/record_mutations.hpp"
#include "core/security/security.hpp"
#include "core/apply/sync_security_policy.hpp"
#include "core/base/uuid.hpp"
#include "server/services/auth_service.hpp"
#include "server/http/auth_routes.hpp"
#include "server/http/sync_routes.hpp"
#include "server/services/sync_service.hpp"
#include "server/storage/sqlite/sqlite_storage.hpp"

namespace fs = std::filesystem;
using namespace casehub;
using namespace casehub::server;

namespace {

constexpr const char* password = "sync-test-password";

struct SyncServer {
    fs::path dir;
    std::unique_ptr<SyncService> sync;
    std::unique_ptr<AuthService> auth;
    httplib::Server http;
    std::thread thread;
    int port = 0;

    explicit SyncServer(fs::path data_dir) : dir(std::move(data_dir)) {
        fs::create_directories(dir);
        auto storage = open_sqlite_storage((dir / "casehub.db").string());
        REQUIRE(storage);
        auto s = SyncService::open(std::move(storage->sync), make_sync_registry(), std::make_unique<SecurityPolicy>(),
                                   [] { return TimestampMs{1'790'000'000'000}; });
        REQUIRE(s);
        sync = std::move(*s);
        Store demo;
        generate_demo_data(DemoOptions{7, 100, 1'790'000'000'000, 100}, demo);
        REQUIRE(sync->seed_if_empty(demo));
        AuthOptions options;
        options.password_cost = PasswordCost::Minimum;
        auto a = AuthService::open(std::move(storage->credentials), std::move(storage->sessions), options);
        REQUIRE(a);
        auth = std::move(*a);
        for (const char* name : {"alex", "dewi", "admin"}) {
            std::string id;
            sync->read([&](const Store& st) { id = find_user_by_domainname(st, name)->id; });
            REQUIRE(auth->ensure_user(id, name, password));
        }
        install_auth_routes(http, *auth, sync_user_directory(*sync));
        install_sync_routes(http, *sync, *auth);
        http.set_payload_max_length(1024 * 1024);
        port = http.bind_to_any_port("127.0.0.1");
        thread = std::thread([this] { http.listen_after_bind(); });
        while (!http.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ~SyncServer() {
        http.stop();
        if (thread.joinable()) thread.join();
    }

    std::string login(const std::string& user) {
        httplib::Client c("127.0.0.1", port);
        auto r = c.Post("/api/auth/login", Json{{"username", user}, {"password", password}}.dump(), "application/json");
        REQUIRE(r);
        REQUIRE(r->status == 200);
        return Json::parse(r->body)["token"].get<std::string>();
    }
};

struct TempDir {
    fs::path path = fs::temp_directory_path() / ("casehub-sync-" + std::to_string(::getpid()) + "-" +
                                                 std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

httplib::Headers bearer(const std::string& token) { return {{"Authorization", "Bearer " + token}}; }

Json push_body(const std::string& client, const std::vector<Mutation>& ms) {
    Json j{{"client_id", client}, {"mutations", Json::array()}};
    for (const auto& m : ms) j["mutations"].push_back(m);
    return j;
}

// A case alex (Contoso France CSR) may read and one he may not.
std::pair<Record, Record> readable_and_foreign_case(SyncService& sync) {
    std::optional<Record> mine, foreign;
    auto alex = sync.user_context([&] {
        std::string id;
        sync.read([&](const Store& st) { id = find_user_by_domainname(st, "alex")->id; });
        return id;
    }());
    REQUIRE(alex);
    sync.read([&](const Store& st) {
        st.for_each("incident", [&](const Record& r) {
            if (can_read(st, *alex, r)) {
                // An active case: resolved and canceled ones are read-only until reactivated.
                const Json* state = r.get("statecode");
                const bool active = state && state->is_number_integer() && state->get<int>() == 0;
                if (!mine && active && check_privilege(st, *alex, Privilege::Write, r)) mine = r;
            } else if (!foreign) {
                foreign = r;
            }
        });
    });
    REQUIRE(mine);
    REQUIRE(foreign);
    return {*mine, *foreign};
}

}  // namespace

TEST_CASE("the sync routes need a session and refuse malformed input without changing anything",
          "[server][sync]") {
    TempDir tmp;
    SyncServer s(tmp.path);
    httplib::Client c("127.0.0.1", s.port);
    const std::string token = s.login("alex");
    const auto seq = s.sync->seq();

    auto anon = c.Get("/api/sync/pull?cursor=0");
    REQUIRE(anon);
    CHECK(anon->status == 401);
    auto anon_push = c.Post("/api/sync/push", push_body("c", {}).dump(), "application/json");
    CHECK(anon_push->status == 401);

    auto expect_400 = [&](const std::string& body, const std::string& code) {
        auto r = c.Post("/api/sync/push", bearer(token), body, "application/json");
        REQUIRE(r);
        CHECK(r->status == 400);
        auto j = Json::parse(r->body, nullptr, false);
        REQUIRE(j.is_object());
        CHECK(j["error"]["code"] == code);
        CHECK_FALSE(j["error"]["message"].get<std::string>().empty());
    };
    expect_400("{not json", "malformed_json");
    expect_400("[]", "wrong_type");
    expect_400(R"({"client_id":"c"})", "missing_field");
    expect_400(R"({"client_id":"c","mutations":[],"extra":1})", "unknown_field");
    expect_400(R"({"client_id":7,"mutations":[]})", "wrong_type");
    expect_400(R"({"client_id":"c","mutations":{}})", "wrong_type");
    Json bad_mutation = push_body("c", {Mutation{make_uuid_v4(1, 1), "c", 1, "record.create", Json::object(), 0}});
    bad_mutation["mutations"][0]["client_seq"] = "1";
    expect_400(bad_mutation.dump(), "wrong_type");
    Json other_client = push_body("c", {Mutation{make_uuid_v4(1, 1), "d", 1, "record.create", Json::object(), 0}});
    expect_400(other_client.dump(), "wrong_client");

    auto big = c.Post("/api/sync/push", bearer(token), std::string(2 * 1024 * 1024, ' '), "application/json");
    REQUIRE(big);
    CHECK(big->status == 413);

    for (const char* q : {"/api/sync/pull", "/api/sync/pull?cursor=-1", "/api/sync/pull?cursor=abc",
                          "/api/sync/pull?cursor=0&limit=0", "/api/sync/pull?cursor=0&since=3"}) {
        auto r = c.Get(q, bearer(token));
        REQUIRE(r);
        INFO(q);
        CHECK(r->status == 400);
    }
    CHECK(s.sync->seq() == seq);
}

TEST_CASE("a CSR cannot read or change another business unit's case through pull, snapshot or push",
          "[server][sync][security]") {
    TempDir tmp;
    SyncServer s(tmp.path);
    httplib::Client c("127.0.0.1", s.port);
    const std::string alex = s.login("alex");
    auto [mine, foreign] = readable_and_foreign_case(*s.sync);

    auto snap = c.Get("/api/sync/snapshot", bearer(alex));
    REQUIRE(snap);
    REQUIRE(snap->status == 200);
    Json j = Json::parse(snap->body);
    bool saw_mine = false, saw_foreign = false;
    for (const auto& r : j["records"]) {
        saw_mine = saw_mine || r["id"] == mine.id;
        saw_foreign = saw_foreign || r["id"] == foreign.id;
    }
    CHECK(saw_mine);
    CHECK_FALSE(saw_foreign);
    const std::int64_t cursor = j["cursor"].get<std::int64_t>();

    auto pull_all = c.Get("/api/sync/pull?cursor=0&limit=5000", bearer(alex));
    REQUIRE(pull_all->status == 200);
    // Not even a drop: a record that was never in Alex's sight is never named to him.
    for (const auto& ch : Json::parse(pull_all->body)["changes"]) CHECK(ch["id"] != foreign.id);

    Store seen;
    seen.upsert(mine);
    seen.upsert(foreign);
    Mutation edit_foreign{make_uuid_v4(9, 1), "", 1, "record.update",
                          record_update_args(seen, "incident", foreign.id, {{"title", "hijacked"}}), 0};
    Mutation edit_mine{make_uuid_v4(9, 2), "", 2, "record.update",
                       record_update_args(seen, "incident", mine.id, {{"title", "Updated by Alex"}}), 0};
    auto pushed = c.Post("/api/sync/push", bearer(alex), push_body("alex-tablet", {edit_foreign, edit_mine}).dump(),
                         "application/json");
    REQUIRE(pushed);
    REQUIRE(pushed->status == 200);
    Json results = Json::parse(pushed->body)["results"];
    REQUIRE(results.size() == 2);
    CHECK(results[0]["status"] == "rejected");
    CHECK(results[0]["error"]["code"] == "forbidden");
    CHECK(results[1]["status"] == "accepted");
    s.sync->read([&](const Store& st) {
        CHECK(st.find("incident", foreign.id)->attributes == foreign.attributes);
        CHECK(st.find("incident", mine.id)->attributes["title"] == "Updated by Alex");
        CHECK(st.find("incident", mine.id)->attributes["modifiedby"]["id"] != "");
    });

    auto after = c.Get("/api/sync/pull?cursor=" + std::to_string(cursor), bearer(alex));
    REQUIRE(after->status == 200);
    Json page = Json::parse(after->body);
    REQUIRE(page["changes"].size() == 1);
    CHECK(page["changes"][0]["record"]["attributes"]["title"] == "Updated by Alex");

    SECTION("another user may not push through alex's client id") {
        const std::string dewi = s.login("dewi");
        Mutation m{make_uuid_v4(9, 3), "", 3, "record.update",
                   record_update_args(seen, "incident", foreign.id, {{"title", "x"}}), 0};
        auto r = c.Post("/api/sync/push", bearer(dewi), push_body("alex-tablet", {m}).dump(), "application/json");
        REQUIRE(r);
        CHECK(r->status == 409);
        CHECK(Json::parse(r->body)["error"]["code"] == "client_in_use");
    }
}

TEST_CASE("after a restart on the same database every acknowledged mutation is there and applied once",
          "[server][sync]") {
    TempDir tmp;
    Json before_dump;
    std::vector<Mutation> batch;
    Json first_results;
    {
        SyncServer s(tmp.path);
        auto [mine, foreign] = readable_and_foreign_case(*s.sync);
        (void)foreign;
        Store seen;
        seen.upsert(mine);
        for (int i = 0; i < 20; ++i)
            batch.push_back(Mutation{make_uuid_v4(10, static_cast<std::uint64_t>(i)), "", i + 1, "record.update",
                                     record_update_args(seen, "incident", mine.id,
                                                        {{"title", "Title " + std::to_string(i)}}),
                                     0});
        httplib::Client c("127.0.0.1", s.port);
        auto r = c.Post("/api/sync/push", bearer(s.login("alex")), push_body("t1", batch).dump(), "application/json");
        REQUIRE(r->status == 200);
        first_results = Json::parse(r->body)["results"];
        s.sync->read([&](const Store& st) { before_dump = st.dump(); });
    }
    SyncServer again(tmp.path);  // seed_if_empty must not seed a second time
    Json after_dump;
    again.sync->read([&](const Store& st) { after_dump = st.dump(); });
    CHECK(after_dump == before_dump);
    httplib::Client c("127.0.0.1", again.port);
    const auto seq = again.sync->seq();
    auto r = c.Post("/api/sync/push", bearer(again.login("alex")), push_body("t1", batch).dump(), "application/json");
    REQUIRE(r->status == 200);
    CHECK(Json::parse(r->body)["results"] == first_results);
    CHECK(again.sync->seq() == seq);
}
