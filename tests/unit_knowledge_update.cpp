// Updating a published knowledge article in place, the path the article form's Update
// command takes (wasm/ui/extensions/article_commands.cpp): the status reason moves to "Updating"
// and back to "Published" through record.update, inside the Published state, with the
// agent's privileges checked; kb.publish is not the way back.
#include <catch2/catch.hpp>

#include "core/app/app_registry.hpp"
#include "core/demo/demo_data.hpp"
#include "core/domain/knowledge/knowledge_lifecycle.hpp"
#include "core/apply/mutation.hpp"
#include "core/apply/mutation_registry.hpp"
#include "core/apply/record_mutations.hpp"
#include "core/apply/sync_security_policy.hpp"
#include "core/base/uuid.hpp"

using namespace casehub;

namespace {

constexpr TimestampMs kNow = 1700000000000;
constexpr int kPublished = 7, kUpdating = 9;

struct Demo {
    Store store;
    SecurityPolicy policy;
    MutationRegistry registry = make_sync_registry();
    int n = 0;
    std::string published;

    Demo() {
        generate_demo_data(DemoOptions{42, 100, kNow}, store);
        store.for_each("knowledgearticle", [&](const Record& r) {
            if (r.attributes.value("statecode", -1) == kb_state::published && published.empty()) published = r.id;
        });
    }
    UserContext user(const char* domainname, const char* role, const char* name) const {
        const Record* u = find_user_by_domainname(store, domainname);
        REQUIRE(u);
        return UserContext{u->id, u->attributes["businessunitid"]["id"].get<std::string>(), {}, {role}, name};
    }
    Status run(const UserContext& who, const std::string& name, const Json& args) {
        Mutation m{make_uuid_v4(85, static_cast<std::uint64_t>(++n)), "c1", n, name, args, kNow};
        ApplyContext ctx(store, who, kNow, policy, m);
        return apply_mutation(registry, ctx);
    }
    Status set_status(const UserContext& who, int status) {
        return run(who, "record.update",
                   record_update_args(store, "knowledgearticle", published, Json{{"statuscode", status}}));
    }
    const Json& attrs() const { return store.find("knowledgearticle", published)->attributes; }
};

}  // namespace

TEST_CASE("a published article is updated in place and published again", "[kb]") {
    Demo d;
    REQUIRE_FALSE(d.published.empty());
    const UserContext admin = d.user("admin", "System Administrator", "Admin");
    REQUIRE(d.set_status(admin, kUpdating));
    CHECK(d.attrs()["statecode"] == kb_state::published);
    CHECK(d.attrs()["statuscode"] == kUpdating);
    REQUIRE(d.run(admin, "record.update",
                  record_update_args(d.store, "knowledgearticle", d.published, Json{{"content", "<p>New text</p>"}})));
    // kb.publish starts from Draft, Approved or Scheduled: an update is published again
    // by its status reason, which is why the form's Publish uses record.update here.
    auto again = d.run(admin, "kb.publish", {{"id", d.published}});
    REQUIRE_FALSE(again);
    CHECK(again.error().code == "invalid_transition");
    REQUIRE(d.set_status(admin, kPublished));
    CHECK(d.attrs()["statecode"] == kb_state::published);
    CHECK(d.attrs()["statuscode"] == kPublished);
    CHECK(d.attrs()["content"] == "<p>New text</p>");
}

TEST_CASE("a representative's Update of a published article is refused with the reason", "[kb]") {
    Demo d;
    REQUIRE_FALSE(d.published.empty());
    const UserContext alex = d.user("alex", "Customer Service Representative", "Alex Taylor");
    const Json before = d.attrs();
    auto refused = d.set_status(alex, kUpdating);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == "forbidden");
    CHECK(refused.error().message.find("Alex Taylor (Customer Service Representative) may not change knowledge articles") !=
          std::string::npos);
    CHECK(d.attrs() == before);
}

TEST_CASE("a published article's text cannot be edited without Update", "[kb]") {
    Demo d;
    REQUIRE_FALSE(d.published.empty());
    const UserContext admin = d.user("admin", "System Administrator", "Admin");
    const Json before = d.attrs();
    auto refused = d.run(admin, "record.update",
                         record_update_args(d.store, "knowledgearticle", d.published, Json{{"title", "Changed under readers"}}));
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == "read_only");
    CHECK(refused.error().field == "title");
    CHECK(refused.error().message.find("use Update or create a new version") != std::string::npos);
    CHECK(d.attrs() == before);
    // Moving it to Updating is allowed (only the status reason changes), and then the text is.
    REQUIRE(d.set_status(admin, kUpdating));
    REQUIRE(d.run(admin, "record.update",
                  record_update_args(d.store, "knowledgearticle", d.published, Json{{"title", "Corrected title"}})));
    CHECK(d.attrs()["title"] == "Corrected title");
}
