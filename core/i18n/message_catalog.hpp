// French and Indonesian for the messages core rules put in Error::message.
// The English sentence stays the API contract (code + message + field); a client
// translates it for display by matching it against the catalogue of English
// templates ("{0} is {1}; reactivate it before editing.") whose placeholders capture
// the variable parts (record names, numbers, dates). Placeholder values from a closed
// set (state words, status reasons, entity and attribute labels, nested messages)
// are translated too.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/base/language.hpp"

namespace casehub {

// `english` in `language`. A message no template matches comes back unchanged, so a
// person always sees something (in English at worst); never empty unless `english` is.
// Results are memoised per thread, so calling it every frame is cheap.
std::string localize_message(std::string_view english, Language language);

// One catalogue entry, exposed so tests can check coverage against the core sources.
struct MessageTemplate {
    const char* en;  // "{0} is {1}; reactivate it before editing."
    const char* fr;
    const char* id;
    bool whole;      // a full message; false: a phrase used only inside placeholders
};
const std::vector<MessageTemplate>& message_templates();

// The English literal text of every template and value-table word, split at the
// placeholders: what a literal of a core message must be part of.
std::vector<std::string> message_catalog_literals();

}  // namespace casehub
