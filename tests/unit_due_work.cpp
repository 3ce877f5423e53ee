// Due work for the server's scheduled job (core/due_work.hpp): SLA timers past their
// warning/failure time, Scheduled articles to publish and Published ones to expire,
// emails in the outbox with the RFC 5322 message to deliver, and the outbox mutations
// (email.mark_sent / email.mark_failed) the job applies afterwards.
#include <catch2/catch.hpp>

#include "core/app/app_registry.hpp"
#include "core/app/due_work.hpp"
#include "core/domain/activities/email_outbox.hpp"
#include "core/domain/knowledge/knowledge_lifecycle.hpp"
#include "core/apply/mutation.hpp"
#include "core/apply/mutation_registry.hpp"
#include "core/apply/record_mutations.hpp"
#include "core/domain/sla/sla_engine.hpp"
#include "core/base/uuid.hpp"

using namespace casehub;

namespace {

TimestampMs at(const char* text) { return *parse_utc(text); }

const std::string kCalendar = make_uuid_v4(90, 1), kSla = make_uuid_v4(90, 2), kFirst = make_uuid_v4(90, 3),
                  kAccount = make_uuid_v4(90, 4), kOwner = make_uuid_v4(90, 5), kAdmin = make_uuid_v4(90, 6),
                  kScheduled = make_uuid_v4(90, 7), kPublished = make_uuid_v4(90, 8), kEmail = make_uuid_v4(90, 9);
const std::string kFrom = "CaseHub <casehub@localhost>";

std::vector<std::string> names_of(const std::vector<DueMutation>& due) {
    std::vector<std::string> out;
    for (const auto& d : due) out.push_back(d.name);
    return out;
}

// base64 back to bytes, to read the body the way a mail client does.
std::string unbase64(const std::string& in) {
    const std::string table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    unsigned bits = 0;
    int count = 0;
    for (char c : in) {
        const auto v = table.find(c);
        if (v == std::string::npos) continue;
        bits = (bits << 6) | static_cast<unsigned>(v);
        count += 6;
        if (count >= 8) {
            count -= 8;
            out += static_cast<char>((bits >> count) & 0xFF);
        }
    }
    return out;
}

struct Fixture {
    Store store;
    PermissivePolicy policy;
    MutationRegistry registry = make_sync_registry();
    UserContext agent{kOwner, "bu-1", {}, {"Customer Service Representative"}, "Camille Martin"};
    UserContext job_user{kAdmin, "bu-1", {}, {"System Administrator"}, "System Administrator"};
    std::int64_t counter = 0;

    Fixture() {
        store.upsert({"calendar", kCalendar,
                      {{"name", "Office hours"}, {"utcoffsetminutes", 0},
                       {"weeklyschedule", R"({"mon":["09:00-17:00"],"tue":["09:00-17:00"],"wed":["09:00-17:00"],"thu":["09:00-17:00"],"fri":["09:00-17:00"]})"}}});
        store.upsert({"sla", kSla,
                      {{"name", "Standard SLA"}, {"isdefault", true}, {"objecttypecode", "incident"},
                       {"allowpauseresume", true}, {"businesshoursid", make_lookup("calendar", kCalendar)},
                       {"statecode", 1}, {"statuscode", 2}}});
        store.upsert({"slaitem", kFirst,
                      {{"name", "First Response By"}, {"slaid", make_lookup("sla", kSla)},
                       {"relatedfield", "firstresponsebykpiid"}, {"warnafter", 30}, {"failureafter", 60},
                       {"sequencenumber", 1},
                       {"casehub_warningactions", R"([{"type": "set", "attribute": "prioritycode", "value": 1}])"},
                       {"casehub_failureactions", R"([{"type": "flag", "attribute": "isescalated"}])"}}});
        store.upsert({"account", kAccount, {{"name", "Boulangerie Martin"}}});
        store.upsert({"systemuser", kOwner,
                      {{"fullname", "Camille Martin"}, {"internalemailaddress", "camille@contoso.com"}}});
        store.upsert({"systemuser", kAdmin, {{"fullname", "System Administrator"}}});
    }

    Status run(const std::string& name, const Json& args, TimestampMs now, const UserContext& user) {
        ++counter;
        Mutation m{make_uuid_v4(91, static_cast<std::uint64_t>(counter)), "c1", counter, name, args, now};
        ApplyContext ctx(store, user, now, policy, m);
        return apply_mutation(registry, ctx);
    }
    Status apply(const DueMutation& work, TimestampMs now) { return run(work.name, work.args, now, job_user); }

    std::string create_case(TimestampMs now) {
        const std::string id = make_uuid_v4(92, static_cast<std::uint64_t>(++counter));
        Json fields = {{"title", "Imprimante en panne"}, {"customerid", make_lookup("account", kAccount)},
                       {"ownerid", make_lookup("systemuser", kOwner)}, {"prioritycode", 2}};
        REQUIRE(run("record.create", record_create_args("incident", id, fields), now, agent));
        return id;
    }

    void draft_email(const Json& extra = Json::object()) {
        Json fields = {{"subject", "Votre imprimante"}, {"description", "Bonjour,\nvoici la marche à suivre."},
                       {"torecipients", "marie.dupont@example.fr; paul@example.fr"},
                       {"ownerid", make_lookup("systemuser", kOwner)}, {"statecode", 0}, {"statuscode", 1}};
        for (auto it = extra.begin(); it != extra.end(); ++it) fields[it.key()] = it.value();
        REQUIRE(run("record.create", record_create_args("email", kEmail, fields), at("2026-11-30T09:00:00Z"), agent));
    }

    const Record& email() const { return *store.find("email", kEmail); }
};

}  // namespace

TEST_CASE("nothing is due in a store with no late timer, no dated article and an empty outbox", "[due_work]") {
    Fixture f;
    f.create_case(at("2026-11-30T09:00:00Z"));  // Monday 09:00: warning at 09:30
    CHECK(due_work(f.store, at("2026-11-30T09:29:00Z"), kFrom).empty());
}

TEST_CASE("a KPI past its warning time is evaluated once per threshold, for active cases only", "[due_work]") {
    Fixture f;
    const std::string id = f.create_case(at("2026-11-30T09:00:00Z"));
    const TimestampMs warned = at("2026-11-30T09:31:00Z");
    auto due = due_work(f.store, warned, kFrom);
    REQUIRE(names_of(due) == std::vector<std::string>{"sla.evaluate"});
    CHECK(due[0].args == Json{{"id", id}});

    REQUIRE(f.apply(due[0], warned));
    CHECK(f.store.find("incident", id)->attributes["prioritycode"] == 1);  // the warning action ran
    CHECK(due_work(f.store, warned, kFrom).empty());                      // and is not due again
    CHECK(due_work(f.store, at("2026-11-30T09:59:00Z"), kFrom).empty());

    const TimestampMs failed = at("2026-11-30T10:01:00Z");
    due = due_work(f.store, failed, kFrom);
    REQUIRE(names_of(due) == std::vector<std::string>{"sla.evaluate"});
    REQUIRE(f.apply(due[0], failed));
    CHECK(f.store.find("incident", id)->attributes["isescalated"] == true);
    CHECK(due_work(f.store, at("2026-12-07T10:00:00Z"), kFrom).empty());

    SECTION("a paused timer, or one of a resolved case, is not due") {
        Fixture g;
        const std::string on_hold = g.create_case(at("2026-11-30T09:00:00Z"));
        REQUIRE(g.run("record.update", record_update_args(g.store, "incident", on_hold, {{"statuscode", 2}}),
                      at("2026-11-30T09:10:00Z"), g.agent));
        CHECK(due_work(g.store, at("2026-11-30T12:00:00Z"), kFrom).empty());
        Record closed = *g.store.find("incident", g.create_case(at("2026-11-30T09:00:00Z")));
        closed.attributes["statecode"] = 1;
        g.store.upsert(closed);
        CHECK(due_work(g.store, at("2026-11-30T12:00:00Z"), kFrom).empty());
    }
}

TEST_CASE("articles whose publish date has come are published and those past expiry expire", "[due_work]") {
    Fixture f;
    f.store.upsert({"knowledgearticle", kScheduled,
                    {{"title", "Changer le toner"}, {"statecode", kb_state::scheduled}, {"statuscode", 6},
                     {"publishon", "2026-12-01T08:00:00Z"}}});
    f.store.upsert({"knowledgearticle", kPublished,
                    {{"title", "Ancienne procédure"}, {"statecode", kb_state::published}, {"statuscode", 7},
                     {"islatestversion", true}, {"expirationdate", "2026-12-01T12:00:00Z"}}});
    CHECK(due_work(f.store, at("2026-12-01T07:59:00Z"), kFrom).empty());
    CHECK(names_of(due_work(f.store, at("2026-12-01T08:00:00Z"), kFrom)) == std::vector<std::string>{"kb.publish_due"});
    CHECK(due_expirations(f.store, at("2026-12-01T11:59:59Z")).empty());

    const TimestampMs noon = at("2026-12-01T12:05:00Z");
    auto due = due_work(f.store, noon, kFrom);
    REQUIRE(names_of(due) == std::vector<std::string>{"kb.publish_due", "kb.expire_due"});
    for (const auto& d : due) REQUIRE(f.apply(d, noon));
    const Record& published = *f.store.find("knowledgearticle", kScheduled);
    CHECK(published.attributes["statecode"] == kb_state::published);
    const Record& expired = *f.store.find("knowledgearticle", kPublished);
    CHECK(expired.attributes["statecode"] == kb_state::expired);
    CHECK(expired.attributes["statuscode"] == 10);
    CHECK(expired.attributes["expirationdate"] == "2026-12-01T12:00:00Z");  // when it was due, not when the job ran
    CHECK(expired.attributes["islatestversion"] == false);
    CHECK(due_work(f.store, noon, kFrom).empty());
}

TEST_CASE("an email in the outbox is delivered as an RFC 5322 message, then marked Sent", "[due_work]") {
    Fixture f;
    f.draft_email();
    CHECK(due_work(f.store, at("2026-11-30T09:05:00Z"), kFrom).empty());  // a draft is not sent
    REQUIRE(f.run("email.send", {{"id", kEmail}}, at("2026-11-30T09:05:00Z"), f.agent));
    CHECK(pending_emails(f.store) == std::vector<std::string>{kEmail});

    const TimestampMs now = at("2026-11-30T09:05:30Z");
    auto due = due_work(f.store, now, kFrom);
    REQUIRE(names_of(due) == std::vector<std::string>{"email.mark_sent"});
    const DueMutation& d = due[0];
    CHECK(d.email_id == kEmail);
    const std::string& m = d.message;
    CHECK(m.find("From: \"Camille Martin\" <camille@contoso.com>\r\n") != std::string::npos);  // the owner's mailbox
    CHECK(m.find("To: marie.dupont@example.fr, paul@example.fr\r\n") != std::string::npos);
    CHECK(m.find("Subject: Votre imprimante\r\n") != std::string::npos);
    CHECK(m.find("Date: Mon, 30 Nov 2026 09:05:30 +0000\r\n") != std::string::npos);
    CHECK(m.find("Message-ID: <" + kEmail + "@casehub>\r\n") != std::string::npos);
    CHECK(m.find("Content-Type: text/html; charset=UTF-8\r\n") != std::string::npos);
    CHECK(m.find("Cc:") == std::string::npos);  // no Cc header without Cc recipients
    const std::string body = unbase64(m.substr(m.find("\r\n\r\n") + 4));
    CHECK(body.find("<p>Bonjour,<br>voici la marche à suivre.</p>") != std::string::npos);

    REQUIRE(f.apply(d, now));
    CHECK(f.email().attributes["statecode"] == 1);
    CHECK(f.email().attributes["statuscode"] == 3);  // Sent
    CHECK(f.email().attributes["senton"] == "2026-11-30T09:05:30Z");
    CHECK(f.email().attributes["messageid"] == "<" + kEmail + "@casehub>");  // replies find the conversation
    CHECK(due_work(f.store, now, kFrom).empty());

    SECTION("marking it again (a retry after a crash) changes nothing") {
        const Record before = f.email();
        REQUIRE(f.apply(d, now + 60000));
        CHECK(f.email().attributes == before.attributes);
    }
    SECTION("only the delivery job, a System Administrator, may mark an email sent") {
        Fixture g;
        g.draft_email();
        REQUIRE(g.run("email.send", {{"id", kEmail}}, now, g.agent));
        auto s = g.run("email.mark_sent", {{"id", kEmail}}, now, g.agent);
        REQUIRE_FALSE(s);
        CHECK(s.error().code == "forbidden");
        CHECK(g.email().attributes["statuscode"] == 6);
    }
    SECTION("a draft is not claimed as sent") {
        Fixture g;
        g.draft_email();
        auto s = g.run("email.mark_sent", {{"id", kEmail}}, now, g.job_user);
        REQUIRE_FALSE(s);
        CHECK(s.error().code == "invalid_state");
    }
}

TEST_CASE("an outbox email without a recipient fails back to its author, who can send it again", "[due_work]") {
    Fixture f;
    f.draft_email();
    Record e = f.email();
    e.attributes["statecode"] = 1;
    e.attributes["statuscode"] = 6;
    e.attributes["torecipients"] = " ; ";
    f.store.upsert(e);  // as an SLA notify action leaves it when the owner has no address
    const TimestampMs now = at("2026-11-30T10:00:00Z");
    auto due = due_work(f.store, now, kFrom);
    REQUIRE(names_of(due) == std::vector<std::string>{"email.mark_failed"});
    CHECK(due[0].message.empty());
    REQUIRE(f.apply(due[0], now));
    CHECK(f.email().attributes["statecode"] == 0);
    CHECK(f.email().attributes["statuscode"] == 8);  // Failed
    CHECK(due_work(f.store, now, kFrom).empty());

    Record fixed = f.email();
    fixed.attributes["torecipients"] = "marie.dupont@example.fr";
    f.store.upsert(fixed);
    REQUIRE(f.run("email.send", {{"id", kEmail}}, now, f.agent));
    CHECK(names_of(due_work(f.store, now, kFrom)) == std::vector<std::string>{"email.mark_sent"});
}

TEST_CASE("the message encodes non-ASCII headers, keeps every header on one line and uses the default sender", "[due_work]") {
    OutgoingMessage msg;
    msg.from = kFrom;
    msg.to = "Amélie Poulain <amelie@example.fr>, budi@example.co.id";
    msg.cc = "chef@example.fr";
    msg.subject = "Réponse à votre demande";
    msg.message_id = "<x@casehub>";
    msg.in_reply_to = "<m1@example.fr>";
    msg.html_body = "<p>ok</p>";
    msg.date = at("2026-03-29T01:30:00Z");
    const std::string m = render_rfc5322(msg);
    CHECK(m.find("Subject: =?UTF-8?B?UsOpcG9uc2Ugw6Agdm90cmUgZGVtYW5kZQ==?=\r\n") != std::string::npos);
    CHECK(m.find("To: =?UTF-8?B?QW3DqWxpZSBQb3VsYWlu?= <amelie@example.fr>, budi@example.co.id\r\n") != std::string::npos);
    CHECK(m.find("Cc: chef@example.fr\r\n") != std::string::npos);
    CHECK(m.find("In-Reply-To: <m1@example.fr>\r\n") != std::string::npos);
    CHECK(m.find("Date: Sun, 29 Mar 2026 01:30:00 +0000\r\n") != std::string::npos);

    Fixture f;
    f.draft_email({{"subject", "Hello\r\nBcc: everyone@example.com"}, {"ownerid", make_lookup("systemuser", kAdmin)}});
    auto out = outgoing_message(f.store, f.email(), at("2026-11-30T10:00:00Z"), kFrom);
    REQUIRE(out);
    CHECK(out->from == kFrom);  // the owner has no mailbox
    CHECK(out->subject == "Hello  Bcc: everyone@example.com");
    CHECK(render_rfc5322(*out).find("\nBcc:") == std::string::npos);
}

TEST_CASE("the job's mutation id is the same for the same work and changes with the records", "[due_work]") {
    Fixture f;
    const std::string id = f.create_case(at("2026-11-30T09:00:00Z"));
    const auto first = due_work(f.store, at("2026-11-30T09:31:00Z"), kFrom);
    const auto again = due_work(f.store, at("2026-11-30T09:45:00Z"), kFrom);
    REQUIRE(first.size() == 1);
    REQUIRE(again.size() == 1);
    CHECK(due_mutation_id(first[0]) == due_mutation_id(again[0]));
    CHECK(is_uuid(due_mutation_id(first[0])));
    // Past the failure time the same records are a new round of work.
    const auto failed = due_work(f.store, at("2026-11-30T10:01:00Z"), kFrom);
    REQUIRE(failed.size() == 1);
    CHECK(due_mutation_id(failed[0]) != due_mutation_id(first[0]));
    REQUIRE(f.run("record.update", record_update_args(f.store, "incident", id, {{"title", "Toner"}}),
                  at("2026-11-30T09:40:00Z"), f.agent));
    const auto edited = due_work(f.store, at("2026-11-30T09:45:00Z"), kFrom);
    REQUIRE(edited.size() == 1);
    CHECK(due_mutation_id(edited[0]) != due_mutation_id(first[0]));
}
