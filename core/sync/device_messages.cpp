// The device storage messages; each is a template of the message catalogue.
#include "core/sync/device_messages.hpp"

namespace casehub {

std::string device_write_refused_message(const std::string& name, const std::string& message) {
    if (name == "QuotaExceededError")
        return "This device has no storage space left for CaseHub, so your latest changes are not saved on it yet. "
               "Free some space (close other tabs, clear other sites' data); they are saved as soon as there is room. "
               "Keep this tab open until then.";
    if (name == "InvalidStateError" || name == "VersionError" || name == "NotFoundError")
        return "The browser closed CaseHub's storage on this device (" + message +
               "), so your latest changes are not saved on it yet. Keep this tab open and reload when they are synced.";
    return "Saving on this device failed (" + name + ": " + message +
           "), so your latest changes are not saved on it yet; retrying. Keep this tab open until the status says saved.";
}

std::string device_open_refused_message(const std::string& error) {
    return "This browser refuses to store CaseHub's data on this device (" + error +
           "; a private window does this). Your changes are kept only while this tab is open and are sent when "
           "online. Open CaseHub in a normal window to work offline safely.";
}

std::string device_unreadable_message(const std::string& error) {
    return "Your data on this device could not be read (" + error + "). Reload the page to try again.";
}

std::string device_cleared_message() {
    return "This browser cleared CaseHub's local data since your last visit; changes not synced before then could not "
           "be kept.";
}

std::string device_loading_message(std::size_t restored, std::size_t total) {
    return "Your data on this device is still loading (" + std::to_string(restored) + " of " + std::to_string(total) +
           " records); try again in a moment.";
}

}  // namespace casehub
