// Fuzz target: inbound email parsing. The input is the body the mail gateway posts
// ({from, to, subject, body, messageid, inreplyto?}): the strict parse, the address and
// display-name parsing of from/to, and — for a message it accepts — email.receive run
// through the real registry as the administrator on a copy of the demo organisation
// (contact matching, case threading by In-Reply-To or ticket number, routing).
// Invariants: what parses round-trips, an address is lower case with one '@', and the
// same message received twice is refused as a duplicate the second time.
#include <cctype>
#include <cstdint>
#include <string_view>

#include "core/base/json_limits.hpp"
#include "core/base/uuid.hpp"
#include "core/domain/routing/record_creation_rules.hpp"
#include "tests/fuzz/fuzz_demo.hpp"

using namespace casehub;

namespace {

void check_address(const std::string& text) {
    const std::string address = email_address_of(text);
    (void)display_name_of(text);
    if (address.empty()) return;
    for (const char c : address)
        FUZZ_CHECK(!std::isupper(static_cast<unsigned char>(c)), "an address is lower case");
    FUZZ_CHECK(address.find('@') != std::string::npos, "an address has an @");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    check_address(std::string(text));
    auto json = parse_json_within(text, JsonLimits{});
    if (!json) return 0;
    auto email = inbound_email_from_json(*json);
    if (!email) {
        FUZZ_CHECK(!email.error().message.empty(), "a refused message says why");
        return 0;
    }
    auto again = inbound_email_from_json(to_json(*email));
    FUZZ_CHECK(again && to_json(*again) == to_json(*email), "a parsed message round-trips");
    check_address(email->from);
    check_address(email->to);
    FUZZ_CHECK(inbound_email_mutation_id(email->messageid) == inbound_email_mutation_id(email->messageid),
               "the mutation id depends only on the message id");

    const fuzz::DemoServer& demo = fuzz::demo_server();
    const UserContext admin = demo.user("admin");
    SyncServerState state = demo.state;
    std::vector<Mutation> batch;
    for (std::int64_t n = 1; n <= 2; ++n) {
        Mutation m;
        m.id = make_uuid_v4(0xe3a1, static_cast<std::uint64_t>(n));
        m.client_id = "fuzz";
        m.client_seq = n;
        m.name = "email.receive";
        m.args = to_json(*email);
        m.client_time = fuzz::demo_now;
        batch.push_back(std::move(m));
    }
    auto out = state.push(demo.registry, demo.policy, admin, "fuzz", batch, fuzz::demo_now + 1000);
    FUZZ_CHECK(out && out->results.size() == 2, "both messages are answered");
    if (out->results[0].status == MutationStatus::accepted)
        FUZZ_CHECK(out->results[1].status == MutationStatus::rejected && out->results[1].error.code == "duplicate",
                   "a message received twice is refused the second time");
    return 0;
}
