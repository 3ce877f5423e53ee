// Contact full names (see contact_name.hpp).
#include "core/domain/contacts/contact_name.hpp"

namespace casehub {

std::string contact_full_name(const Record& contact) {
    std::string full;
    for (const char* part : {"firstname", "lastname"}) {
        const Json* v = contact.get(part);
        if (!v || !v->is_string() || v->get_ref<const std::string&>().empty()) continue;
        if (!full.empty()) full += ' ';
        full += v->get_ref<const std::string&>();
    }
    return full;
}

std::optional<std::string> full_name_for_edits(const Record& after, const Json& edits) {
    if (after.entity != "contact" || !edits.is_object() || edits.contains("fullname")) return std::nullopt;
    if (!edits.contains("firstname") && !edits.contains("lastname")) return std::nullopt;
    std::string full = contact_full_name(after);
    if (full.empty()) return std::nullopt;
    return full;
}

}  // namespace casehub
