// The seed security roles as data: for each role, entity x privilege -> depth
// (Customer Service Representative, CSR Manager, System Administrator, System
// Customizer). docs/security.md shows the same table for people. Pure data, no I/O.
#pragma once
#include <string>
#include <vector>

#include "core/security/security.hpp"

namespace casehub {

// One row of a role: the depth granted for one privilege on one entity.
struct RolePrivilege {
    std::string entity;  // logical name
    Privilege privilege = Privilege::Read;
    Depth depth = Depth::None;
};

struct RoleDefinition {
    std::string name;                      // "Customer Service Representative"
    bool all_entities = false;             // System Administrator: Organization on everything
    std::vector<RolePrivilege> privileges;  // entity/privilege pairs not listed grant None

    // The depth this role grants (None when not listed).
    Depth depth(const std::string& entity, Privilege privilege) const;
};

// Seed role names, spelt as in Dynamics 365 (and in systemuser.securityroles).
inline constexpr const char* role_customer_service_representative = "Customer Service Representative";
inline constexpr const char* role_csr_manager = "CSR Manager";
inline constexpr const char* role_system_administrator = "System Administrator";
inline constexpr const char* role_system_customizer = "System Customizer";

// The four seed roles (a function-local static; thread-safe after the first call).
const std::vector<RoleDefinition>& seed_roles();

// The seed role with that name (exact, case-sensitive), or nullptr.
const RoleDefinition* find_role(const std::string& name);

// Every entity the seed roles know (the docs table's rows).
const std::vector<std::string>& secured_entities();

// True for entities owned by a user or team (ownerid + owningbusinessunit); false for
// organization-owned reference data (businessunit, systemuser, team, role, site, ...).
bool is_user_owned_entity(const std::string& entity);

// Role definitions as JSON ({"name", "privileges": {entity: {privilege: depth}}}), for
// the admin UI and docs.
Json role_to_json(const RoleDefinition& role);

}  // namespace casehub
