// Interned string dictionary; see search_terms.hpp.
#include "core/search/search_terms.hpp"

#include <algorithm>

namespace casehub {

std::uint64_t TermDictionary::hash(std::string_view text) {
    std::uint64_t h = 1469598103934665603ull;  // FNV-1a, then a final mix for the low bits
    for (char c : text) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ull;
    }
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 32;
    return h;
}

TermId TermDictionary::find(std::string_view text) const {
    if (slots_.empty()) return no_term;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash(text) & mask;; i = (i + 1) & mask) {
        const TermId id = slots_[i];
        if (id == no_term) return no_term;
        if (this->text(id) == text) return id;
    }
}

void TermDictionary::grow() {
    const std::size_t capacity = slots_.empty() ? 1024 : slots_.size() * 2;
    slots_.assign(capacity, no_term);
    const std::size_t mask = capacity - 1;
    for (TermId id = 0; id < size(); ++id) {
        std::size_t i = hash(text(id)) & mask;
        while (slots_[i] != no_term) i = (i + 1) & mask;
        slots_[i] = id;
    }
}

TermId TermDictionary::intern(std::string_view text) {
    if ((size() + 1) * 2 > slots_.size()) grow();  // load factor <= 1/2
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = hash(text) & mask;
    for (; slots_[i] != no_term; i = (i + 1) & mask)
        if (this->text(slots_[i]) == text) return slots_[i];
    const TermId id = static_cast<TermId>(size());
    arena_.append(text);
    offsets_.push_back(static_cast<std::uint32_t>(arena_.size()));
    slots_[i] = id;
    return id;
}

void TermDictionary::merge_sorted() const {
    const std::size_t old = sorted_.size();
    if (old == size()) return;
    for (TermId id = static_cast<TermId>(old); id < size(); ++id) sorted_.push_back(id);
    const auto by_text = [this](TermId a, TermId b) { return text(a) < text(b); };
    std::sort(sorted_.begin() + static_cast<std::ptrdiff_t>(old), sorted_.end(), by_text);
    std::inplace_merge(sorted_.begin(), sorted_.begin() + static_cast<std::ptrdiff_t>(old), sorted_.end(), by_text);
}

std::vector<TermId> TermDictionary::with_prefix(std::string_view prefix) const {
    merge_sorted();
    std::vector<TermId> out;
    auto it = std::lower_bound(sorted_.begin(), sorted_.end(), prefix,
                               [this](TermId id, std::string_view p) { return text(id) < p; });
    for (; it != sorted_.end(); ++it) {
        const std::string_view t = text(*it);
        if (t.substr(0, prefix.size()) != prefix) break;
        out.push_back(*it);
    }
    return out;
}

std::size_t TermDictionary::memory_bytes() const {
    return arena_.capacity() + offsets_.capacity() * sizeof(std::uint32_t) + slots_.capacity() * sizeof(TermId) +
           sorted_.capacity() * sizeof(TermId);
}

}  // namespace casehub
