// POST /api/inbound/email on a real in-process server over the demo organisation: the
// gateway token or an administrator's session is required, bad input gets a clear 4xx
// and changes nothing, a message becomes an email + case in the change log (pulled by
// clients), and the same message posted twice is applied once.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <thread>

#include <httplib.h>

#include "core/app/app_registry.hpp"
#include "core/demo/demo_data.hpp"
#include "core/apply/sync_security_policy.hpp"
#include "server/services/auth_service.hpp"
#include "server/http/auth_routes.hpp"
#include "server/http/inbound_email_routes.hpp"
#include "server/http/sync_routes.hpp"
#include "server/services/sync_service.hpp"
#include "server/storage/sqlite/sqlite_storage.hpp"

namespace fs = std::filesystem;
using namespace casehub;
using namespace casehub::server;

namespace {

constexpr const char* password = "inbound-test-password";
constexpr const char* gateway_token = "gw-secret-123";

struct InboundServer {
    fs::path dir = fs::temp_directory_path() / ("casehub-inbound-" + std::to_string(::getpid()));
    std::unique_ptr<SyncService> sync;
    std::unique_ptr<AuthService> auth;
    httplib::Server http;
    std::thread thread;
    int port = 0;

    InboundServer() {
        fs::remove_all(dir);
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
        for (const char* name : {"alex", "admin"}) {
            std::string id;
            sync->read([&](const Store& st) { id = find_user_by_domainname(st, name)->id; });
            REQUIRE(auth->ensure_user(id, name, password));
        }
        const UserDirectory users = sync_user_directory(*sync);
        install_auth_routes(http, *auth, users);
        install_sync_routes(http, *sync, *auth, users);
        install_inbound_email_routes(http, *sync, *auth, users, InboundEmailOptions{gateway_token, "admin"});
        port = http.bind_to_any_port("127.0.0.1");
        thread = std::thread([this] { http.listen_after_bind(); });
        while (!http.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ~InboundServer() {
        http.stop();
        if (thread.joinable()) thread.join();
        std::error_code ec;
        fs::remove_all(dir, ec);
    }

    std::string login(const std::string& user) {
        httplib::Client c("127.0.0.1", port);
        auto r = c.Post("/api/auth/login", Json{{"username", user}, {"password", password}}.dump(), "application/json");
        REQUIRE(r);
        REQUIRE(r->status == 200);
        return Json::parse(r->body)["token"].get<std::string>();
    }
};

Json gold_mail(const std::string& messageid) {
    return Json{{"from", "Léa Martin <lea.martin@example.fr>"},
                {"to", "gold@contoso.com"},
                {"subject", "Imprimante bloquée"},
                {"body", "Bonjour, notre imprimante est bloquée depuis ce matin."},
                {"messageid", messageid}};
}

httplib::Headers gateway() { return {{"X-CaseHub-Inbound-Token", gateway_token}}; }

}  // namespace

TEST_CASE("an email posted by the gateway becomes an email and a case that clients pull, once", "[server][inbound]") {
    InboundServer s;
    httplib::Client c("127.0.0.1", s.port);
    const auto seq_before = s.sync->seq();

    auto r = c.Post("/api/inbound/email", gateway(), gold_mail("<gw1@example.fr>").dump(), "application/json");
    REQUIRE(r);
    INFO(r->body);
    REQUIRE(r->status == 201);
    const Json answer = Json::parse(r->body);
    CHECK(answer["status"] == "accepted");
    REQUIRE(answer.contains("case_id"));
    CHECK(answer["ticketnumber"].get<std::string>().rfind("CAS-", 0) == 0);
    CHECK(s.sync->seq() == seq_before + 1);

    // The admin's client pulls the email and the case from the change log.
    const std::string token = s.login("admin");
    auto pull = c.Get(("/api/sync/pull?cursor=" + std::to_string(seq_before)).c_str(),
                      httplib::Headers{{"Authorization", "Bearer " + token}});
    REQUIRE(pull);
    REQUIRE(pull->status == 200);
    const std::string pulled = pull->body;
    CHECK(pulled.find(answer["case_id"].get<std::string>()) != std::string::npos);
    CHECK(pulled.find("gw1@example.fr") != std::string::npos);

    // Posted again (a gateway retry): the first outcome, nothing applied twice.
    auto again = c.Post("/api/inbound/email", gateway(), gold_mail("<gw1@example.fr>").dump(), "application/json");
    REQUIRE(again);
    CHECK(again->status == 200);
    CHECK(Json::parse(again->body)["case_id"] == answer["case_id"]);
    CHECK(s.sync->seq() == seq_before + 1);

    // The case waits in the Gold queue (nothing in the routing rules matched a new contact).
    s.sync->read([&](const Store& st) {
        bool queued = false;
        for (const Record* qi : st.referencing("queueitem", "objectid", answer["case_id"].get<std::string>()))
            if (const Record* q = st.find("queue", qi->attributes["queueid"]["id"].get<std::string>()))
                queued = queued || q->attributes["name"] == "Gold";
        CHECK(queued);
    });
}

TEST_CASE("inbound email needs the gateway token or an administrator", "[server][inbound]") {
    InboundServer s;
    httplib::Client c("127.0.0.1", s.port);
    const std::string body = gold_mail("<auth@example.fr>").dump();
    auto anon = c.Post("/api/inbound/email", body, "application/json");
    REQUIRE(anon);
    CHECK(anon->status == 401);
    CHECK(Json::parse(anon->body)["error"]["message"].get<std::string>().find("X-CaseHub-Inbound-Token") != std::string::npos);
    auto wrong = c.Post("/api/inbound/email", httplib::Headers{{"X-CaseHub-Inbound-Token", "guess"}}, body, "application/json");
    CHECK(wrong->status == 401);
    auto csr = c.Post("/api/inbound/email", httplib::Headers{{"Authorization", "Bearer " + s.login("alex")}}, body,
                      "application/json");
    CHECK(csr->status == 403);
    auto admin = c.Post("/api/inbound/email", httplib::Headers{{"Authorization", "Bearer " + s.login("admin")}}, body,
                        "application/json");
    CHECK(admin->status == 201);
}

TEST_CASE("bad inbound email is refused with a JSON error naming the problem and changes nothing", "[server][inbound]") {
    InboundServer s;
    httplib::Client c("127.0.0.1", s.port);
    const auto seq = s.sync->seq();
    auto expect = [&](const std::string& body, int status, const std::string& code, const std::string& field) {
        auto r = c.Post("/api/inbound/email", gateway(), body, "application/json");
        REQUIRE(r);
        INFO(body.substr(0, 200) << " -> " << r->body);
        CHECK(r->status == status);
        auto j = Json::parse(r->body, nullptr, false);
        REQUIRE(j.is_object());
        CHECK(j["error"]["code"] == code);
        if (!field.empty()) CHECK(j["error"]["field"] == field);
        CHECK_FALSE(j["error"]["message"].get<std::string>().empty());
    };
    Json no_from = gold_mail("<b1@example.fr>");
    no_from.erase("from");
    expect(no_from.dump(), 400, "missing_field", "from");
    Json extra = gold_mail("<b2@example.fr>");
    extra["attachments"] = Json::array();
    expect(extra.dump(), 400, "unknown_field", "attachments");
    Json big = gold_mail("<b3@example.fr>");
    big["body"] = std::string(150000, 'x');
    expect(big.dump(), 413, "too_long", "body");
    Json nowhere = gold_mail("<b4@example.fr>");
    nowhere["to"] = "nobody@contoso.com";
    expect(nowhere.dump(), 422, "unknown_mailbox", "to");
    expect("{not json", 400, "malformed_json", "");
    CHECK(s.sync->seq() == seq);  // a rejected mutation gets no global sequence number
}

TEST_CASE("the seed's example: a Gold customer's email to the support mailbox is routed to the Gold queue", "[server][inbound]") {
    InboundServer s;
    httplib::Client c("127.0.0.1", s.port);
    // A contact of the account holding the "Gold Support" entitlement.
    std::string from;
    s.sync->read([&](const Store& st) {
        std::string gold_account;
        st.for_each("entitlement", [&](const Record& e) {
            if (gold_account.empty() && e.attributes.value("name", std::string()) == "Gold Support")
                gold_account = e.attributes["customerid"]["id"].get<std::string>();
        });
        st.for_each("contact", [&](const Record& r) {
            const Json* parent = r.get("parentcustomerid");
            if (from.empty() && parent && (*parent)["id"] == gold_account && r.get("emailaddress1"))
                from = r.attributes["emailaddress1"].get<std::string>();
        });
    });
    REQUIRE_FALSE(from.empty());
    Json mail = gold_mail("<seed@example.fr>");
    mail["from"] = from;
    mail["to"] = "support.fr@contoso.com";
    auto r = c.Post("/api/inbound/email", gateway(), mail.dump(), "application/json");
    REQUIRE(r);
    INFO(r->body);
    REQUIRE(r->status == 201);
    const std::string case_id = Json::parse(r->body)["case_id"].get<std::string>();
    s.sync->read([&](const Store& st) {
        const Record* created = st.find("incident", case_id);
        REQUIRE(created);
        CHECK(created->attributes["caseorigincode"] == 2);
        std::vector<std::string> queues;
        for (const Record* qi : st.referencing("queueitem", "objectid", case_id))
            if (const Record* q = st.find("queue", qi->attributes["queueid"]["id"].get<std::string>()))
                queues.push_back(q->attributes["name"].get<std::string>());
        CHECK(queues == std::vector<std::string>{"Gold"});
        // The Phone to Case process started at Identify.
        const auto runs = st.referencing("bpfinstance", "regardingobjectid", case_id);
        REQUIRE(runs.size() == 1);
        CHECK(runs.front()->attributes["name"] == "Phone to Case Process");
    });
}
