// Security: who the user is (UserContext) and whether their security roles let them
// create, read, write, delete, append, append-to or assign one record, at Dataverse
// depths (user, business unit, parent-child business units, organization).
// Pure: reads a Store (systemuser, team, teammembership, businessunit records) and the
// role table in roles.hpp. Sync calls these for every pushed mutation and pulled record.
#pragma once
#include <string>
#include <vector>

#include "core/base/record.hpp"
#include "core/base/result.hpp"
#include "core/store/store.hpp"

namespace casehub {

// The requesting user as the security checks see them. Built from the systemuser
// record by user_context_for; the server builds it from the session, never from a
// mutation's arguments.
struct UserContext {
    std::string user_id;                 // systemuser id
    std::string business_unit_id;        // systemuser.businessunitid
    std::vector<std::string> team_ids;   // teams the user is a member of (teammembership)
    std::vector<std::string> roles;      // security role names ("Customer Service Representative")
    std::string fullname;                // for messages ("Alex Taylor"); may be empty
};

enum class Privilege {
    Create,    // make a new record (checked on the record as it would be created)
    Read,      // see it (pull, grids, search)
    Write,     // change its fields (checked on its current state)
    Delete,    // remove it
    Append,    // set a lookup on this record to another record (an email "regarding" a case)
    AppendTo,  // let other records point at this one (the case the email is regarding)
    Assign,    // change its owner (checked on current state and on the new owner)
};

enum class Depth {
    None,                      // no access
    User,                      // records the user or one of the user's teams owns
    BusinessUnit,              // records of the user's business unit
    ParentChildBusinessUnits,  // the user's business unit and every unit below it
    Organization,              // every record
};

// "create", "read", ... and "none", "user", "businessunit", "parentchild", "organization"
// (the spelling used in docs/security.md and role JSON).
const char* to_string(Privilege privilege);
const char* to_string(Depth depth);
bool parse_privilege(const std::string& name, Privilege& out);
bool parse_depth(const std::string& name, Depth& out);

// The deepest depth any of the user's roles grants for (entity, privilege). Unknown
// roles and entities grant None (System Administrator excepted: Organization everywhere).
Depth privilege_depth(const UserContext& user, const std::string& entity, Privilege privilege);

// Ok when the user's roles grant `privilege` on `record` at a depth that covers it.
// Error code "forbidden" with a sentence naming the user, their roles, the action and
// the scope they lack ("Alex Taylor (Customer Service Representative) may not change
// cases of business unit Contoso Indonesia").
Status check_privilege(const Store& store, const UserContext& user, Privilege privilege, const Record& record);

// check_privilege(Read) as a question: what pull and grids filter with.
bool can_read(const Store& store, const UserContext& user, const Record& record);

// Creating `record` (owner and business unit as given; see with_default_owner): Create
// on it, plus Append on it and AppendTo on each existing record its lookups point at.
Status check_create(const Store& store, const UserContext& user, const Record& record);

// Changing `current` into `updated`: Write on current; when ownerid or
// owningbusinessunit change, Assign on current and on the record with its new owner;
// for every lookup that changed, Append on the record and AppendTo on the new target.
Status check_update(const Store& store, const UserContext& user, const Record& current, const Record& updated);

// Deleting `current`: Delete on its current state.
Status check_delete(const Store& store, const UserContext& user, const Record& current);

// Assigning `current` to `new_owner` ({"entity":"systemuser"|"team","id"}): Assign on the
// record now, and Assign on the record as it would be (new owner, new owner's business unit).
Status check_assign(const Store& store, const UserContext& user, const Record& current, const Json& new_owner);

// Pointing a lookup of `source` at `target`: Append on source, AppendTo on target.
Status check_append(const Store& store, const UserContext& user, const Record& source, const Record& target);

// Releasing or re-routing a queue item: Write on it when nobody or the user picked it
// (workerid empty or the user), Assign on it when another agent picked it (CSR Managers).
Status check_release_queue_item(const Store& store, const UserContext& user, const Record& queueitem);

// `record` with ownerid (the user) and owningbusinessunit (the owner's business unit)
// filled in when it is of a user-owned entity and they are missing; unchanged otherwise.
Record with_default_owner(const Store& store, Record record, const UserContext& user);

// The business unit a record belongs to for depth checks: owningbusinessunit, else
// the owner's business unit, else its businessunitid; a businessunit belongs to itself,
// a systemuser or team to its businessunitid. Empty when none can be found
// (organization-owned records, which only Organization depth covers).
std::string business_unit_of(const Store& store, const Record& record);

// The user's security context from their systemuser record (businessunitid,
// securityroles as comma-separated role names, isdisabled) and teammembership
// records ({teamid, systemuserid} lookups). Errors: "not_found" when there is no such
// user, "disabled" when the account is disabled, "invalid" when it has no business unit.
Result<UserContext> user_context_for(const Store& store, const std::string& systemuser_id);

// Splits "A, B ,C" into {"A","B","C"} (trimmed, empties dropped).
std::vector<std::string> split_role_names(const std::string& securityroles);

}  // namespace casehub
