// Sign-in against a real server on a free port: login, wrong credentials, strict input,
// bearer sessions for /api/auth/me, logout, expiry, backoff, and a database that never
// holds a token or a password in clear.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

#include <httplib.h>

#include "core/security/security.hpp"
#include "core/store/store.hpp"
#include "server/services/auth_service.hpp"
#include "server/http/auth_routes.hpp"
#include "server/services/password.hpp"
#include "server/storage/sqlite/sqlite_storage.hpp"

namespace fs = std::filesystem;
using namespace casehub;
using namespace casehub::server;

namespace {

constexpr const char* demo_password = "casehub-demo";

Store make_users() {
    Store s;
    s.upsert(Record{"businessunit", "bu-fr", {{"name", "Contoso France"}}});
    s.upsert(Record{"systemuser", "u-alex",
                    {{"domainname", "alex"},
                     {"fullname", "Alex Taylor"},
                     {"businessunitid", make_lookup("businessunit", "bu-fr")},
                     {"securityroles", "Customer Service Representative"},
                     {"isdisabled", false}}});
    s.upsert(Record{"systemuser", "u-nora",
                    {{"domainname", "nora"},
                     {"fullname", "Nora Disabled"},
                     {"businessunitid", make_lookup("businessunit", "bu-fr")},
                     {"securityroles", "Customer Service Representative"},
                     {"isdisabled", true}}});
    return s;
}

// A real server with the auth routes on a free port, over a temporary data directory and
// a clock the test moves. Stops, joins and removes the directory on scope exit.
struct AuthServer {
    fs::path data_dir;
    std::atomic<TimestampMs> clock{1'790'000'000'000};
    Store store = make_users();
    std::unique_ptr<AuthService> auth;
    httplib::Server http;
    std::thread thread;
    int port = 0;

    AuthServer() {
        data_dir = fs::temp_directory_path() / ("casehub-auth-" + std::to_string(::getpid()) + "-" +
                                                std::to_string(reinterpret_cast<std::uintptr_t>(this)));
        fs::create_directories(data_dir);
        AuthOptions options;
        options.password_cost = PasswordCost::Minimum;
        options.clock = [this] { return clock.load(); };
        auto storage = open_sqlite_storage((data_dir / "casehub.db").string());
        REQUIRE(storage);
        auto opened = AuthService::open(std::move(storage->credentials), std::move(storage->sessions), options);
        REQUIRE(opened.ok());
        auth = std::move(*opened);
        REQUIRE(auth->ensure_user("u-alex", "alex", demo_password).ok());
        REQUIRE(auth->ensure_user("u-nora", "nora", demo_password).ok());
        UserDirectory users;
        users.context_for = [this](const std::string& id) { return user_context_for(store, id); };
        install_auth_routes(http, *auth, users);
        port = http.bind_to_any_port("127.0.0.1");
        thread = std::thread([this] { http.listen_after_bind(); });
        while (!http.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ~AuthServer() {
        http.stop();
        thread.join();
        auth.reset();
        std::error_code ec;
        fs::remove_all(data_dir, ec);
    }
    httplib::Client client() const { return httplib::Client("127.0.0.1", port); }

    httplib::Result login(const std::string& body) { return client().Post("/api/auth/login", body, "application/json"); }
    httplib::Result login_as(const std::string& username, const std::string& password) {
        return login(Json{{"username", username}, {"password", password}}.dump());
    }
    std::string token_for(const std::string& username) {
        auto res = login_as(username, demo_password);
        REQUIRE(res);
        REQUIRE(res->status == 200);
        return Json::parse(res->body)["token"].get<std::string>();
    }
    httplib::Result me(const std::string& token) {
        return client().Get("/api/auth/me", httplib::Headers{{"Authorization", "Bearer " + token}});
    }
    httplib::Result logout(const std::string& token) {
        return client().Post("/api/auth/logout", httplib::Headers{{"Authorization", "Bearer " + token}}, "",
                             "application/json");
    }
};

Json error_of(const httplib::Result& res) { return Json::parse(res->body)["error"]; }

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

TEST_CASE("signing in with the right password gives a token and the user", "[server][auth]") {
    AuthServer s;
    auto res = s.login_as("alex", demo_password);
    REQUIRE(res);
    CHECK(res->status == 200);
    const Json body = Json::parse(res->body);
    CHECK(body["token"].get<std::string>().size() >= 43);  // 32 bytes of base64url
    CHECK(body["expires_at"] == format_utc(s.clock.load() + 7LL * 24 * 3600 * 1000));
    CHECK(body["user"]["id"] == "u-alex");
    CHECK(body["user"]["username"] == "alex");
    CHECK(body["user"]["fullname"] == "Alex Taylor");
    CHECK(body["user"]["business_unit_id"] == "bu-fr");
    CHECK(body["user"]["roles"] == Json::array({"Customer Service Representative"}));
    SECTION("usernames are not case-sensitive") {
        auto upper = s.login_as("ALEX", demo_password);
        REQUIRE(upper);
        CHECK(upper->status == 200);
    }
    SECTION("two sign-ins get two different tokens") {
        CHECK(s.token_for("alex") != body["token"].get<std::string>());
    }
}

TEST_CASE("a wrong password or unknown user is 401 without saying which", "[server][auth]") {
    AuthServer s;
    auto wrong = s.login_as("alex", "not-the-password");
    auto unknown = s.login_as("nobody", demo_password);
    REQUIRE(wrong);
    REQUIRE(unknown);
    CHECK(wrong->status == 401);
    CHECK(unknown->status == 401);
    CHECK(error_of(wrong)["code"] == "unauthorized");
    CHECK(error_of(wrong)["message"] == error_of(unknown)["message"]);
    CHECK(wrong->body.find("not-the-password") == std::string::npos);
}

TEST_CASE("bad sign-in input is a 400 that names the problem", "[server][auth]") {
    AuthServer s;
    struct Case {
        const char* body;
        const char* code;
    };
    for (const Case& c : {Case{"{\"username\": \"alex\", ", "malformed_json"}, Case{"", "empty_body"},
                          Case{"[1,2]", "wrong_type"},
                          Case{R"({"username":"alex","password":"casehub-demo","remember":true})", "unknown_field"},
                          Case{R"({"username":"alex","password":42})", "wrong_type"},
                          Case{R"({"username":"alex"})", "missing_field"},
                          Case{R"({"username":"","password":"x"})", "missing_field"}}) {
        INFO(c.body);
        auto res = s.login(c.body);
        REQUIRE(res);
        CHECK(res->status == 400);
        CHECK(error_of(res)["code"] == c.code);
        CHECK_FALSE(error_of(res)["message"].get<std::string>().empty());
    }
    auto unknown = s.login(R"({"username":"alex","password":"casehub-demo","remember":true})");
    CHECK(error_of(unknown)["field"] == "remember");
}

TEST_CASE("the token opens /api/auth/me and logout revokes it", "[server][auth]") {
    AuthServer s;
    const std::string token = s.token_for("alex");
    auto me = s.me(token);
    REQUIRE(me);
    CHECK(me->status == 200);
    CHECK(Json::parse(me->body)["user"]["username"] == "alex");

    SECTION("no token, a garbage token or another scheme is 401") {
        auto none = s.client().Get("/api/auth/me");
        REQUIRE(none);
        CHECK(none->status == 401);
        CHECK(error_of(none)["message"] == "Sign in again: your session expired");
        CHECK(s.me("garbage")->status == 401);
        auto basic = s.client().Get("/api/auth/me", httplib::Headers{{"Authorization", "Basic " + token}});
        CHECK(basic->status == 401);
    }
    SECTION("after logout the token is refused and cannot log out again") {
        auto out = s.logout(token);
        REQUIRE(out);
        CHECK(out->status == 200);
        auto after = s.me(token);
        REQUIRE(after);
        CHECK(after->status == 401);
        CHECK(s.logout(token)->status == 401);
    }
    SECTION("logging out one session leaves the others") {
        const std::string other = s.token_for("alex");
        REQUIRE(s.logout(token)->status == 200);
        CHECK(s.me(other)->status == 200);
    }
}

TEST_CASE("an expired session is refused", "[server][auth]") {
    AuthServer s;
    const std::string token = s.token_for("alex");
    s.clock += 7LL * 24 * 3600 * 1000 - 1;
    CHECK(s.me(token)->status == 200);
    s.clock += 1;
    auto res = s.me(token);
    REQUIRE(res);
    CHECK(res->status == 401);
    CHECK(error_of(res)["message"] == "Sign in again: your session expired");
}

TEST_CASE("a disabled user cannot sign in, and loses access when disabled later", "[server][auth]") {
    AuthServer s;
    auto res = s.login_as("nora", demo_password);
    REQUIRE(res);
    CHECK(res->status == 403);
    CHECK(error_of(res)["code"] == "disabled");
    CHECK(res->body.find("token") == std::string::npos);

    const std::string token = s.token_for("alex");
    Record alex = *s.store.find("systemuser", "u-alex");
    alex.attributes["isdisabled"] = true;
    s.store.upsert(alex);  // the test thread is the only writer; requests are sequential
    CHECK(s.me(token)->status == 403);
}

TEST_CASE("repeated wrong passwords for a username are slowed down", "[server][auth]") {
    AuthServer s;
    for (int i = 0; i < 5; ++i) CHECK(s.login_as("alex", "wrong")->status == 401);
    auto blocked = s.login_as("alex", demo_password);
    REQUIRE(blocked);
    CHECK(blocked->status == 429);
    CHECK(error_of(blocked)["code"] == "rate_limited");
    SECTION("other usernames are not affected") {
        CHECK(s.login_as("nora", "wrong")->status == 401);
    }
    SECTION("after the backoff the right password works again") {
        s.clock += 1000;
        CHECK(s.login_as("alex", demo_password)->status == 200);
    }
}

TEST_CASE("the database never holds a token or a password in clear", "[server][auth]") {
    AuthServer s;
    const std::string token = s.token_for("alex");
    REQUIRE(s.logout(s.token_for("alex"))->status == 200);
    std::string bytes;
    for (const char* name : {"casehub.db", "casehub.db-wal", "casehub.db-journal"}) {
        if (fs::exists(s.data_dir / name)) bytes += read_file(s.data_dir / name);
    }
    REQUIRE(bytes.size() > 1000);
    CHECK(bytes.find(token) == std::string::npos);
    CHECK(bytes.find(demo_password) == std::string::npos);
    CHECK(bytes.find("$argon2id$") != std::string::npos);  // the hash is there instead
    CHECK(bytes.find(hash_token(token)) != std::string::npos);
}

TEST_CASE("ensure_user creates credentials once and keeps usernames unique", "[server][auth]") {
    AuthServer s;
    CHECK(s.auth->ensure_user("u-alex", "alex", "another-password").ok());
    CHECK(s.login_as("alex", demo_password)->status == 200);  // the first password stays
    auto taken = s.auth->ensure_user("u-other", "Alex", "x");
    REQUIRE_FALSE(taken.ok());
    CHECK(taken.error().code == "conflict");
    CHECK(*s.auth->user_id_for_username("alex") == "u-alex");

    SECTION("set_password changes the password and signs out every session") {
        const std::string token = s.token_for("alex");
        REQUIRE(s.auth->set_password("u-alex", "new-secret").ok());
        CHECK(s.me(token)->status == 401);
        CHECK(s.login_as("alex", demo_password)->status == 401);
        CHECK(s.login_as("alex", "new-secret")->status == 200);
    }
}

TEST_CASE("passwords are salted argon2id hashes checked by libsodium", "[server][auth]") {
    auto a = hash_password("correct horse", PasswordCost::Minimum);
    auto b = hash_password("correct horse", PasswordCost::Minimum);
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(a->rfind("$argon2id$", 0) == 0);
    CHECK(*a != *b);
    CHECK(verify_password(*a, "correct horse"));
    CHECK_FALSE(verify_password(*a, "correct horse "));
    CHECK_FALSE(verify_password("not a hash", "correct horse"));
    CHECK(password_needs_rehash(*a, PasswordCost::Interactive));
    CHECK_FALSE(password_needs_rehash(*a, PasswordCost::Minimum));
    CHECK_FALSE(hash_password("", PasswordCost::Minimum).ok());
}

TEST_CASE("every enabled user of the store gets the demo sign-in once", "[server][auth]") {
    AuthServer s;
    s.store.upsert(Record{"systemuser", "u-dewi",
                          {{"domainname", "dewi"},
                           {"fullname", "Dewi Lestari"},
                           {"businessunitid", make_lookup("businessunit", "bu-fr")},
                           {"securityroles", "Customer Service Representative"}}});
    s.store.upsert(Record{"systemuser", "u-off", {{"domainname", "off"}, {"isdisabled", true}}});
    REQUIRE(ensure_credentials_for_users(*s.auth, s.store, demo_password).ok());
    CHECK(s.login_as("dewi", demo_password)->status == 200);
    CHECK(s.login_as("off", demo_password)->status == 401);
    REQUIRE(s.auth->set_password("u-dewi", "changed").ok());
    REQUIRE(ensure_credentials_for_users(*s.auth, s.store, demo_password).ok());
    CHECK(s.login_as("dewi", "changed")->status == 200);
}
