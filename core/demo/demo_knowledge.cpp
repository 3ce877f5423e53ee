// Demo knowledge structure on top of the demo articles (see demo_knowledge.hpp): the
// translations tied to their English root, a category tree, product and related-article
// links, a draft 1.1 version and one scheduled article. Ids derive from the seed so the
// same seed upserts the same records.
#include "core/demo/demo_knowledge.hpp"

#include <map>
#include <string>

#include "core/apply/mutation_registry.hpp"
#include "core/base/time.hpp"

namespace casehub {
namespace {

class KnowledgeDemo {
public:
    KnowledgeDemo(const DemoOptions& o, Store& s) : opt_(o), store_(s) {
        if (const Record* admin = find_user_by_domainname(store_, "admin")) {
            admin_ = admin->id;
            if (const Json* bu = admin->get("businessunitid"); bu && bu->is_object()) admin_bu_ = bu->value("id", "");
        }
        store_.for_each("knowledgearticle", [&](const Record& r) {
            if (const Json* n = r.get("articlepublicnumber"); n && n->is_string()) by_number_[n->get<std::string>()] = r.id;
        });
        store_.for_each("product", [&](const Record& r) {
            if (const Json* n = r.get("name"); n && n->is_string()) products_[n->get<std::string>()] = r.id;
        });
    }

    void run() {
        if (by_number_.empty()) return;
        // Translations: the French and Indonesian articles hang off the English root.
        translations("KA-00002", {"KA-00001", "KA-00003"});
        translations("KA-00005", {"KA-00004", "KA-00006"});
        translations("KA-00008", {"KA-00007"});

        const std::string hardware = category("hardware", "Hardware", "CAT-0001", "");
        const std::string printers = category("printers", "Printers", "CAT-0002", hardware);
        const std::string coffee = category("coffee", "Coffee machines", "CAT-0003", hardware);
        const std::string access = category("access", "Accounts and access", "CAT-0004", "");
        const std::string passwords = category("passwords", "Passwords", "CAT-0005", access);
        const std::string billing = category("billing", "Billing and warranty", "CAT-0006", "");
        for (const char* n : {"KA-00001", "KA-00002", "KA-00003"}) link_category(n, passwords);
        for (const char* n : {"KA-00004", "KA-00005", "KA-00006"}) link_category(n, coffee);
        for (const char* n : {"KA-00007", "KA-00008"}) link_category(n, printers);
        for (const char* n : {"KA-00009", "KA-00010", "KA-00012"}) link_category(n, billing);

        for (const char* n : {"KA-00004", "KA-00005", "KA-00006"}) link_product(n, "Coffee Machine X200");
        for (const char* n : {"KA-00007", "KA-00008"}) link_product(n, "LaserJet Pro 400");
        link_product("KA-00011", "Router AX3000");
        relate("KA-00008", "KA-00009");
        relate("KA-00005", "KA-00009");

        // A draft minor version of the English password article, in review.
        if (const Record* root = article("KA-00002")) {
            Record v{"knowledgearticle", id("version/KA-00002/1.1"), root->attributes};
            v.attributes["title"] = "Reset your portal password";
            v.attributes["content"] = std::string(root->attributes.value("content", "")) +
                                      "<h2>Still locked out?</h2><ul><li>Check your spam folder.</li>"
                                      "<li>Ask your administrator to <b>unlock</b> the account.</li></ul>";
            v.attributes["minorversionnumber"] = 1;
            v.attributes["statecode"] = 0;
            v.attributes["statuscode"] = 4;
            v.attributes["knowledgearticleviews"] = 0;
            v.attributes["rootarticleid"] = make_lookup("knowledgearticle", root->id);
            v.attributes["parentarticlecontentid"] = make_lookup("knowledgearticle", root->id);
            v.attributes["isrootarticle"] = false;
            v.attributes["islatestversion"] = false;
            v.attributes.erase("publishon");
            stamp(v, opt_.now_ms - 2 * kDay);
            store_.upsert(std::move(v));
        }
        for (auto& [number, article_id] : by_number_) {
            Record r = *store_.find("knowledgearticle", article_id);
            if (!r.get("rootarticleid")) r.attributes["isrootarticle"] = true;
            if (r.attributes.value("statecode", 0) == 3) {
                r.attributes["islatestversion"] = true;
                if (!r.get("publishedon") && r.get("publishon")) r.attributes["publishedon"] = r.attributes["publishon"];
            }
            store_.upsert(std::move(r));
        }
    }

private:
    static constexpr TimestampMs kDay = 24LL * 60 * 60 * 1000;

    std::string id(const std::string& what) const {
        return uuid_from_text("casehub-demo-knowledge/" + std::to_string(opt_.seed) + "/" + what);
    }
    const Record* article(const std::string& number) const {
        auto it = by_number_.find(number);
        return it == by_number_.end() ? nullptr : store_.find("knowledgearticle", it->second);
    }
    void stamp(Record& r, TimestampMs when) const {
        r.attributes["createdon"] = format_utc(when);
        r.attributes["modifiedon"] = format_utc(when);
        r.attributes["createdby"] = make_lookup("systemuser", admin_);
        r.attributes["modifiedby"] = make_lookup("systemuser", admin_);
        if (r.entity == "knowledgearticle") {
            r.attributes["ownerid"] = make_lookup("systemuser", admin_);
            r.attributes["owningbusinessunit"] = make_lookup("businessunit", admin_bu_);
        }
    }
    void put(Record r) {
        stamp(r, opt_.now_ms - 300 * kDay);
        store_.upsert(std::move(r));
    }

    void translations(const std::string& root_number, std::initializer_list<const char*> others) {
        const Record* root = article(root_number);
        if (!root) return;
        for (const char* n : others) {
            const Record* a = article(n);
            if (!a) continue;
            Record r = *a;
            r.attributes["rootarticleid"] = make_lookup("knowledgearticle", root->id);
            r.attributes["parentarticlecontentid"] = make_lookup("knowledgearticle", root->id);
            r.attributes["isrootarticle"] = false;
            r.attributes["articlepublicnumber"] = root_number;  // one public number per root, as Dataverse shows
            store_.upsert(std::move(r));
        }
    }
    std::string category(const std::string& key, const char* title, const char* number, const std::string& parent) {
        Record r{"category", id("category/" + key), Json{{"title", title}, {"categorynumber", number}}};
        if (!parent.empty()) r.attributes["parentcategoryid"] = make_lookup("category", parent);
        const std::string cid = r.id;
        put(std::move(r));
        return cid;
    }
    void link(const char* entity, const std::string& number, const char* attr, const char* target_entity,
              const std::string& target) {
        const Record* a = article(number);
        if (!a || target.empty()) return;
        put(Record{entity, id(std::string(entity) + "/" + number + "/" + target),
                   Json{{"knowledgearticleid", make_lookup("knowledgearticle", a->id)},
                        {attr, make_lookup(target_entity, target)}}});
    }
    void link_category(const std::string& number, const std::string& category_id) {
        link("knowledgearticlecategory", number, "categoryid", "category", category_id);
    }
    void link_product(const std::string& number, const std::string& product) {
        auto it = products_.find(product);
        if (it != products_.end()) link("knowledgearticleproduct", number, "productid", "product", it->second);
    }
    void relate(const std::string& number, const std::string& other) {
        if (const Record* o = article(other)) link("knowledgearticlerelation", number, "relatedarticleid", "knowledgearticle", o->id);
    }

    const DemoOptions& opt_;
    Store& store_;
    std::string admin_, admin_bu_;
    std::map<std::string, std::string> by_number_;  // articlepublicnumber -> id, before translations share numbers
    std::map<std::string, std::string> products_;   // name -> id
};

}  // namespace

void add_demo_knowledge(const DemoOptions& options, Store& store) { KnowledgeDemo(options, store).run(); }

}  // namespace casehub
