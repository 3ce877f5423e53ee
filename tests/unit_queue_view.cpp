// Queue views: which queues a user sees, the three item views, filters, sorting, SLA
// status and counts per queue — and the demo organisation's queues.
#include <catch2/catch.hpp>

#include "core/demo/demo_data.hpp"
#include "core/domain/queues/queue_view.hpp"
#include "core/base/uuid.hpp"

using namespace casehub;

namespace {

const std::string alex = "u-alex", leo = "u-leo";
const std::string gold = make_uuid_v4(3, 1), silver = make_uuid_v4(3, 2), secret = make_uuid_v4(3, 3);
constexpr TimestampMs kNow = 1700000000000;  // 2023-11-14T22:13:20Z
constexpr TimestampMs kMinute = 60000;

struct World {
    Store s;
    int n = 0;

    World() {
        s.upsert(Record{"systemuser", alex, {{"fullname", "Alex Taylor"}}});
        s.upsert(Record{"systemuser", leo, {{"fullname", "Léo Bernard"}}});
        s.upsert(Record{"queue", gold, {{"name", "Gold"}, {"queueviewtype", 0}, {"statecode", 0}}});
        s.upsert(Record{"queue", silver, {{"name", "Silver"}, {"queueviewtype", 0}, {"statecode", 0}}});
        s.upsert(Record{"queue", secret, {{"name", "Escalations"}, {"queueviewtype", 1}, {"statecode", 0},
                                         {"ownerid", make_lookup("systemuser", leo)}}});
        s.upsert(Record{"queuemembership", "m1", {{"queueid", make_lookup("queue", gold)},
                                                  {"systemuserid", make_lookup("systemuser", alex)}}});
    }
    // A case in a queue, entered `minutes_ago`, worked by `worker` (empty: nobody).
    std::string item(const std::string& queue, const std::string& title, int priority, int minutes_ago,
                     const std::string& worker = {}, Json extra = Json::object()) {
        ++n;
        const std::string case_id = make_uuid_v4(5, static_cast<std::uint64_t>(n));
        Json c = {{"title", title}, {"prioritycode", priority}};
        for (auto it = extra.begin(); it != extra.end(); ++it) c[it.key()] = it.value();
        s.upsert(Record{"incident", case_id, c});
        Json a = {{"title", title}, {"queueid", make_lookup("queue", queue)}, {"objectid", make_lookup("incident", case_id)},
                  {"enteredon", format_utc(kNow - minutes_ago * kMinute)}, {"statecode", 0}};
        if (!worker.empty()) a["workerid"] = make_lookup("systemuser", worker);
        const std::string id = make_uuid_v4(6, static_cast<std::uint64_t>(n));
        s.upsert(Record{"queueitem", id, a});
        return id;
    }
};

std::vector<std::string> titles(const std::vector<QueueRow>& rows) {
    std::vector<std::string> out;
    for (const auto& r : rows) out.push_back(r.title);
    return out;
}

}  // namespace

TEST_CASE("All Queues lists public queues and private ones the user belongs to; My Queues only theirs",
          "[queue][queue_view]") {
    World w;
    auto names = [&](const std::string& user, QueueScope scope) {
        std::vector<std::string> out;
        for (const Record* q : queues_in_scope(w.s, user, scope)) out.push_back(q->attributes["name"]);
        return out;
    };
    CHECK(names(alex, QueueScope::All) == std::vector<std::string>{"Gold", "Silver"});
    CHECK(names(leo, QueueScope::All) == std::vector<std::string>{"Escalations", "Gold", "Silver"});
    CHECK(names(alex, QueueScope::Mine) == std::vector<std::string>{"Gold"});
    CHECK(names(leo, QueueScope::Mine) == std::vector<std::string>{"Escalations"});
}

TEST_CASE("the three views: available to work on, I am working on, all items — with worker and age",
          "[queue][queue_view]") {
    World w;
    w.item(gold, "Printer jams", 2, 30);
    w.item(gold, "Invoice wrong", 1, 10, alex);
    w.item(silver, "Delivery late", 3, 20, leo);
    w.item(secret, "Legal threat", 1, 5);
    Record inactive = *w.s.find("queueitem", w.item(gold, "Done", 2, 50));
    inactive.attributes["statecode"] = 1;
    w.s.upsert(inactive);

    QueueViewRequest r;
    r.user_id = alex;
    CHECK(titles(query_queue_items(w.s, r, kNow)) == std::vector<std::string>{"Printer jams"});
    r.view = QueueItemView::MyWork;
    auto mine = query_queue_items(w.s, r, kNow);
    REQUIRE(mine.size() == 1);
    CHECK(mine[0].worker_name == "Alex Taylor");
    CHECK(mine[0].queue_name == "Gold");
    CHECK(mine[0].age_ms == 10 * kMinute);
    CHECK(mine[0].priority == 1);
    r.view = QueueItemView::All;
    // Oldest first by default; Alex does not see the private Escalations queue.
    CHECK(titles(query_queue_items(w.s, r, kNow)) ==
          std::vector<std::string>{"Printer jams", "Delivery late", "Invoice wrong"});

    SECTION("one queue") {
        r.scope = QueueScope::One;
        r.queue_id = silver;
        CHECK(titles(query_queue_items(w.s, r, kNow)) == std::vector<std::string>{"Delivery late"});
    }
    SECTION("sort by priority, descending, and by worker") {
        r.sort = QueueColumn::Priority;
        r.descending = true;
        CHECK(titles(query_queue_items(w.s, r, kNow)) ==
              std::vector<std::string>{"Delivery late", "Printer jams", "Invoice wrong"});
        r.sort = QueueColumn::WorkedBy;
        r.descending = false;
        CHECK(titles(query_queue_items(w.s, r, kNow)).front() == "Printer jams");  // nobody sorts first
    }
    SECTION("filters: title (accent-insensitive), worker, priority") {
        r.title_contains = "INVOÏCE";
        CHECK(titles(query_queue_items(w.s, r, kNow)) == std::vector<std::string>{"Invoice wrong"});
        r.title_contains.clear();
        r.worker_contains = "leo";
        CHECK(titles(query_queue_items(w.s, r, kNow)) == std::vector<std::string>{"Delivery late"});
        r.worker_contains.clear();
        r.priority = 2;
        CHECK(titles(query_queue_items(w.s, r, kNow)) == std::vector<std::string>{"Printer jams"});
    }
    SECTION("counts per queue") {
        auto counts = queue_counts(w.s, alex, QueueScope::All);
        REQUIRE(counts.size() == 2);
        CHECK(counts[0].queue->attributes["name"] == "Gold");
        CHECK(counts[0].available == 1);
        CHECK(counts[0].working == 1);
        CHECK(counts[0].mine == 1);
        CHECK(counts[1].available == 0);
        CHECK(counts[1].working == 1);
        CHECK(counts[1].mine == 0);
    }
}

TEST_CASE("the SLA status of an item comes from the case's KPI instances, else from its deadlines",
          "[queue][queue_view]") {
    World w;
    const std::string first = make_uuid_v4(7, 1), resolve = make_uuid_v4(7, 2);
    w.s.upsert(Record{"slakpiinstance", first, {{"status", 4}}});
    w.s.upsert(Record{"slakpiinstance", resolve, {{"status", 2}}});
    const Record* c = nullptr;
    auto case_of = [&](const std::string& item) {
        const Record* i = w.s.find("queueitem", item);
        return w.s.find("incident", i->attributes["objectid"]["id"].get<std::string>());
    };
    c = case_of(w.item(gold, "With KPIs", 2, 5, {},
                       {{"firstresponsebykpiid", make_lookup("slakpiinstance", first)},
                        {"resolvebykpiid", make_lookup("slakpiinstance", resolve)}}));
    CHECK(sla_status_of(w.s, *c, kNow) == 2);  // first response succeeded: the resolve-by KPI shows
    c = case_of(w.item(gold, "Late answer", 2, 5, {}, {{"responseby", format_utc(kNow - kMinute)}}));
    CHECK(sla_status_of(w.s, *c, kNow) == 1);
    c = case_of(w.item(gold, "Answered", 2, 5, {},
                       {{"responseby", format_utc(kNow - kMinute)}, {"firstresponsesent", true},
                        {"resolveby", format_utc(kNow + kMinute)}}));
    CHECK(sla_status_of(w.s, *c, kNow) == 0);
    c = case_of(w.item(gold, "No SLA", 2, 5));
    CHECK(sla_status_of(w.s, *c, kNow) == -1);
}

TEST_CASE("the demo agents have their own queue and work the queues of their business unit", "[queue][demo]") {
    Store s;
    DemoOptions o;
    o.case_count = 400;
    o.now_ms = kNow;
    generate_demo_data(o, s);
    const Record* alex_user = find_user_by_domainname(s, "alex");
    REQUIRE(alex_user);
    std::vector<std::string> mine;
    for (const Record* q : queues_in_scope(s, alex_user->id, QueueScope::Mine)) mine.push_back(q->attributes["name"]);
    CHECK(mine == std::vector<std::string>{"<Alex Taylor>", "Gold", "Silver", "Tier 1 Support"});
    CHECK(alex_user->attributes["queueid"]["entity"] == "queue");

    const Record* dewi = find_user_by_domainname(s, "dewi");
    std::vector<std::string> dewi_mine;
    for (const Record* q : queues_in_scope(s, dewi->id, QueueScope::Mine)) dewi_mine.push_back(q->attributes["name"]);
    CHECK(dewi_mine == std::vector<std::string>{"<Dewi Lestari>", "Dukungan Indonesia", "Dukungan Teknis"});

    // Alex does not see Camille's private queue, and Gold has work waiting.
    for (const Record* q : queues_in_scope(s, alex_user->id, QueueScope::All))
        CHECK(q->attributes["name"] != "<Camille Martin>");
    QueueViewRequest r;
    r.user_id = alex_user->id;
    std::size_t available = 0;
    for (const auto& c : queue_counts(s, alex_user->id, QueueScope::All)) available += c.available;
    CHECK(available == query_queue_items(s, r, kNow).size());
    CHECK(available > 0);
}
