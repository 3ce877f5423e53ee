// TermDictionary: interns short strings (terms, words, facet values) as dense 32-bit ids.
// Memory-lean: one character arena, one offset per string and an open-addressing hash
// table of ids; a sorted view for prefix scans is merged in lazily, so bulk inserts stay
// O(1) each and the first prefix scan after them pays one sort of the new strings.
// Strings are never removed (an index keeps counts and skips strings whose count is 0).
#pragma once
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace casehub {

using TermId = std::uint32_t;
inline constexpr TermId no_term = std::numeric_limits<TermId>::max();

class TermDictionary {
public:
    // The id of text, or no_term when it was never interned.
    TermId find(std::string_view text) const;
    // The id of text, interning it when new.
    TermId intern(std::string_view text);
    std::string_view text(TermId id) const {
        return std::string_view(arena_).substr(offsets_[id], offsets_[id + 1] - offsets_[id]);
    }
    std::size_t size() const { return offsets_.size() - 1; }

    // Ids of the strings that start with prefix, in ascending byte order. Not safe to
    // call from two threads at once (it may merge newly interned strings into the view).
    std::vector<TermId> with_prefix(std::string_view prefix) const;

    std::size_t memory_bytes() const;

private:
    static std::uint64_t hash(std::string_view text);
    void grow();
    void merge_sorted() const;

    std::string arena_;
    std::vector<std::uint32_t> offsets_{0};
    std::vector<TermId> slots_;            // open addressing, no_term = empty
    mutable std::vector<TermId> sorted_;   // ids in byte order of their text
};

}  // namespace casehub
