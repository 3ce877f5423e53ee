// The knowledge article lifecycle as mutations (Dataverse knowledgearticle): review,
// approval, publishing now or on a date, expiry, archiving, discarding and restoring;
// major/minor versions and translations sharing one root article; links to categories,
// products, related articles and cases; views and ratings. Pure: the time comes from the
// ApplyContext, new ids from the arguments.
//
//   kb.submit_review {id}                      Draft -> Draft/In Review
//   kb.approve {id} / kb.reject {id}           In Review -> Approved / Draft/Rejected
//   kb.publish {id, publishon?, expirationdate?}  Draft/Approved -> Published, or Scheduled
//                                              when publishon is later than now
//   kb.publish_due {}                          publishes every Scheduled article now due
//   kb.expire_due {}                           expires every Published article whose
//                                              expirationdate has come (the server's job runs both)
//   kb.expire / kb.archive / kb.discard / kb.restore {id}
//   kb.new_version {id, new_id, major}         a Draft copy of a Published article
//   kb.translate {id, new_id, languagecode}    a Draft copy in another language
//   kb.add_category {id, link_id, categoryid}, kb.add_product {id, link_id, productid},
//   kb.add_related_article {id, link_id, relatedarticleid}
//   kb.link_to_case {id, link_id, incidentid, issent?}
//   kb.view {id}                               knowledgearticleviews + 1
//   kb.rate {id, feedback_id, rating 1..5, comments?}
#pragma once
#include <string>
#include <vector>

#include "core/apply/mutation_registry.hpp"
#include "core/store/store.hpp"
#include "core/base/time.hpp"

namespace casehub {

// knowledgearticle statecode values.
namespace kb_state {
inline constexpr int draft = 0, approved = 1, scheduled = 2, published = 3, expired = 4, archived = 5, discarded = 6;
}

// Registers every kb.* mutation above.
void add_knowledge_mutations(MutationRegistry& registry);

// Ids of Scheduled articles whose publishon is at or before `now`, oldest first (ties by id).
std::vector<std::string> due_publications(const Store& store, TimestampMs now);

// Ids of Published articles whose expirationdate is at or before `now`, oldest first (ties by id).
std::vector<std::string> due_expirations(const Store& store, TimestampMs now);

// The root article id of an article (its rootarticleid, or its own id for a root).
std::string root_article_id(const Record& article);

// Articles sharing the article's root in the same language, other than itself, ordered
// by version (newest first): the form's "related versions".
std::vector<const Record*> related_versions(const Store& store, const Record& article);

// Articles sharing the article's root in other languages, ordered by language then version.
std::vector<const Record*> article_translations(const Store& store, const Record& article);

// "2.1" from majorversionnumber/minorversionnumber (missing parts count as 1.0).
std::string article_version(const Record& article);

}  // namespace casehub
