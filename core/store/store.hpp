// Store: every record the agent works with, in memory, with indexes by id, by
// lookup target, by owner, and by state. The same store backs the client replica,
// the server's authoritative state, grids, the API and sync.
// Pure: no I/O. Validation is not done here (see validation.hpp): the store keeps
// whatever it is given, so sync can replay server state verbatim.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/base/record.hpp"
#include "core/base/result.hpp"

namespace casehub {

struct Query;        // query.hpp
struct QueryResult;  // query.hpp

class Store {
public:
    Store();
    ~Store();
    Store(const Store&);
    Store& operator=(const Store&);
    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;

    // The record, or nullptr when there is none with that entity and id.
    const Record* find(const std::string& entity, const std::string& id) const;

    // Inserts or replaces the whole record (indexes follow).
    void upsert(Record record);

    // Removes the record. False when it was not there.
    bool erase(const std::string& entity, const std::string& id);

    // Number of records of one entity, and of all entities.
    std::size_t count(const std::string& entity) const;
    std::size_t size() const;

    // Changes with every upsert and erase, and differs between any two stores (a copy gets
    // its own number), so a cache keyed on it is exact: equal versions, equal contents.
    // Not part of the content: operator== and dump() ignore it.
    std::uint64_t version() const;

    // Visits every record of an entity (order unspecified but deterministic).
    void for_each(const std::string& entity, const std::function<void(const Record&)>& visit) const;
    // Visits every record of every entity, entities in name order, ids in order.
    void for_each_record(const std::function<void(const Record&)>& visit) const;

    // Records of `entity` whose lookup attribute `attribute` points at `target_id`
    // (e.g. incidents whose customerid is an account). Uses the lookup index.
    std::vector<const Record*> referencing(const std::string& entity, const std::string& attribute,
                                           const std::string& target_id) const;

    // Filter, sort, page, full count (see query.hpp).
    QueryResult query(const Query& query) const;

    // Canonical JSON of the whole store ({entity: {id: attributes}}), sorted, so two
    // stores with the same content dump to the same bytes (sync convergence tests).
    Json dump() const;

    bool operator==(const Store& other) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Rebuilds a store from dump() output; the error names the malformed entity.
Result<Store> load_store(const Json& dump);

}  // namespace casehub
