// Sync properties over many seeded random histories: five replicas edit offline (creates,
// updates of shared records, deletes, conflicting edits, restores), write to their device
// (some writes refused), sync in random order with lost requests, lost replies and
// duplicate pushes, and reload from what their device holds; once quiet every replica's
// view equals the server's store byte for byte; every mutation stored on the device is
// applied at most once and none is lost, one lost in a reload before its write never
// reaches the server, no number is used twice, and every overwritten value is kept.
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
#include "device_image.hpp"

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
    test::DeviceImage device;
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
            if (roll < 45)
                edit(a);
            else if (roll < 55)
                write_device(a);
            else if (roll < 78)
                push(a);
            else if (roll < 96)
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
        for (const std::string& id : lost_) CHECK(server_.mutations.count(id) == 0);
        for (const auto& [id, logged] : server_.mutations) {
            CHECK(logged.result.error.code != "duplicate_client_seq");
            CHECK(made_.count(id) == 1);
        }
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
    std::size_t lost_count() const { return lost_.size(); }

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

    // The device writes what was journaled since the last write, in one transaction;
    // one write in eight is refused (quota) and tried again with the next.
    void write_device(Agent& a) {
        DeviceJournal j = a.replica.take_journal();
        if (j.empty()) return;
        if (pick(8) == 0) {
            a.replica.return_journal(std::move(j));
            return;
        }
        a.device.apply(j.to_batch_json(a.replica.client_id()));
        a.replica.mark_durable_through(j.newest_outbox_seq());
    }

    // The browser reloads: the replica comes back from what its device holds. Work not
    // yet written is lost — it was never shown as made — and its numbers are used again.
    void reload(Agent& a) {
        const bool all_written = a.replica.journal().empty();
        for (const OutboxEntry& e : a.replica.outbox())
            if (e.mutation.client_seq > a.replica.durable_client_seq()) {
                made_.erase(e.mutation.id);
                lost_.insert(e.mutation.id);
            }
        auto loaded = a.device.restore(*a.env);
        if (!loaded && loaded.error().code == "not_found") {
            // Nothing written yet: the browser starts a new replica, under a new client id.
            a.replica = Replica(a.replica.client_id() + "-" + std::to_string(++fresh_clients_));
            return;
        }
        if (!loaded) FAIL("restore from the device failed: " << loaded.error().message);
        if (all_written) REQUIRE(loaded->view().dump() == a.replica.view().dump());
        a.replica = std::move(*loaded);
    }

    void settle() {
        for (int round = 0; round < 50; ++round) {
            bool quiet = true;
            for (auto& a : agents_) {
                test::write_to_device(a->replica, a->device);
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
    std::set<std::string> lost_;
    int fresh_clients_ = 0;  // made, then lost in a reload before the device stored them
};

}  // namespace

TEST_CASE("replicas editing offline with lost and duplicated messages converge to the server, losing nothing",
          "[sync][property]") {
    std::size_t conflicts = 0, mutations = 0, lost = 0;
    for (std::uint64_t seed = 1; seed <= 1000; ++seed) {
        Simulation sim(seed);
        sim.run(80);
        sim.check();
        conflicts += sim.conflict_count();
        mutations += sim.mutation_count();
        lost += sim.lost_count();
    }
    // The histories must actually exercise the conflict rule, not just quiet edits, and
    // reloads that lose unwritten work (whose numbers are then used again).
    CHECK(conflicts > 500);
    CHECK(mutations > 15000);
    CHECK(lost > 100);
}
