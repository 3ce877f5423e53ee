// Fuzz target: the push decoder and every mutation's argument checks. The input is a push
// body as a client sends it ({"client_id", "mutations": [...]}). Each element goes
// through mutation_from_json (the strict decoder; what it accepts must round-trip), and
// its name and args are then applied by the real registry and SecurityPolicy to a copy of
// the demo organisation, as the demo user named by client_id (so the fuzzer reaches the
// handlers without first having to invent UUIDs). Invariants: one result per mutation,
// an accepted one has a sequence number, a rejected one a code and a message, and the
// same batch pushed again is answered with the same results and changes nothing.
#include <cstdint>
#include <string_view>

#include "core/base/json_limits.hpp"
#include "core/base/uuid.hpp"
#include "tests/fuzz/fuzz_demo.hpp"

using namespace casehub;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto body = parse_json_within(text, JsonLimits{});
    if (!body || !body->is_object()) return 0;
    const auto list = body->find("mutations");
    if (list == body->end() || !list->is_array()) return 0;

    std::vector<Mutation> batch;
    for (std::size_t i = 0; i < list->size() && i < 32; ++i) {
        const Json& element = (*list)[i];
        if (auto decoded = mutation_from_json(element)) {
            Json wire;
            to_json(wire, *decoded);
            auto again = mutation_from_json(wire);
            FUZZ_CHECK(again && *again == *decoded, "a decoded mutation round-trips through its wire shape");
        }
        if (!element.is_object()) continue;
        Mutation m;
        m.id = make_uuid_v4(0xf022, i);
        m.client_id = "fuzz";
        m.client_seq = static_cast<std::int64_t>(batch.size()) + 1;
        if (const auto name = element.find("name"); name != element.end() && name->is_string()) m.name = *name;
        if (const auto args = element.find("args"); args != element.end()) m.args = *args;
        m.client_time = fuzz::demo_now;
        batch.push_back(std::move(m));
    }
    if (batch.empty()) return 0;

    const fuzz::DemoServer& demo = fuzz::demo_server();
    const std::string username = body->value("client_id", Json()).is_string() ? body->value("client_id", std::string()) : "";
    const UserContext user = demo.user(username);
    SyncServerState state = demo.state;
    auto first = state.push(demo.registry, demo.policy, user, "fuzz", batch, fuzz::demo_now + 1000);
    if (!first) return 0;
    FUZZ_CHECK(first->results.size() == batch.size(), "one result per pushed mutation");
    for (const MutationResult& r : first->results) {
        if (r.status == MutationStatus::accepted) FUZZ_CHECK(r.seq > 0, "an accepted mutation has a sequence number");
        else FUZZ_CHECK(!r.error.code.empty() && !r.error.message.empty(), "a rejection says why");
    }
    const std::int64_t seq_after = state.seq;
    auto second = state.push(demo.registry, demo.policy, user, "fuzz", batch, fuzz::demo_now + 2000);
    FUZZ_CHECK(second && second->results == first->results, "a batch pushed twice is answered the same");
    FUZZ_CHECK(state.seq == seq_after && second->changes.empty(), "a batch pushed twice is applied once");
    return 0;
}
