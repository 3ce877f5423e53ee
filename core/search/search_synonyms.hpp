// SynonymSet: admin-editable groups of interchangeable words ("printer, imprimante,
// pencetak"), applied when a query is expanded, never when indexing: editing a group
// takes effect on the next search without re-indexing anything. Words are stored
// folded (lower case, no accents); each entry must be a single word. Pure.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.hpp"

namespace casehub {

using SynonymGroupId = std::uint32_t;

struct SynonymGroup {
    SynonymGroupId id = 0;
    std::vector<std::string> words;  // folded, distinct, in the order given
};

class SynonymSet {
public:
    // Adds a group; returns its id. Fails ("invalid_synonyms") when fewer than two
    // distinct words remain after folding, or when an entry is not a single word.
    Result<SynonymGroupId> add_group(const std::vector<std::string>& words);
    // Removes a group; fails ("not_found") for an unknown id.
    Status remove_group(SynonymGroupId id);
    // Replaces the words of a group, keeping its id (same rules as add_group).
    Status update_group(SynonymGroupId id, const std::vector<std::string>& words);

    const std::vector<SynonymGroup>& groups() const { return groups_; }
    bool empty() const { return groups_.empty(); }

    // The other words of every group containing the folded word (distinct, excluding it).
    std::vector<std::string> synonyms_of(std::string_view folded) const;

private:
    Result<std::vector<std::string>> normalise(const std::vector<std::string>& words) const;

    std::vector<SynonymGroup> groups_;
    SynonymGroupId next_id_ = 1;
};

}  // namespace casehub
