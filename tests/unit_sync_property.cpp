// Sync properties over many seeded random histories: five replicas edit offline (creates,
// updates of shared records, deletes, conflicting edits, restores), sync in random order
// with lost requests, lost replies and duplicate pushes, and once quiet every replica's
// view equals the server's store byte for byte; every mutation is applied at most once,
// none is lost, and every overwritten value is kept in a syncconflict record.
#include <catch2/catch.hpp>

#include <map>
#include <memory>
#include <random>
#include <set>

#include "core/app/app_registry.hpp"
#include "core/apply/conflict.hpp"
#include "core/apply/record_mutations.hpp"
#include "core/sync/replica.hpp"
#include "core/sync/sync_server.hpp"
#include "core/base/uuid.hpp"

using namespace casehub;

namespace {

struct ExpectedConflict {
    std::string id;         // regarding record
    std::string attribute;  // "" for a deleted record
    std::string losing;     // JSON text
};

struct Agent {
    UserContext user;
    Replica replica;
    std::unique_ptr<ApplyEnv> env;
};

class Simulation {
public:
    explicit Simulation(std::uint64_t seed) : rng_(seed), seed_(seed) {
        server_registry_ = make_sync_registry();
        // On the server only: count real applications and note what the conflict rule must keep.
        for (const std::string& name : server_registry_.names()) {
            MutationHandler inner = *server_registry_.find(name);
            server_registry_.add(name, [this, inner, name](ApplyContext& ctx, const Json& args) -> Status {
                std::vector<ExpectedConflict> expected = expected_conflicts(ctx, name, args);
                Status s = inner(ctx, args);
                if (s) {
                    ++applied_[ctx.mutation().id];
                    conflicts_.insert(conflicts_.end(), expected.begin(), expected.end());
                }
                return s;
            });
        }
        for (int i = 0; i < 5; ++i) {
            auto a = std::make_unique<Agent>();
            a->user = UserContext{"user-" + std::to_string(i), "bu", {}, {}, "Agent " + std::to_string(i)};
            a->replica = Replica("client-" + std::to_string(seed) + "-" + std::to_string(i));
            a->env = std::make_unique<ApplyEnv>(ApplyEnv{client_registry_, policy_, a->user});
            agents_.push_back(std::move(a));
        }
        std::vector<Record> shared;
        for (int i = 0; i < 3; ++i)
            shared.push_back(Record{"note", make_uuid_v4(seed, 1000 + static_cast<std::uint64_t>(i)),
                                    {{"title", "shared " + std::to_string(i)}, {"priority", 1}}});
        server_.seed(shared);
    }

    void run(int steps) {
        for (int i = 0; i < steps; ++i) {
            const auto roll = pick(100);
            Agent& a = *agents_[pick(agents_.size())];
            if (roll < 50)
                edit(a);
            else if (roll < 78)
                push(a);
            else if (roll < 97)
                pull(a);
            else
                reload(a);
        }
        settle();
    }

    void check() {
        INFO("seed " << seed_);
        const std::string server_dump = server_.store.dump().dump();
        for (auto& a : agents_) {
            CHECK(a->replica.outbox().empty());
            CHECK(a->replica.view().dump().dump() == server_dump);
        }
        // Every mutation made is recorded by the server, accepted ones applied exactly once,
        // rejected ones never, and each rejection reached its author.
        std::set<std::string> rejected_seen;
        for (auto& a : agents_)
            for (const auto& r : a->replica.rejections()) rejected_seen.insert(r.mutation.id);
        for (const std::string& id : made_) {
            auto it = server_.mutations.find(id);
            REQUIRE(it != server_.mutations.end());
            if (it->second.result.status == MutationStatus::accepted) {
                CHECK(applied_[id] == 1);
            } else {
                CHECK(applied_.count(id) == 0);
                CHECK(rejected_seen.count(id) == 1);
            }
        }
        for (const auto& [id, n] : applied_) CHECK(n == 1);
        // Every overwritten value is kept.
        for (const ExpectedConflict& e : conflicts_) {
            bool found = false;
            server_.store.for_each(conflict_entity, [&](const Record& c) {
                const Json* reg = c.get("regardingobjectid");
                found = found || (reg && (*reg)["id"] == e.id && c.attributes["attributename"] == e.attribute &&
                                  c.attributes["losingvalue"] == e.losing);
            });
            CHECK(found);
        }
    }

    std::size_t conflict_count() const { return conflicts_.size(); }
    std::size_t mutation_count() const { return made_.size(); }

private:
    std::uint64_t pick(std::uint64_t n) { return rng_() % n; }

    Json random_value() {
        switch (pick(5)) {
            case 0: return nullptr;
            case 1: return static_cast<int>(pick(3));
            default: return std::string(1, static_cast<char>('a' + pick(3)));
        }
    }

    static std::vector<ExpectedConflict> expected_conflicts(const ApplyContext& ctx, const std::string& name,
                                                            const Json& args) {
        std::vector<ExpectedConflict> out;
        if (name != "record.update" && name != "record.delete") return out;
        const Record* r = ctx.store().find(args.value("entity", ""), args.value("id", ""));
        if (!r) return out;
        const Json base = args.value("base", Json::object());
        if (name == "record.update") {
            for (auto it = args["fields"].begin(); it != args["fields"].end(); ++it) {
                const Json* cur = r->get(it.key());
                const Json* seen = base.contains(it.key()) ? &base[it.key()] : nullptr;
                if (!same_value(cur, seen) && !same_value(cur, &it.value()))
                    out.push_back({r->id, it.key(), cur ? cur->dump() : std::string("null")});
            }
        } else {
            bool edited = false;
            for (auto it = r->attributes.begin(); it != r->attributes.end(); ++it)
                if (!is_stamped_attribute(it.key())) edited = edited || !base.contains(it.key()) || base[it.key()] != it.value();
            for (auto it = base.begin(); it != base.end(); ++it)
                edited = edited || !r->attributes.contains(it.key());
            if (edited) out.push_back({r->id, "", r->attributes.dump()});
        }
        return out;
    }

    void edit(Agent& a) {
        Replica& rep = a.replica;
        std::vector<const Record*> notes;
        rep.view().for_each("note", [&](const Record& r) { notes.push_back(&r); });
        std::vector<const Record*> open_conflicts;
        rep.view().for_each(conflict_entity, [&](const Record& r) {
            if (r.attributes.value("isresolved", true) == false) open_conflicts.push_back(&r);
        });
        const auto roll = pick(100);
        std::string name;
        Json args;
        if (roll < 20 || notes.empty()) {
            name = "record.create";
            args = record_create_args("note", make_uuid_v4(seed_, rng_()), {{"title", random_value()}});
        } else if (roll < 85) {
            const Record* r = notes[pick(notes.size())];
            Json fields = Json::object();
            const char* attrs[] = {"title", "priority", "body"};
            const auto n = 1 + pick(2);
            for (std::uint64_t k = 0; k < n; ++k) fields[attrs[pick(3)]] = random_value();
            name = "record.update";
            args = record_update_args(rep.view(), "note", r->id, fields);
        } else if (roll < 93 || open_conflicts.empty()) {
            name = "record.delete";
            args = record_delete_args(rep.view(), "note", notes[pick(notes.size())]->id);
        } else {
            name = "conflict.restore";
            args = Json{{"id", open_conflicts[pick(open_conflicts.size())]->id}};
        }
        auto m = rep.apply_local(*a.env, make_uuid_v4(rng_(), rng_()), name, args, 1700000000000 + clock_++);
        if (m) made_.insert(m->id);
    }

    void push(Agent& a) {
        const auto batch = a.replica.push_batch(1 + pick(5));
        if (batch.empty()) return;
        const auto fault = pick(100);
        if (fault < 12) return;  // request lost on the way
        auto out = server_.push(server_registry_, policy_, a.user, a.replica.client_id(), batch, clock_);
        REQUIRE(out);
        if (fault < 25) return;  // applied, but the reply was lost
        if (fault < 40) {        // sent twice (a retry raced the first reply)
            auto again = server_.push(server_registry_, policy_, a.user, a.replica.client_id(), batch, clock_);
            REQUIRE(again);
            CHECK(again->results == out->results);
            a.replica.on_push_results(*a.env, again->results);
        }
        a.replica.on_push_results(*a.env, out->results);
    }

    void pull(Agent& a) {
        PullPage page = server_.pull(policy_, a.user, a.replica.cursor(), 1 + pick(4));
        REQUIRE_FALSE(page.resnapshot);
        if (pick(10) == 0) return;  // reply lost
        a.replica.on_pull(*a.env, page);
    }

    void reload(Agent& a) {  // the browser reloads: state from its saved JSON
        auto loaded = replica_from_json(*a.env, Json::parse(a.replica.to_json().dump()));
        REQUIRE(loaded);
        REQUIRE(loaded->view().dump() == a.replica.view().dump());
        a.replica = std::move(*loaded);
    }

    void settle() {
        for (int round = 0; round < 50; ++round) {
            bool quiet = true;
            for (auto& a : agents_) {
                while (!a->replica.push_batch().empty()) {
                    quiet = false;
                    auto out = server_.push(server_registry_, policy_, a->user, a->replica.client_id(),
                                            a->replica.push_batch(), clock_);
                    REQUIRE(out);
                    a->replica.on_push_results(*a->env, out->results);
                }
            }
            for (auto& a : agents_) {
                for (;;) {
                    PullPage page = server_.pull(policy_, a->user, a->replica.cursor(), 10);
                    a->replica.on_pull(*a->env, page);
                    if (!page.has_more) break;
                }
                if (!a->replica.outbox().empty()) quiet = false;
            }
            if (quiet) return;
        }
        FAIL("replicas did not settle, seed " << seed_);
    }

    std::mt19937_64 rng_;
    std::uint64_t seed_;
    TimestampMs clock_ = 0;
    PermissivePolicy policy_;
    MutationRegistry client_registry_ = make_sync_registry();
    MutationRegistry server_registry_;
    SyncServerState server_;
    std::vector<std::unique_ptr<Agent>> agents_;
    std::map<std::string, int> applied_;
    std::vector<ExpectedConflict> conflicts_;
    std::set<std::string> made_;
};

}  // namespace

TEST_CASE("replicas editing offline with lost and duplicated messages converge to the server, losing nothing",
          "[sync][property]") {
    std::size_t conflicts = 0, mutations = 0;
    for (std::uint64_t seed = 1; seed <= 1000; ++seed) {
        Simulation sim(seed);
        sim.run(80);
        sim.check();
        conflicts += sim.conflict_count();
        mutations += sim.mutation_count();
    }
    // The histories must actually exercise the conflict rule, not just quiet edits.
    CHECK(conflicts > 500);
    CHECK(mutations > 20000);
}
