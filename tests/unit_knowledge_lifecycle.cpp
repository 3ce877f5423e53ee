// Knowledge article lifecycle (kb.* mutations): transitions allowed and refused with
// their messages, scheduled publishing, versions, translations, links and analytics.
#include <catch2/catch.hpp>

#include "core/app/app_registry.hpp"
#include "core/demo/demo_data.hpp"
#include "core/domain/knowledge/knowledge_lifecycle.hpp"
#include "core/domain/knowledge/knowledge_search.hpp"
#include "core/apply/mutation.hpp"
#include "core/apply/mutation_registry.hpp"
#include "core/apply/record_mutations.hpp"
#include "core/apply/sync_security_policy.hpp"
#include "core/base/uuid.hpp"

using namespace casehub;

namespace {

const std::string article_id = make_uuid_v4(81, 1);
const std::string case_id = make_uuid_v4(81, 2);
constexpr TimestampMs kNow = 1700000000000;  // 2023-11-14T22:13:20Z

std::string id_n(std::uint64_t n) { return make_uuid_v4(82, n); }

struct Fixture {
    Store store;
    PermissivePolicy policy;
    MutationRegistry registry = make_sync_registry();
    UserContext alex{"user-alex", "bu-1", {}, {"Customer Service Representative"}, "Alex Taylor"};
    int counter = 0;

    Fixture() {
        store.upsert(Record{"knowledgearticle", article_id,
                            Json{{"title", "Reset your portal password"},
                                 {"articlepublicnumber", "KA-00002"},
                                 {"content", "<p>Open the <b>sign-in</b> page.</p>"},
                                 {"languagecode", 1033},
                                 {"majorversionnumber", 1},
                                 {"minorversionnumber", 0},
                                 {"statecode", 0},
                                 {"statuscode", 2}}});
        store.upsert(Record{"incident", case_id, Json{{"title", "Cannot sign in"}}});
    }

    Status run(const std::string& name, const Json& args, TimestampMs now = kNow) {
        Mutation m{make_uuid_v4(83, static_cast<std::uint64_t>(++counter)), "c1", counter, name, args, now};
        ApplyContext ctx(store, alex, now, policy, m);
        return apply_mutation(registry, ctx);
    }
    const Record& article(const std::string& id = article_id) const { return *store.find("knowledgearticle", id); }
    int state(const std::string& id = article_id) const { return article(id).attributes["statecode"].get<int>(); }
    int status(const std::string& id = article_id) const { return article(id).attributes["statuscode"].get<int>(); }
    void publish(const std::string& id = article_id) { REQUIRE(run("kb.publish", {{"id", id}})); }
};

}  // namespace

TEST_CASE("an article goes through review, approval and publishing", "[kb]") {
    Fixture f;
    REQUIRE(f.run("kb.submit_review", {{"id", article_id}}));
    CHECK(f.state() == 0);
    CHECK(f.status() == 4);  // In Review

    SECTION("approving it records the review and its date") {
        REQUIRE(f.run("kb.approve", {{"id", article_id}}));
        CHECK(f.state() == 1);
        CHECK(f.status() == 5);
        CHECK(f.article().attributes["review"] == 0);
        CHECK(f.article().attributes["reviewdate"] == "2023-11-14T22:13:20Z");
        REQUIRE(f.run("kb.publish", {{"id", article_id}}));
        CHECK(f.state() == 3);
        CHECK(f.status() == 7);
        CHECK(f.article().attributes["publishedon"] == "2023-11-14T22:13:20Z");
        CHECK(f.article().attributes["islatestversion"] == true);
    }
    SECTION("rejecting it sends it back to Draft with status Rejected") {
        REQUIRE(f.run("kb.reject", {{"id", article_id}}));
        CHECK(f.state() == 0);
        CHECK(f.status() == 12);
        CHECK(f.article().attributes["review"] == 1);
    }
    SECTION("an article in review cannot be published before the review ends") {
        auto s = f.run("kb.publish", {{"id", article_id}});
        REQUIRE_FALSE(s);
        CHECK(s.error().message == "KA-00002 \xe2\x80\x9cReset your portal password\xe2\x80\x9d is in review; approve or reject it first.");
    }
    SECTION("submitting twice is refused") {
        auto s = f.run("kb.submit_review", {{"id", article_id}});
        REQUIRE_FALSE(s);
        CHECK(s.error().message.find("already in review") != std::string::npos);
    }
}

TEST_CASE("approving an article that is not in review is refused with the reason", "[kb]") {
    Fixture f;
    auto s = f.run("kb.approve", {{"id", article_id}});
    REQUIRE_FALSE(s);
    CHECK(s.error().code == "invalid_transition");
    CHECK(s.error().message ==
          "KA-00002 \xe2\x80\x9cReset your portal password\xe2\x80\x9d is not in review; submit it for review before approving it.");
    CHECK(f.state() == 0);
}

TEST_CASE("publishing on a later date schedules the article until it is due", "[kb]") {
    Fixture f;
    REQUIRE(f.run("kb.publish", {{"id", article_id}, {"publishon", "2023-11-20T08:00:00Z"}}));
    CHECK(f.state() == 2);
    CHECK(f.status() == 6);
    CHECK(due_publications(f.store, kNow).empty());
    const TimestampMs later = *parse_utc("2023-11-20T08:00:00Z");
    CHECK(due_publications(f.store, later) == std::vector<std::string>{article_id});

    REQUIRE(f.run("kb.publish_due", Json::object(), later - 1));
    CHECK(f.state() == 2);  // not yet
    REQUIRE(f.run("kb.publish_due", Json::object(), later));
    CHECK(f.state() == 3);
    CHECK(f.article().attributes["publishedon"] == "2023-11-20T08:00:00Z");

    SECTION("an expiration date before the publish date is refused") {
        Fixture g;
        auto s = g.run("kb.publish", {{"id", article_id}, {"publishon", "2023-11-20T08:00:00Z"},
                                      {"expirationdate", "2023-11-19T08:00:00Z"}});
        REQUIRE_FALSE(s);
        CHECK(s.error().field == "expirationdate");
    }
    SECTION("a publish date that is not a date names the field") {
        Fixture g;
        auto s = g.run("kb.publish", {{"id", article_id}, {"publishon", "next monday"}});
        REQUIRE_FALSE(s);
        CHECK(s.error().field == "publishon");
    }
}

TEST_CASE("expire, archive, discard and restore follow the state model", "[kb]") {
    Fixture f;
    SECTION("a draft can be discarded and restored, not expired or archived") {
        auto e = f.run("kb.expire", {{"id", article_id}});
        REQUIRE_FALSE(e);
        CHECK(e.error().message == "Only Published articles can be expired; KA-00002 \xe2\x80\x9cReset your portal password\xe2\x80\x9d is Draft.");
        REQUIRE_FALSE(f.run("kb.archive", {{"id", article_id}}));
        REQUIRE(f.run("kb.discard", {{"id", article_id}}));
        CHECK(f.state() == 6);
        CHECK(f.status() == 13);
        auto p = f.run("kb.publish", {{"id", article_id}});
        REQUIRE_FALSE(p);
        CHECK(p.error().message.find("is Discarded") != std::string::npos);
        REQUIRE(f.run("kb.restore", {{"id", article_id}}));
        CHECK(f.state() == 0);
        CHECK(f.status() == 2);
    }
    SECTION("a published article expires, is archived and restored to draft") {
        f.publish();
        REQUIRE(f.run("kb.expire", {{"id", article_id}}));
        CHECK(f.state() == 4);
        CHECK(f.article().attributes["expirationdate"] == "2023-11-14T22:13:20Z");
        REQUIRE(f.run("kb.archive", {{"id", article_id}}));
        CHECK(f.state() == 5);
        REQUIRE_FALSE(f.run("kb.discard", {{"id", article_id}}));
        REQUIRE(f.run("kb.restore", {{"id", article_id}}));
        CHECK(f.state() == 0);
    }
    SECTION("restoring an article that is not ended is refused") {
        auto s = f.run("kb.restore", {{"id", article_id}});
        REQUIRE_FALSE(s);
        CHECK(s.error().message.find("Only Expired, Archived or Discarded articles can be restored") == 0);
    }
    SECTION("an unknown article or argument is named") {
        auto s = f.run("kb.publish", {{"id", "nope"}});
        CHECK(s.error().code == "not_found");
        auto t = f.run("kb.publish", {{"id", article_id}, {"publish_on", "x"}});
        CHECK(t.error().field == "publish_on");
    }
}

TEST_CASE("new versions copy a published article into a draft of the same root", "[kb]") {
    Fixture f;
    auto s = f.run("kb.new_version", {{"id", article_id}, {"new_id", id_n(1)}, {"major", false}});
    REQUIRE_FALSE(s);
    CHECK(s.error().message.find("Only Published articles can be given a new version") == 0);

    f.publish();
    REQUIRE(f.run("kb.new_version", {{"id", article_id}, {"new_id", id_n(1)}, {"major", false}}));
    const Record& minor = f.article(id_n(1));
    CHECK(minor.attributes["statecode"] == 0);
    CHECK(minor.attributes["majorversionnumber"] == 1);
    CHECK(minor.attributes["minorversionnumber"] == 1);
    CHECK(minor.attributes["content"] == f.article().attributes["content"]);
    CHECK(root_article_id(minor) == article_id);
    CHECK(article_version(minor) == "1.1");

    SECTION("a second draft version is refused until the first is published or discarded") {
        auto again = f.run("kb.new_version", {{"id", article_id}, {"new_id", id_n(2)}, {"major", true}});
        REQUIRE_FALSE(again);
        CHECK(again.error().code == "version_exists");
        CHECK(again.error().message.find("already has a draft version (1.1)") != std::string::npos);
    }
    SECTION("publishing the new version archives the old one; a major version follows") {
        f.publish(id_n(1));
        CHECK(f.state(article_id) == 5);
        CHECK(f.state(id_n(1)) == 3);
        REQUIRE(f.run("kb.new_version", {{"id", id_n(1)}, {"new_id", id_n(2)}, {"major", true}}));
        CHECK(article_version(f.article(id_n(2))) == "2.0");
        CHECK(root_article_id(f.article(id_n(2))) == article_id);
        const auto versions = related_versions(f.store, f.article(id_n(2)));
        REQUIRE(versions.size() == 2);
        CHECK(versions[0]->id == id_n(1));  // newest first
        CHECK(versions[1]->id == article_id);
    }
}

TEST_CASE("translations are linked to the root, one per language and version", "[kb]") {
    Fixture f;
    REQUIRE(f.run("kb.translate", {{"id", article_id}, {"new_id", id_n(10)}, {"languagecode", 1036}}));
    const Record& fr = f.article(id_n(10));
    CHECK(fr.attributes["languagecode"] == 1036);
    CHECK(fr.attributes["statecode"] == 0);
    CHECK(root_article_id(fr) == article_id);
    CHECK(article_version(fr) == "1.0");

    auto again = f.run("kb.translate", {{"id", article_id}, {"new_id", id_n(11)}, {"languagecode", 1036}});
    REQUIRE_FALSE(again);
    CHECK(again.error().message ==
          "KA-00002 \xe2\x80\x9cReset your portal password\xe2\x80\x9d already has a French translation of version 1.0.");
    auto from_translation = f.run("kb.translate", {{"id", id_n(10)}, {"new_id", id_n(11)}, {"languagecode", 1033}});
    REQUIRE_FALSE(from_translation);  // the root is the English 1.0
    auto same = f.run("kb.translate", {{"id", article_id}, {"new_id", id_n(11)}, {"languagecode", 1033}});
    CHECK(same.error().code == "same_language");

    REQUIRE(f.run("kb.translate", {{"id", id_n(10)}, {"new_id", id_n(12)}, {"languagecode", 1057}}));
    const auto translations = article_translations(f.store, f.article());
    REQUIRE(translations.size() == 2);
    CHECK(translations[0]->id == id_n(10));  // 1036 before 1057
    CHECK(translations[1]->id == id_n(12));
    CHECK(related_versions(f.store, f.article()).empty());
}

TEST_CASE("categories form a tree and links are made once", "[kb]") {
    Fixture f;
    const std::string hw = id_n(20), printers = id_n(21);
    REQUIRE(f.run("record.create", record_create_args("category", hw, {{"title", "Hardware"}})));
    REQUIRE(f.run("record.create", record_create_args("category", printers,
                                                      {{"title", "Printers"}, {"parentcategoryid", make_lookup("category", hw)}})));
    auto cycle = f.run("record.update", record_update_args(f.store, "category", hw,
                                                           {{"parentcategoryid", make_lookup("category", printers)}}));
    REQUIRE_FALSE(cycle);
    CHECK(cycle.error().code == "invalid_parent");

    REQUIRE(f.run("kb.add_category", {{"id", article_id}, {"link_id", id_n(22)}, {"categoryid", printers}}));
    auto twice = f.run("kb.add_category", {{"id", article_id}, {"link_id", id_n(23)}, {"categoryid", printers}});
    CHECK(twice.error().code == "already_linked");
    CHECK(f.store.referencing("knowledgearticlecategory", "knowledgearticleid", article_id).size() == 1);
    auto self = f.run("kb.add_related_article", {{"id", article_id}, {"link_id", id_n(24)}, {"relatedarticleid", article_id}});
    CHECK(self.error().code == "invalid_link");
    auto missing = f.run("kb.add_product", {{"id", article_id}, {"link_id", id_n(25)}, {"productid", id_n(99)}});
    CHECK(missing.error().code == "not_found");
}

TEST_CASE("linking to a case, views and ratings", "[kb]") {
    Fixture f;
    auto draft = f.run("kb.link_to_case", {{"id", article_id}, {"link_id", id_n(30)}, {"incidentid", case_id}});
    REQUIRE_FALSE(draft);
    CHECK(draft.error().message.find("Only Published articles can be linked to a case") == 0);
    f.publish();
    REQUIRE(f.run("kb.link_to_case", {{"id", article_id}, {"link_id", id_n(30)}, {"incidentid", case_id}}));
    const auto links = f.store.referencing("knowledgearticleincident", "incidentid", case_id);
    REQUIRE(links.size() == 1);
    CHECK(links[0]->attributes["issent"] == false);
    auto twice = f.run("kb.link_to_case", {{"id", article_id}, {"link_id", id_n(31)}, {"incidentid", case_id}});
    CHECK(twice.error().code == "already_linked");
    REQUIRE(f.run("kb.link_to_case", {{"id", article_id}, {"link_id", id_n(31)}, {"incidentid", case_id}, {"issent", true}}));
    CHECK(f.store.find("knowledgearticleincident", id_n(30))->attributes["issent"] == true);
    CHECK(f.store.count("knowledgearticleincident") == 1);

    REQUIRE(f.run("kb.view", {{"id", article_id}}));
    REQUIRE(f.run("kb.view", {{"id", article_id}}));
    CHECK(f.article().attributes["knowledgearticleviews"] == 2);

    REQUIRE(f.run("kb.rate", {{"id", article_id}, {"feedback_id", id_n(40)}, {"rating", 5}, {"comments", "Clear"}}));
    REQUIRE(f.run("kb.rate", {{"id", article_id}, {"feedback_id", id_n(41)}, {"rating", 2}}));
    CHECK(f.article().attributes["rating_count"] == 2);
    CHECK(f.article().attributes["rating"].get<double>() == Approx(3.5));
    CHECK(f.store.find("feedback", id_n(40))->attributes["comments"] == "Clear");
    auto bad = f.run("kb.rate", {{"id", article_id}, {"feedback_id", id_n(42)}, {"rating", 6}});
    CHECK(bad.error().message == "A rating is a whole number of stars from 1 to 5.");
}

TEST_CASE("lifecycle steps are checked against the agent's privileges", "[kb]") {
    // On the demo organisation with the real policy: Alex, a Customer Service
    // Representative, reads published articles but cannot write articles.
    Store s;
    generate_demo_data(DemoOptions{42, 100, kNow}, s);
    const Record* alex = find_user_by_domainname(s, "alex");
    REQUIRE(alex);
    const UserContext csr{alex->id, alex->attributes["businessunitid"]["id"].get<std::string>(), {},
                          {"Customer Service Representative"}, "Alex Taylor"};
    std::string draft, published;
    s.for_each("knowledgearticle", [&](const Record& r) {
        const int state = r.attributes.value("statecode", -1);
        if (state == 0 && r.attributes.value("statuscode", -1) == 2 && draft.empty()) draft = r.id;
        if (state == 3 && published.empty()) published = r.id;
    });
    REQUIRE_FALSE(draft.empty());
    REQUIRE_FALSE(published.empty());
    SecurityPolicy real;
    MutationRegistry registry = make_sync_registry();
    int n = 0;
    auto run = [&](const std::string& name, const Json& args) {
        Mutation m{make_uuid_v4(84, static_cast<std::uint64_t>(++n)), "c1", n, name, args, kNow};
        ApplyContext ctx(s, csr, kNow, real, m);
        return apply_mutation(registry, ctx);
    };
    const Json before = s.find("knowledgearticle", draft)->attributes;
    auto refused = run("kb.submit_review", {{"id", draft}});
    REQUIRE_FALSE(refused);
    CHECK(refused.error().code == "forbidden");
    CHECK(s.find("knowledgearticle", draft)->attributes == before);  // unchanged

    const int views = s.find("knowledgearticle", published)->attributes.value("knowledgearticleviews", 0);
    REQUIRE(run("kb.view", {{"id", published}}));  // counters need only Read
    CHECK(s.find("knowledgearticle", published)->attributes["knowledgearticleviews"] == views + 1);
}

// ---------------------------------------------------------------------------------
// The index kept in step with the store, and the case-side helpers of the panel.
TEST_CASE("the knowledge index follows the store article by article", "[kb]") {
    Fixture f;
    KnowledgeSearch search;
    CHECK(search.sync(f.store) == 1);
    CHECK(search.sync(f.store) == 0);  // nothing changed: nothing re-analysed
    CHECK(search.search("sign-in page", "en", {}).size() == 1);
    CHECK(search.search("sign-in page", "en", {"3"}).empty());  // not published yet

    f.publish();
    CHECK(search.sync(f.store) == 1);
    REQUIRE(search.search("password", "en", {"3"}).size() == 1);
    REQUIRE(f.run("kb.translate", {{"id", article_id}, {"new_id", id_n(50)}, {"languagecode", 1036}}));
    Record fr = f.article(id_n(50));
    fr.attributes["title"] = "Réinitialiser le mot de passe";
    fr.attributes["content"] = "<p>Ouvrez la page de <b>connexion</b>.</p>";
    f.store.upsert(fr);
    CHECK(search.sync(f.store) == 1);
    const auto hits = search.search("reinitialiser mot de passe", "fr", {});
    REQUIRE_FALSE(hits.empty());
    CHECK(hits[0].id == id_n(50));
    CHECK(search.index().find(id_n(50))->content == "Ouvrez la page de connexion.");

    f.store.erase("knowledgearticle", id_n(50));
    CHECK(search.sync(f.store) == 1);
    CHECK(search.index().size() == 1);

    // The incrementally kept index answers as one built from scratch.
    KnowledgeSearch rebuilt;
    rebuilt.sync(f.store);
    for (const char* q : {"password", "sign", "portal reset"}) {
        const auto a = search.search(q, "en", {}), b = rebuilt.search(q, "en", {});
        REQUIRE(a.size() == b.size());
        for (std::size_t i = 0; i < a.size(); ++i) {
            CHECK(a[i].id == b[i].id);
            CHECK(a[i].score == Approx(b[i].score));
        }
    }
}

TEST_CASE("a case suggests its search words and finds similar cases", "[kb]") {
    Store store;
    const Json acme = make_lookup("account", make_uuid_v4(85, 1)), other = make_lookup("account", make_uuid_v4(85, 2));
    auto add = [&](std::uint64_t n, const char* title, const Json& customer) {
        store.upsert(Record{"incident", make_uuid_v4(86, n), Json{{"title", title}, {"customerid", customer}}});
        return make_uuid_v4(86, n);
    };
    const std::string me = add(1, "Printer not working after update", acme);
    const std::string close = add(2, "Printer not working", other);
    const std::string same_customer = add(3, "Printer jam", acme);
    add(4, "Refund request", other);
    add(5, "Invoice question", acme);  // same customer, no shared word: not similar
    const std::string other_jam = add(6, "Printer jam", other);

    Record mine = *store.find("incident", me);
    mine.attributes["description"] = "The customer restarted it twice.";
    CHECK(case_search_text(mine) == "Printer not working after update The customer restarted it twice.");

    const auto similar = similar_cases(store, mine);
    REQUIRE(similar.size() == 3);
    CHECK(similar[0].incident->id == close);          // two shared words
    CHECK(similar[1].incident->id == same_customer);  // one word, and the same customer
    CHECK(similar[2].incident->id == other_jam);      // one word only
}

// ---------------------------------------------------------------------------------
// Demo knowledge: translations hang off their root, categories form a tree.

TEST_CASE("the demo knowledge base has linked translations, categories and a draft version", "[kb][demo]") {
    Store s;
    generate_demo_data(DemoOptions{42, 100, kNow}, s);
    const Record* english = nullptr;
    s.for_each("knowledgearticle", [&](const Record& r) {
        if (r.attributes.value("title", "") == "Reset your portal password" && r.attributes.value("statecode", -1) == 3)
            english = &r;
    });
    REQUIRE(english);
    const auto translations = article_translations(s, *english);
    REQUIRE(translations.size() == 2);
    CHECK(translations[0]->attributes["languagecode"] == 1036);
    CHECK(translations[1]->attributes["languagecode"] == 1057);
    const auto versions = related_versions(s, *english);
    REQUIRE(versions.size() == 1);
    CHECK(article_version(*versions[0]) == "1.1");
    CHECK(versions[0]->attributes["statuscode"] == 4);  // in review
    CHECK(s.count("category") == 6);
    CHECK(s.referencing("knowledgearticlecategory", "knowledgearticleid", english->id).size() == 1);
    std::size_t children = 0;
    s.for_each("category", [&](const Record& c) { children += c.get("parentcategoryid") ? 1 : 0; });
    CHECK(children == 3);
}
