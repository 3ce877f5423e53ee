// Activities: Mark Complete, Cancel, sending an email draft to the outbox, overdue
// checks, and the My Activities / Activities Due views across every activity type.
#include <catch2/catch.hpp>

#include "core/app/app_registry.hpp"
#include "core/domain/activities/activity_lifecycle.hpp"
#include "core/metadata/metadata.hpp"
#include "core/apply/mutation.hpp"
#include "core/apply/mutation_registry.hpp"
#include "core/base/time.hpp"
#include "core/base/uuid.hpp"

using namespace casehub;

namespace {

const std::string kTask = make_uuid_v4(40, 1);
const std::string kCall = make_uuid_v4(40, 2);
const std::string kEmail = make_uuid_v4(40, 3);
const std::string kMeeting = make_uuid_v4(40, 4);
const std::string kCase = make_uuid_v4(40, 5);
constexpr TimestampMs kNow = 1700000000000;  // 2023-11-14T22:13:20Z

struct Fixture {
    Store store;
    PermissivePolicy policy;
    MutationRegistry registry = make_sync_registry();
    UserContext alex{"user-alex", "bu-1", {}, {"Customer Service Representative"}, "Alex Taylor"};
    int counter = 0;

    Fixture() {
        const Json regarding = make_lookup("incident", kCase);
        const Json me = make_lookup("systemuser", "user-alex");
        store.upsert(Record{"task", kTask, {{"subject", "Call back"}, {"regardingobjectid", regarding}, {"statecode", 0},
                                            {"statuscode", 2}, {"ownerid", me}, {"scheduledend", "2023-11-13T09:00:00Z"}}});
        store.upsert(Record{"phonecall", kCall, {{"subject", "Check toner"}, {"statecode", 0}, {"statuscode", 1},
                                                 {"ownerid", me}, {"scheduledend", "2023-11-14T23:30:00Z"}}});
        store.upsert(Record{"email", kEmail, {{"subject", "Your case"}, {"regardingobjectid", regarding},
                                              {"statecode", 0}, {"statuscode", 1}, {"ownerid", me},
                                              {"scheduledend", "2023-11-20T09:00:00Z"}}});
        store.upsert(Record{"appointment", kMeeting, {{"subject", "On site"}, {"statecode", 3}, {"statuscode", 5},
                                                      {"ownerid", make_lookup("systemuser", "user-sam")},
                                                      {"scheduledend", "2023-11-10T09:00:00Z"}}});
    }
    Status run(const std::string& name, const Json& args) {
        Mutation m{make_uuid_v4(9, static_cast<std::uint64_t>(++counter)), "c1", 1, name, args, kNow};
        ApplyContext ctx(store, alex, kNow, policy, m);
        return apply_mutation(registry, ctx);
    }
    const Json& attr(const std::string& entity, const std::string& id, const char* name) {
        return store.find(entity, id)->attributes[name];
    }
};

std::vector<std::string> view_ids(const Fixture& f, const char* view) {
    const View* v = casehub_metadata().view(view);
    REQUIRE(v);
    std::vector<std::string> ids;
    for (const Record* r : run_view(*v, f.store, "user-alex", kNow).rows) ids.push_back(r->id);
    return ids;
}

}  // namespace

TEST_CASE("Mark Complete closes an activity with its Completed status reason and the time it ended", "[activity]") {
    Fixture f;
    REQUIRE(f.run("activity.complete", {{"entity", "task"}, {"id", kTask}, {"actualdurationminutes", 30}}));
    CHECK(f.attr("task", kTask, "statecode") == 1);
    CHECK(f.attr("task", kTask, "statuscode") == 5);
    CHECK(f.attr("task", kTask, "actualend") == "2023-11-14T22:13:20Z");
    CHECK(f.attr("task", kTask, "actualdurationminutes") == 30);

    SECTION("a phone call completes as Made, or Received when asked") {
        REQUIRE(f.run("activity.complete", {{"entity", "phonecall"}, {"id", kCall}, {"statuscode", 4}}));
        CHECK(f.attr("phonecall", kCall, "statuscode") == 4);
    }
    SECTION("completing it again says it is already completed") {
        auto s = f.run("activity.complete", {{"entity", "task"}, {"id", kTask}});
        REQUIRE_FALSE(s);
        CHECK(s.error().message == "Task \"Call back\" is already completed.");
    }
    SECTION("a scheduled appointment can be completed") {
        REQUIRE(f.run("activity.complete", {{"entity", "appointment"}, {"id", kMeeting}}));
        CHECK(f.attr("appointment", kMeeting, "statuscode") == 3);
    }
}

TEST_CASE("Cancel closes an activity as Canceled; a status reason of another state is refused", "[activity]") {
    Fixture f;
    REQUIRE(f.run("activity.cancel", {{"entity", "phonecall"}, {"id", kCall}}));
    CHECK(f.attr("phonecall", kCall, "statecode") == 2);
    CHECK(f.attr("phonecall", kCall, "statuscode") == 3);
    CHECK(f.run("activity.complete", {{"entity", "task"}, {"id", kTask}, {"statuscode", 6}}).error().field ==
          "statuscode");
    CHECK(f.run("activity.complete", {{"entity", "incident"}, {"id", kCase}}).error().field == "entity");
    CHECK(f.run("activity.cancel", {{"entity", "task"}, {"id", make_uuid_v4(1, 1)}}).error().code == "not_found");
}

TEST_CASE("sending an email draft puts it in the outbox as Pending Send", "[activity]") {
    Fixture f;
    auto no_recipient = f.run("email.send", {{"id", kEmail}});
    REQUIRE_FALSE(no_recipient);
    CHECK(no_recipient.error().field == "torecipients");
    CHECK(f.attr("email", kEmail, "statuscode") == email_status::draft);

    f.store.upsert([&] {
        Record r = *f.store.find("email", kEmail);
        r.attributes["torecipients"] = "nancy@contoso.com";
        return r;
    }());
    REQUIRE(f.run("email.send", {{"id", kEmail}}));
    CHECK(f.attr("email", kEmail, "statecode") == 1);
    CHECK(f.attr("email", kEmail, "statuscode") == email_status::pending_send);
    CHECK(f.attr("email", kEmail, "directioncode") == true);
    CHECK(f.run("email.send", {{"id", kEmail}}).error().code == "invalid_state");
}

TEST_CASE("an open activity past its due date is overdue; a closed one never is", "[activity]") {
    Fixture f;
    CHECK(is_activity_overdue(*f.store.find("task", kTask), kNow));
    CHECK_FALSE(is_activity_overdue(*f.store.find("email", kEmail), kNow));
    REQUIRE(f.run("activity.complete", {{"entity", "task"}, {"id", kTask}}));
    CHECK_FALSE(is_activity_overdue(*f.store.find("task", kTask), kNow));
    CHECK(is_activity_open(*f.store.find("appointment", kMeeting)));
}

TEST_CASE("My Activities lists my open activities of every type by due date", "[activity]") {
    Fixture f;
    CHECK(view_ids(f, "my_activities") == std::vector<std::string>{kTask, kCall, kEmail});
    REQUIRE(f.run("activity.complete", {{"entity", "task"}, {"id", kTask}}));
    CHECK(view_ids(f, "my_activities") == std::vector<std::string>{kCall, kEmail});
}

TEST_CASE("Activities Due lists open activities due by the end of today, overdue first", "[activity]") {
    Fixture f;
    CHECK(view_ids(f, "activities_due") == std::vector<std::string>{kMeeting, kTask, kCall});
    CHECK(view_ids(f, "overdue_activities") == std::vector<std::string>{kMeeting, kTask});
    CHECK(view_ids(f, "upcoming_activities") == std::vector<std::string>{kCall, kEmail});
}
