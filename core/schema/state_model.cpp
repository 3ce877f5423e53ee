// State pairs and transitions checked against the schema's data (see state_model.hpp).
#include "core/schema/state_model.hpp"

#include <string>

namespace casehub {

namespace {

std::string state_name(const EntityDef& e, int state) {
    const OptionValue* s = e.state(state);
    return s ? s->label.en + " (" + std::to_string(state) + ")" : std::to_string(state);
}

// Reads an integer attribute; nullopt when absent; false when present but not integral.
bool read_code(const Record& r, const char* name, std::optional<int>& out) {
    const Json* v = r.get(name);
    if (!v) { out.reset(); return true; }
    if (!v->is_number_integer()) return false;
    out = v->get<int>();
    return true;
}

}  // namespace

Status check_state_pair(const EntityDef& e, int state, int status) {
    if (!e.state(state))
        return make_error("invalid_state", std::to_string(state) + " is not a statecode of " + e.name + ".", "statecode");
    const OptionValue* st = e.status(status);
    if (!st)
        return make_error("invalid_status", std::to_string(status) + " is not a statuscode of " + e.name + ".",
                          "statuscode");
    if (st->state != state)
        return make_error("invalid_status",
                          "Status reason " + st->label.en + " (" + std::to_string(status) + ") belongs to state " +
                              state_name(e, st->state) + ", not " + state_name(e, state) + ".",
                          "statuscode");
    return {};
}

Status check_state_transition(const EntityDef& e, std::optional<StatePair> from, StatePair to) {
    if (auto s = check_state_pair(e, to.state, to.status); !s) return s;
    if (!from || from->state == to.state) return {};
    for (const auto& t : e.transitions)
        if (t.from == from->state && t.to == to.state) return {};
    return make_error("invalid_transition",
                      "A " + e.label.en + " cannot go from " + state_name(e, from->state) + " to " +
                          state_name(e, to.state) + ".",
                      "statecode");
}

std::optional<int> default_status_for(const EntityDef& e, int state) {
    if (state == e.default_state && e.status(e.default_status)) return e.default_status;
    for (const auto& s : e.statuses)
        if (s.state == state) return s.value;
    return std::nullopt;
}

Status check_state_transition(const EntityDef& e, const Record* before, const Record& after) {
    if (!e.has_state()) return {};
    std::optional<int> state, status, old_state, old_status;
    if (!read_code(after, "statecode", state))
        return make_error("invalid_type", "statecode must be an integer.", "statecode");
    if (!read_code(after, "statuscode", status))
        return make_error("invalid_type", "statuscode must be an integer.", "statuscode");
    std::optional<StatePair> from;
    if (before) {
        if (read_code(*before, "statecode", old_state) && read_code(*before, "statuscode", old_status)) {
            const int s = old_state.value_or(e.default_state);
            from = StatePair{s, old_status.value_or(default_status_for(e, s).value_or(0))};
        }
    }
    StatePair to;
    to.state = state.value_or(from ? from->state : e.default_state);
    if (status) {
        to.status = *status;
    } else if (from && from->state == to.state) {
        to.status = from->status;
    } else if (auto d = default_status_for(e, to.state)) {
        to.status = *d;
    } else {
        return make_error("invalid_state", std::to_string(to.state) + " is not a statecode of " + e.name + ".",
                          "statecode");
    }
    return check_state_transition(e, from, to);
}

void apply_default_state(const EntityDef& e, Record& r) {
    if (!e.has_state()) return;
    if (!r.get("statecode")) r.attributes["statecode"] = e.default_state;
    if (!r.get("statuscode")) {
        const Json* s = r.get("statecode");
        const int state = s && s->is_number_integer() ? s->get<int>() : e.default_state;
        if (auto d = default_status_for(e, state)) r.attributes["statuscode"] = *d;
    }
}

}  // namespace casehub
