// Schema: entity metadata with Dataverse logical names — typed attributes, option
// sets with en/fr/id labels, statecode/statuscode pairs and allowed state transitions.
// Data only: validation.hpp checks records against it, forms/views refer to it.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/base/record.hpp"
#include "core/base/result.hpp"

namespace casehub {

// A label in the three languages the product ships in; `in` falls back to English.
struct Label {
    std::string en, fr, id;
    const std::string& in(std::string_view language) const;
    bool operator==(const Label&) const = default;
};

enum class AttributeType {
    String,     // single line, JSON string
    Memo,       // multi-line text, JSON string
    Integer,    // JSON integer
    Decimal,    // JSON number
    Money,      // JSON number (one currency in this product)
    Boolean,    // JSON bool
    DateTime,   // ISO-8601 UTC string, see time.hpp
    OptionSet,  // JSON integer, one of `options`
    StateCode,  // statecode: JSON integer, one of EntityDef::states
    StatusCode, // statuscode: JSON integer, one of EntityDef::statuses, paired with statecode
    Lookup,     // {"entity":..,"id":..} to one of `targets`
    Customer,   // lookup to account or contact
    Owner,      // lookup to systemuser or team
};

std::string_view to_string(AttributeType type);
// "string", "memo", "int", "decimal", "money", "bool", "datetime", "optionset", "state",
// "status", "lookup", "customer", "owner"; false when the name is unknown.
bool parse_attribute_type(std::string_view name, AttributeType& out);
bool is_lookup_type(AttributeType type);  // Lookup, Customer or Owner

struct OptionValue {
    int value = 0;
    Label label;
    int state = -1;  // for statuscode values: the statecode they belong to; -1 otherwise
    bool operator==(const OptionValue&) const = default;
};

// Who may write an attribute besides an agent with Write on the record: the field rules
// the write path (core/apply/write_path.hpp) applies, kept here as data beside the schema.
enum class FieldGuard {
    none,                 // any writer with Write on the record
    stamped,              // createdon/createdby/modifiedon/modifiedby: stamped by the write path only
    state,                // statecode, statuscode to another state, and what closing sets (resolvedon):
                          // only through the entity's named state mutations (case.resolve, ...)
    owner,                // ownerid: only through assign (record.assign, case.assign), with Assign privilege
    owner_business_unit,  // owningbusinessunit: follows the owner, never set directly
    unique_number,        // ticketnumber: given once on create, unique among the entity's records
    sla,                  // kept by the SLA engine from the case's timers (slaid, resolveby, ...)
    system,               // kept by a domain rule (the entitlement terms a case used)
};

// "none", "stamped", "state", "owner", "owner_business_unit", "unique_number", "sla", "system".
std::string_view to_string(FieldGuard guard);
bool parse_field_guard(std::string_view name, FieldGuard& out);

struct AttributeDef;
// False for the attributes a form shows but an agent's edit may not change: system stamps
// and every guarded field (state, owner, business unit, case number, SLA and rule-kept
// fields), which their commands change instead. A status reason stays editable: one of
// the record's current state is an edit.
bool is_editable_on_forms(const AttributeDef& attribute);

struct AttributeDef {
    std::string name;  // logical name
    AttributeType type = AttributeType::String;
    Label label;
    bool required = false;          // callers must supply a value (create and update)
    bool system = false;            // set by the mutation layer (createdon, modifiedby, ...)
    FieldGuard guard = FieldGuard::none;  // who may write it (the field rules)
    std::size_t max_length = 0;     // strings/memos: maximum characters; 0 = unlimited
    std::vector<std::string> targets;  // lookups: entities it may point at
    std::vector<OptionValue> options;  // option sets: allowed values with labels

    const OptionValue* option(int value) const;  // nullptr if not an allowed value
    bool operator==(const AttributeDef&) const = default;
};

// A permitted change of statecode (from -> to). Staying in the same state while
// changing statuscode is always permitted.
struct StateTransition {
    int from = 0;
    int to = 0;
    bool operator==(const StateTransition&) const = default;
};

struct EntityDef {
    std::string name;  // logical name: "incident"
    Label label;        // singular display name
    Label plural;       // collection display name
    std::string primary_name;  // attribute shown as the record's name ("title", "fullname", ...)
    bool user_owned = false;   // has ownerid + owningbusinessunit
    std::vector<AttributeDef> attributes;
    std::vector<OptionValue> states;    // statecode values (state = -1)
    std::vector<OptionValue> statuses;  // statuscode values, each with its state
    std::vector<StateTransition> transitions;
    int default_state = 0;   // for records created without statecode
    int default_status = 0;  // for records created without statuscode

    const AttributeDef* attribute(std::string_view logical_name) const;  // nullptr if unknown
    bool has_state() const { return !states.empty(); }
    const OptionValue* state(int value) const;
    const OptionValue* status(int value) const;
    bool operator==(const EntityDef&) const = default;
};

class Schema {
public:
    std::vector<EntityDef> entities;  // in name order (add_entity keeps it sorted)

    const EntityDef* entity(std::string_view logical_name) const;  // nullptr if unknown
    void add_entity(EntityDef def);                                 // replaces one with that name
    bool operator==(const Schema&) const = default;
};

// The built-in CaseHub schema (a function-local static; thread-safe after first call).
const Schema& casehub_schema();

// The activity entities: email, task, phonecall, appointment, socialactivity.
const std::vector<std::string>& activity_entities();

// The record's primary name ("CAS-01042 ..." title, account name, fullname ...), or "".
std::string primary_name_of(const Schema& schema, const Record& record);

// JSON wire shape of the schema, so the client, the API and admin tools share it.
void to_json(Json& j, const Label& l);
void from_json(const Json& j, Label& l);
void to_json(Json& j, const OptionValue& o);
void from_json(const Json& j, OptionValue& o);
void to_json(Json& j, const AttributeDef& a);
void from_json(const Json& j, AttributeDef& a);
void to_json(Json& j, const StateTransition& t);
void from_json(const Json& j, StateTransition& t);
void to_json(Json& j, const EntityDef& e);
void from_json(const Json& j, EntityDef& e);
void to_json(Json& j, const Schema& s);
void from_json(const Json& j, Schema& s);

// Parses schema JSON without throwing; the error says what is malformed.
Result<Schema> parse_schema(const Json& json);

}  // namespace casehub
