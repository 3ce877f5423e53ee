// Synonym groups; see search_synonyms.hpp. A linear scan over groups is fine: admins
// keep tens to hundreds of groups and a query has a handful of words.
#include "core/search/search_synonyms.hpp"

#include <algorithm>

#include "core/text/text_tokenize.hpp"

namespace casehub {

Result<std::vector<std::string>> SynonymSet::normalise(const std::vector<std::string>& words) const {
    std::vector<std::string> out;
    for (const std::string& word : words) {
        const std::vector<TextToken> tokens = tokenize(word);
        if (tokens.empty()) continue;  // blank entries are ignored
        if (tokens.size() > 1) {
            return make_error("invalid_synonyms",
                              "\"" + word + "\" is several words; a synonym entry must be a single word", "words");
        }
        if (std::find(out.begin(), out.end(), tokens[0].text) == out.end()) out.push_back(tokens[0].text);
    }
    if (out.size() < 2) {
        return make_error("invalid_synonyms", "a synonym group needs at least two different words", "words");
    }
    return out;
}

Result<SynonymGroupId> SynonymSet::add_group(const std::vector<std::string>& words) {
    auto normalised = normalise(words);
    if (!normalised) return normalised.error();
    groups_.push_back(SynonymGroup{next_id_, std::move(normalised.value())});
    return next_id_++;
}

Status SynonymSet::remove_group(SynonymGroupId id) {
    auto it = std::find_if(groups_.begin(), groups_.end(), [&](const SynonymGroup& g) { return g.id == id; });
    if (it == groups_.end()) return make_error("not_found", "synonym group " + std::to_string(id) + " does not exist");
    groups_.erase(it);
    return {};
}

Status SynonymSet::update_group(SynonymGroupId id, const std::vector<std::string>& words) {
    auto it = std::find_if(groups_.begin(), groups_.end(), [&](const SynonymGroup& g) { return g.id == id; });
    if (it == groups_.end()) return make_error("not_found", "synonym group " + std::to_string(id) + " does not exist");
    auto normalised = normalise(words);
    if (!normalised) return normalised.error();
    it->words = std::move(normalised.value());
    return {};
}

std::vector<std::string> SynonymSet::synonyms_of(std::string_view folded) const {
    std::vector<std::string> out;
    for (const SynonymGroup& group : groups_) {
        if (std::find(group.words.begin(), group.words.end(), folded) == group.words.end()) continue;
        for (const std::string& w : group.words)
            if (w != folded && std::find(out.begin(), out.end(), w) == out.end()) out.push_back(w);
    }
    return out;
}

}  // namespace casehub
