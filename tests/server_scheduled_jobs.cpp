// The server's scheduled jobs (server/scheduled_jobs.*) over the demo organisation with
// the real security policy: an email an agent sends lands in the mail drop as an .eml
// file and becomes Sent for every client, a message already written before a crash is
// not written again, late SLA timers get their actions, articles publish and expire on
// their dates, the timer thread runs and stops, and the flags that configure it.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include <unistd.h>

#include "core/app/app_registry.hpp"
#include "core/demo/demo_data.hpp"
#include "core/domain/activities/email_outbox.hpp"
#include "core/domain/knowledge/knowledge_lifecycle.hpp"
#include "core/apply/record_mutations.hpp"
#include "core/domain/sla/sla_engine.hpp"
#include "core/apply/sync_security_policy.hpp"
#include "core/base/uuid.hpp"
#include "server/config.hpp"
#include "server/services/scheduled_jobs.hpp"
#include "server/services/sync_service.hpp"
#include "server/storage/sqlite/sqlite_storage.hpp"

namespace fs = std::filesystem;
using namespace casehub;
using namespace casehub::server;

namespace {

constexpr TimestampMs kNow = 1'790'000'000'000;  // the demo's "now"

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

struct JobsServer {
    fs::path dir = fs::temp_directory_path() / ("casehub-jobs-" + std::to_string(::getpid()));
    std::atomic<TimestampMs> now{kNow};
    std::unique_ptr<SyncService> sync;
    std::unique_ptr<ScheduledJobs> jobs;
    std::map<std::string, std::int64_t> client_seq;  // per client id: gap-free
    std::uint64_t ids = 0;

    explicit JobsServer(int interval_seconds = 0) {
        fs::remove_all(dir);
        fs::create_directories(dir);
        auto storage = open_sqlite_storage((dir / "casehub.db").string());
        REQUIRE(storage);
        auto s = SyncService::open(std::move(storage->sync), make_sync_registry(), std::make_unique<SecurityPolicy>(),
                                   [this] { return now.load(); });
        REQUIRE(s);
        sync = std::move(*s);
        Store demo;
        generate_demo_data(DemoOptions{7, 100, kNow, 100}, demo);
        REQUIRE(sync->seed_if_empty(demo));
        ScheduledJobsOptions options;
        options.interval_seconds = interval_seconds;
        options.mail_drop = (dir / "outbox").string();
        jobs = std::make_unique<ScheduledJobs>(*sync, options, [this] { return now.load(); });
        // What the demo data left due (late timers, the demo outbox) is done first, so each
        // test sees only its own work.
        const JobsReport first = jobs->run_once(kNow);
        INFO(first.errors.size() << " errors, first: " << (first.errors.empty() ? "" : first.errors.front()));
        CHECK(first.refused == 0);
    }
    ~JobsServer() {
        jobs.reset();
        std::error_code ec;
        fs::remove_all(dir, ec);
    }

    UserContext user(const std::string& name) {
        std::string id;
        sync->read([&](const Store& st) { id = find_user_by_domainname(st, name)->id; });
        return *sync->user_context(id);
    }

    // Pushes one mutation as `name` from that user's tablet; REQUIREs it accepted.
    void push(const std::string& name, const std::string& mutation, const Json& args) {
        const std::string client = "tablet-" + name;
        Mutation m{make_uuid_v4(95, ++ids), client, ++client_seq[client], mutation, args, now.load()};
        auto r = sync->push(user(name), m.client_id, {m});
        REQUIRE(r);
        INFO(mutation << " " << r->front().error.message);
        REQUIRE(r->front().status == MutationStatus::accepted);
    }

    // Alex writes an email and sends it; returns its id.
    std::string alex_sends(const std::string& subject) {
        const std::string id = make_uuid_v4(96, ++ids);
        push("alex", "record.create",
             record_create_args("email", id,
                                {{"subject", subject}, {"description", "<p>Voici la procédure.</p>"},
                                 {"torecipients", "lea.martin@example.fr"}}));
        push("alex", "email.send", {{"id", id}});
        return id;
    }

    Record record(const std::string& entity, const std::string& id) {
        Record out;
        sync->read([&](const Store& st) { out = *st.find(entity, id); });
        return out;
    }
};

}  // namespace

TEST_CASE("an email an agent sends is written to the mail drop, then Sent for every client", "[server][jobs]") {
    JobsServer s;
    const std::string id = s.alex_sends("Votre imprimante");
    CHECK(s.record("email", id).attributes["statuscode"] == 6);  // Pending Send: in the outbox
    const std::int64_t seq_before = s.sync->seq();

    s.now = kNow + 30'000;
    const JobsReport report = s.jobs->run_once(s.now);
    INFO((report.errors.empty() ? "" : report.errors.front()));
    CHECK(report.emails_written == 1);
    CHECK(report.applied == 1);
    CHECK(report.errors.empty());

    const std::string eml = read_text(s.jobs->message_path(id));
    CHECK(eml.find("From: \"Alex Taylor\" <") != std::string::npos);
    CHECK(eml.find("To: lea.martin@example.fr\r\n") != std::string::npos);
    CHECK(eml.find("Subject: Votre imprimante\r\n") != std::string::npos);
    CHECK(eml.find("Message-ID: <" + id + "@casehub>\r\n") != std::string::npos);
    CHECK_FALSE(fs::exists(fs::path(s.jobs->message_path(id)).parent_path() / ".tmp" / (id + ".eml")));

    const Record sent = s.record("email", id);
    CHECK(sent.attributes["statecode"] == 1);
    CHECK(sent.attributes["statuscode"] == 3);  // Sent
    CHECK(sent.attributes["senton"] == format_utc(kNow + 30'000));

    // The change has a server sequence number: Alex's tablet pulls it.
    CHECK(s.sync->seq() == seq_before + 1);
    const PullPage page = s.sync->pull(s.user("alex"), seq_before, 100);
    bool pulled = false;
    for (const auto& c : page.changes)
        pulled = pulled || (c.id == id && c.record && c.record->attributes["statuscode"] == 3);
    CHECK(pulled);

    // Nothing is left to do, and nothing is sent twice.
    const JobsReport again = s.jobs->run_once(s.now + 30'000);
    CHECK(again.applied == 0);
    CHECK(again.emails_written == 0);
    CHECK(s.sync->seq() == seq_before + 1);
}

TEST_CASE("a message written before a crash is not written again, only marked Sent", "[server][jobs]") {
    JobsServer s;
    const std::string id = s.alex_sends("Suivi");
    // The last round wrote the file and stopped before marking the email.
    REQUIRE(write_file_atomically((s.dir / "outbox").string(), id + ".eml", "the first delivery"));
    const JobsReport report = s.jobs->run_once(s.now + 1000);
    CHECK(report.emails_written == 0);
    CHECK(report.applied == 1);
    CHECK(read_text(s.jobs->message_path(id)) == "the first delivery");
    CHECK(s.record("email", id).attributes["statuscode"] == 3);

    // The gateway already sent it and moved it to sent/.
    const std::string picked = s.alex_sends("Relance");
    REQUIRE(write_file_atomically((s.dir / "outbox" / "sent").string(), picked + ".eml", "gone out"));
    const JobsReport second = s.jobs->run_once(s.now + 2000);
    CHECK(second.emails_written == 0);
    CHECK_FALSE(fs::exists(s.jobs->message_path(picked)));
    CHECK(s.record("email", picked).attributes["statuscode"] == 3);
}

TEST_CASE("late SLA timers get their warning and failure actions as the system", "[server][jobs]") {
    JobsServer s;
    const TimestampMs later = kNow + 20LL * 86'400'000;  // three weeks on, every open timer is late
    std::vector<std::string> due, due_kpis;
    s.sync->read([&](const Store& st) {
        due = cases_with_sla_actions_due(st, later);
        st.for_each("slakpiinstance", [&](const Record& k) {
            if (kpi_actions_due(st, k, later)) due_kpis.push_back(k.id);
        });
    });
    REQUIRE_FALSE(due.empty());
    REQUIRE(due_kpis.size() >= due.size());
    s.now = later;
    const JobsReport report = s.jobs->run_once(later);
    INFO((report.errors.empty() ? "" : report.errors.front()));
    CHECK(report.refused == 0);
    CHECK(report.applied >= static_cast<int>(due.size()));
    s.sync->read([&](const Store& st) {
        CHECK(cases_with_sla_actions_due(st, later).empty());
        const Record* admin = find_user_by_domainname(st, "admin");
        for (const std::string& id : due_kpis) {
            const Record* k = st.find("slakpiinstance", id);
            CHECK(k->attributes["status"] == static_cast<int>(KpiStatus::Noncompliant));
            CHECK(k->attributes["warningtimereached"] == true);
            CHECK(k->attributes["casehub_failureactionsdone"] == true);
            CHECK(k->attributes["modifiedby"] == make_lookup("systemuser", admin->id));  // the system did it
        }
    });
}

TEST_CASE("articles are published and expired when their dates come", "[server][jobs]") {
    JobsServer s;
    std::string draft, published;
    s.sync->read([&](const Store& st) {
        st.for_each("knowledgearticle", [&](const Record& a) {
            const int state = a.attributes.value("statecode", 0);
            const bool has_expiry = a.get("expirationdate") != nullptr;
            if (draft.empty() && state == kb_state::draft && a.attributes.value("statuscode", 0) == 2) draft = a.id;
            if (published.empty() && state == kb_state::published && !has_expiry) published = a.id;
        });
    });
    REQUIRE_FALSE(draft.empty());
    REQUIRE_FALSE(published.empty());
    s.push("admin", "kb.publish", {{"id", draft}, {"publishon", format_utc(kNow + 3'600'000)}});
    Json update;
    s.sync->read([&](const Store& st) {
        update = record_update_args(st, "knowledgearticle", published, {{"expirationdate", format_utc(kNow + 7'200'000)}});
    });
    s.push("admin", "record.update", update);
    CHECK(s.record("knowledgearticle", draft).attributes["statecode"] == kb_state::scheduled);

    s.now = kNow + 3'600'000;
    CHECK(s.jobs->run_once(s.now).refused == 0);  // (the featured Gold case's timer is due by now too)
    CHECK(s.record("knowledgearticle", draft).attributes["statecode"] == kb_state::published);
    CHECK(s.record("knowledgearticle", published).attributes["statecode"] == kb_state::published);

    s.now = kNow + 7'200'000;
    CHECK(s.jobs->run_once(s.now).refused == 0);
    CHECK(s.record("knowledgearticle", published).attributes["statecode"] == kb_state::expired);
}

TEST_CASE("the timer thread delivers on its own and stops promptly", "[server][jobs]") {
    JobsServer s(1);
    s.now = kNow + 1000;
    const std::string id = s.alex_sends("Envoi automatique");
    s.jobs->start();
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < deadline && s.record("email", id).attributes["statuscode"] != 3)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK(s.record("email", id).attributes["statuscode"] == 3);
    CHECK(fs::exists(s.jobs->message_path(id)));
    const auto before_stop = std::chrono::steady_clock::now();
    s.jobs->stop();
    CHECK(std::chrono::steady_clock::now() - before_stop < std::chrono::seconds(2));
}

TEST_CASE("the jobs interval and the mail drop come from flags or the environment", "[server][jobs]") {
    auto c = parse_server_config({"--data-dir", "/srv/casehub"});
    REQUIRE(c);
    CHECK(c->jobs_interval_seconds == 30);
    CHECK(mail_drop_dir(*c) == "/srv/casehub/outbox");
    c = parse_server_config({"--jobs-interval-seconds", "0", "--mail-drop", "/var/spool/casehub"});
    REQUIRE(c);
    CHECK(c->jobs_interval_seconds == 0);
    CHECK(mail_drop_dir(*c) == "/var/spool/casehub");
    auto bad = parse_server_config({"--jobs-interval-seconds", "-1"});
    REQUIRE_FALSE(bad);
    CHECK(bad.error().message.find("--jobs-interval-seconds") != std::string::npos);
    ::setenv("CASEHUB_JOBS_INTERVAL", "5", 1);
    ::setenv("CASEHUB_MAIL_DROP", "/tmp/drop", 1);
    c = parse_server_config({});
    ::unsetenv("CASEHUB_JOBS_INTERVAL");
    ::unsetenv("CASEHUB_MAIL_DROP");
    REQUIRE(c);
    CHECK(c->jobs_interval_seconds == 5);
    CHECK(c->mail_drop == "/tmp/drop");
    CHECK(server_usage().find("--mail-drop DIR") != std::string::npos);
}
