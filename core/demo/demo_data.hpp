// Demo data: a living Contoso organisation (business units, users, roles, teams,
// queues, SLAs, entitlements, knowledge articles) and customers with cases, activities
// and notes in French, English and Indonesian. Deterministic for a seed; pure (time
// and seed come in), so the server, tests and benchmarks see the same records.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/store/store.hpp"
#include "core/base/time.hpp"

namespace casehub {

struct DemoOptions {
    std::uint64_t seed = 42;
    std::size_t case_count = 500;  // 100 .. 1,000,000
    TimestampMs now_ms = 0;        // "now" for the demo: cases are spread over the 180 days before it
    // Activities, notes, SLA KPI instances and knowledge links are made for the first
    // `detailed_case_limit` cases only, so a million cases stay within memory.
    std::size_t detailed_case_limit = 50000;
};

// Adds the demo organisation and its records to `store` (which may already hold
// records; ids are derived from the seed, so the same seed twice upserts the same ids).
//
// Fixed organisation (tests and the server rely on it):
//   businessunit  Contoso (root), Contoso France, Contoso Indonesia
//   systemuser    admin  System Administrator                               Contoso
//                 camille Camille Martin, CSR Manager + Customer Service Representative  Contoso France
//                 alex   Alex Taylor, Customer Service Representative       Contoso France
//                 dewi   Dewi Lestari, Customer Service Representative      Contoso Indonesia
//                 budi   Budi Santoso, Customer Service Representative      Contoso Indonesia
//   queue         Gold, Silver, Tier 1 Support, Tier 2 Support (France), Dukungan Indonesia
//   entitlement   "Gold Support" for the first French account: 15 cases remaining of 20
void generate_demo_data(const DemoOptions& options, Store& store);

// The record of a demo user by domain name, or nullptr (a scan of systemuser).
const Record* find_user_by_domainname(const Store& store, const std::string& domainname);

}  // namespace casehub
