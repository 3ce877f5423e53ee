// Record creation rules for inbound email (email.receive): the received email activity,
// the sender's contact found or created, a new case (routed) or the conversation's open
// case, and strict parsing of what the gateway posts.
#include <catch2/catch.hpp>

#include "core/app/app_registry.hpp"
#include "core/apply/mutation_registry.hpp"
#include "core/domain/routing/record_creation_rules.hpp"
#include "core/apply/record_mutations.hpp"
#include "core/base/uuid.hpp"

using namespace casehub;

namespace {

const std::string support_queue = make_uuid_v4(10, 1);
const std::string gold_queue = make_uuid_v4(10, 2);
const std::string account = make_uuid_v4(10, 3);
const std::string known_contact = make_uuid_v4(10, 4);
const std::string rule_id = make_uuid_v4(10, 5);
const std::string routing_set = make_uuid_v4(10, 6);

struct Fixture {
    Store store;
    PermissivePolicy policy;
    MutationRegistry registry = make_sync_registry();
    UserContext gateway{"user-admin", "bu-1", {}, {"System Administrator"}, "Admin"};
    int counter = 0;

    Fixture() {
        store.upsert(Record{"queue", support_queue,
                            {{"name", "Tier 1 Support"}, {"emailaddress", "Support@Contoso.com"}, {"statecode", 0}, {"statuscode", 1}}});
        store.upsert(Record{"queue", gold_queue, {{"name", "Gold"}, {"statecode", 0}, {"statuscode", 1}}});
        store.upsert(Record{"account", account, {{"name", "Contoso Pharmaceuticals"}, {"statecode", 0}}});
        store.upsert(Record{"contact", known_contact,
                            {{"lastname", "Dupont"}, {"firstname", "Marie"}, {"emailaddress1", "marie.dupont@example.fr"},
                             {"parentcustomerid", make_lookup("account", account)}, {"statecode", 0}}});
        store.upsert(Record{"convertrule", rule_id,
                            {{"name", "Support mailbox"}, {"queueid", make_lookup("queue", support_queue)},
                             {"allowunknownsender", true}, {"createcase", true}, {"routecase", true},
                             {"statecode", 1}, {"statuscode", 2}}});
        store.upsert(Record{"routingrule", routing_set, {{"name", "Routing"}, {"statecode", 1}}});
        const Json gold_condition = {{"conditions", Json::array({Json{{"attribute", "customerid"}, {"op", "eq"}, {"value", account}}})}};
        store.upsert(Record{"routingruleitem", make_uuid_v4(10, 7),
                            {{"name", "Contoso Pharmaceuticals is Gold"}, {"routingruleid", make_lookup("routingrule", routing_set)},
                             {"sequencenumber", 1}, {"conditionjson", gold_condition.dump()},
                             {"routedqueueid", make_lookup("queue", gold_queue)}}});
    }

    Status receive(const Json& email) {
        ++counter;
        Mutation m{inbound_email_mutation_id(email.value("messageid", std::to_string(counter))), "inbound", 1,
                   "email.receive", email, 1700000000000};
        ApplyContext ctx(store, gateway, 1700000000000, policy, m);
        return apply_mutation(registry, ctx);
    }

    const Record* email(const std::string& messageid) const {
        const Record* found = nullptr;
        store.for_each("email", [&](const Record& r) {
            if (r.attributes.value("messageid", std::string()) == messageid) found = &r;
        });
        return found;
    }
    const Record* case_of(const Record& email) const {
        const Json* reg = email.get("regardingobjectid");
        if (!reg || (*reg)["entity"] != "incident") return nullptr;
        return store.find("incident", (*reg)["id"].get<std::string>());
    }
    std::vector<std::string> queues_of(const std::string& id) const {
        std::vector<std::string> out;
        for (const Record* qi : store.referencing("queueitem", "objectid", id))
            if (qi->attributes.value("statecode", 0) == 0) out.push_back(qi->attributes["queueid"]["id"].get<std::string>());
        return out;
    }
};

Json mail(const std::string& from, const std::string& subject, const std::string& messageid) {
    return Json{{"from", from}, {"to", "support@contoso.com"}, {"subject", subject}, {"body", "Bonjour,\nmon imprimante..."},
                {"messageid", messageid}};
}

}  // namespace

TEST_CASE("an email from a known contact becomes a received email on a new case routed by the routing rules", "[inbound]") {
    Fixture f;
    REQUIRE(f.receive(mail("Marie Dupont <Marie.Dupont@example.fr>", "Imprimante en panne", "<m1@example.fr>")));
    const Record* e = f.email("<m1@example.fr>");
    REQUIRE(e);
    CHECK(e->attributes["statecode"] == 1);
    CHECK(e->attributes["statuscode"] == 4);  // Received
    CHECK(e->attributes["directioncode"] == false);
    CHECK(e->attributes["sender"] == "Marie Dupont <Marie.Dupont@example.fr>");
    const Record* c = f.case_of(*e);
    REQUIRE(c);
    CHECK(c->attributes["title"] == "Imprimante en panne");
    CHECK(c->attributes["customerid"] == make_lookup("account", account));  // the contact's company
    CHECK(c->attributes["primarycontactid"] == make_lookup("contact", known_contact));
    CHECK(c->attributes["caseorigincode"] == 2);
    CHECK(c->attributes["ticketnumber"].get<std::string>().rfind("CAS-", 0) == 0);
    CHECK(f.queues_of(c->id) == std::vector<std::string>{gold_queue});  // routed, not left in the mailbox's queue
    CHECK(f.store.count("contact") == 1);

    SECTION("a reply (In-Reply-To) is attached to the same open case") {
        Json reply = mail("marie.dupont@example.fr", "RE: Imprimante en panne", "<m2@example.fr>");
        reply["inreplyto"] = "<m1@example.fr>";
        REQUIRE(f.receive(reply));
        CHECK(f.case_of(*f.email("<m2@example.fr>"))->id == c->id);
        CHECK(f.store.count("incident") == 1);
    }
    SECTION("a mail quoting the ticket number in its subject is attached to that case") {
        const std::string number = c->attributes["ticketnumber"].get<std::string>();
        REQUIRE(f.receive(mail("marie.dupont@example.fr", "Suite " + number + " : toujours en panne", "<m3@example.fr>")));
        CHECK(f.case_of(*f.email("<m3@example.fr>"))->id == c->id);
        CHECK(f.store.count("incident") == 1);
    }
    SECTION("once the case is resolved, a reply opens a new case") {
        Record resolved = *c;
        resolved.attributes["statecode"] = 1;
        resolved.attributes["statuscode"] = 5;
        f.store.upsert(resolved);
        Json reply = mail("marie.dupont@example.fr", "RE: Imprimante en panne", "<m4@example.fr>");
        reply["inreplyto"] = "<m1@example.fr>";
        REQUIRE(f.receive(reply));
        CHECK(f.store.count("incident") == 2);
    }
    SECTION("the same message posted twice is refused the second time") {
        Mutation m{make_uuid_v4(11, 1), "other", 1, "email.receive",
                   mail("marie.dupont@example.fr", "Imprimante en panne", "<m1@example.fr>"), 1};
        ApplyContext ctx(f.store, f.gateway, 1, f.policy, m);
        auto s = apply_mutation(f.registry, ctx);
        CHECK(s.error().code == "duplicate");
        CHECK(f.store.count("email") == 1);
    }
}

TEST_CASE("an unknown sender gets a contact when the rule allows it, else the email waits in the queue", "[inbound]") {
    Fixture f;
    REQUIRE(f.receive(mail("\"Budi Santoso\" <budi@example.co.id>", "Printer", "<u1@example.co.id>")));
    const Record* c = f.case_of(*f.email("<u1@example.co.id>"));
    REQUIRE(c);
    const std::string contact = c->attributes["customerid"]["id"].get<std::string>();
    const Record* made = f.store.find("contact", contact);
    REQUIRE(made);
    CHECK(made->attributes["firstname"] == "Budi");
    CHECK(made->attributes["lastname"] == "Santoso");
    CHECK(made->attributes["emailaddress1"] == "budi@example.co.id");
    CHECK(f.queues_of(c->id) == std::vector<std::string>{support_queue});  // no routing item matched: the mailbox's queue

    SECTION("the rule does not create contacts: no case, the email is queued") {
        Record rule = *f.store.find("convertrule", rule_id);
        rule.attributes["allowunknownsender"] = false;
        f.store.upsert(rule);
        REQUIRE(f.receive(mail("stranger@example.com", "Hello", "<u2@example.com>")));
        const Record* e = f.email("<u2@example.com>");
        CHECK_FALSE(e->get("regardingobjectid"));
        CHECK(f.queues_of(e->id) == std::vector<std::string>{support_queue});
        CHECK(f.store.count("incident") == 1);
    }
}

TEST_CASE("mail to an address no queue receives is refused", "[inbound]") {
    Fixture f;
    Json m = mail("marie.dupont@example.fr", "x", "<n1@example.fr>");
    m["to"] = "sales@contoso.com";
    auto s = f.receive(m);
    REQUIRE_FALSE(s);
    CHECK(s.error().code == "unknown_mailbox");
    CHECK(f.store.count("email") == 0);
}

TEST_CASE("the gateway's JSON is parsed strictly with errors naming the field", "[inbound]") {
    const Json good = mail("Marie <marie@example.fr>", "Bonjour", "<p1@example.fr>");
    REQUIRE(inbound_email_from_json(good));
    auto missing = good;
    missing.erase("from");
    CHECK(inbound_email_from_json(missing).error().field == "from");
    auto unknown = good;
    unknown["cc"] = "x@example.com";
    CHECK(inbound_email_from_json(unknown).error().code == "unknown_field");
    auto wrong = good;
    wrong["subject"] = 5;
    CHECK(inbound_email_from_json(wrong).error().code == "wrong_type");
    auto big = good;
    big["body"] = std::string(max_inbound_body + 1, 'a');
    auto too_long = inbound_email_from_json(big);
    CHECK(too_long.error().code == "too_long");
    CHECK(too_long.error().field == "body");
    auto no_address = good;
    no_address["from"] = "Marie Dupont";
    CHECK(inbound_email_from_json(no_address).error().field == "from");
    CHECK_FALSE(inbound_email_from_json(Json::array()));

    CHECK(email_address_of("Marie Dupont <Marie@Example.FR>") == "marie@example.fr");
    CHECK(display_name_of("\"Dupont, Marie\" <marie@example.fr>") == "Dupont, Marie");
    CHECK(email_address_of("not an address").empty());
}

TEST_CASE("what the rule creates belongs to the mailbox queue's owner, so the queue's team can read it", "[inbound]") {
    Fixture f;
    Record q = *f.store.find("queue", support_queue);
    q.attributes["ownerid"] = make_lookup("systemuser", "user-camille");
    f.store.upsert(q);
    REQUIRE(f.receive(mail("Jean Inconnu <jean@nowhere.example>", "Facture", "<owner1@example.fr>")));
    const Record* e = f.email("<owner1@example.fr>");
    REQUIRE(e);
    CHECK(e->attributes["ownerid"] == make_lookup("systemuser", "user-camille"));
    const Record* c = f.case_of(*e);
    REQUIRE(c);
    CHECK(c->attributes["ownerid"] == make_lookup("systemuser", "user-camille"));
    const Record* contact = f.store.find("contact", c->attributes["primarycontactid"]["id"].get<std::string>());
    REQUIRE(contact);
    CHECK(contact->attributes["ownerid"] == make_lookup("systemuser", "user-camille"));
}

TEST_CASE("when the rule makes no case the email is still regarding the contact found or created", "[inbound]") {
    Fixture f;
    Record rule = *f.store.find("convertrule", rule_id);
    rule.attributes["createcase"] = false;  // the rule identifies the contact only
    f.store.upsert(rule);

    SECTION("a known contact") {
        REQUIRE(f.receive(mail("Marie Dupont <marie.dupont@example.fr>", "Question", "<c1@example.fr>")));
        const Record* e = f.email("<c1@example.fr>");
        REQUIRE(e);
        CHECK(e->attributes["regardingobjectid"] == make_lookup("contact", known_contact));
        CHECK(f.store.count("incident") == 0);
        CHECK(f.queues_of(e->id) == std::vector<std::string>{support_queue});  // an agent converts it from the queue
    }
    SECTION("an unknown sender, for whom the rule creates a contact") {
        REQUIRE(f.receive(mail("\"Budi Santoso\" <budi@example.co.id>", "Printer", "<c2@example.co.id>")));
        const Record* e = f.email("<c2@example.co.id>");
        REQUIRE(e);
        const Json& reg = e->attributes["regardingobjectid"];
        REQUIRE(reg.is_object());
        CHECK(reg["entity"] == "contact");
        const Record* made = f.store.find("contact", reg["id"].get<std::string>());
        REQUIRE(made);
        CHECK(made->attributes["emailaddress1"] == "budi@example.co.id");
        CHECK(f.store.count("incident") == 0);
    }
    SECTION("a queue without an active rule still ties the email to its known sender") {
        Record off = *f.store.find("convertrule", rule_id);
        off.attributes["statecode"] = 0;
        f.store.upsert(off);
        REQUIRE(f.receive(mail("marie.dupont@example.fr", "Question", "<c3@example.fr>")));
        CHECK(f.email("<c3@example.fr>")->attributes["regardingobjectid"] == make_lookup("contact", known_contact));
        CHECK(f.store.count("incident") == 0);
    }
}
