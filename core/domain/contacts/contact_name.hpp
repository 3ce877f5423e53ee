// The contact's full name, derived from its first and last name as the hub composes it
// ("Camille Martin"), so grids, lookups and search show the name the agent typed.
// Pure; the client applies it when a contact is saved.
#pragma once
#include <optional>
#include <string>

#include "core/base/record.hpp"

namespace casehub {

// First and last name joined by a space, skipping an empty one ("" when both are).
std::string contact_full_name(const Record& contact);

// The `fullname` a save of `edits` on a contact needs: its full name after the save when
// the first or last name is edited and `fullname` is not, and not empty; else nothing.
// `after` is the contact as it will be saved (stored attributes with `edits` applied).
std::optional<std::string> full_name_for_edits(const Record& after, const Json& edits);

}  // namespace casehub
