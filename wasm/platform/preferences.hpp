// Small per-browser preferences (the UI language, ...) kept in localStorage, so they
// survive reloads and offline use. Values are short strings; failures (private mode,
// storage disabled) read as "not set" and writes are dropped silently.
#pragma once
#include <string>

namespace casehub::platform {

// The stored value of `key`, or "" when unset or storage is unavailable.
std::string load_preference(const char* key);
void save_preference(const char* key, const std::string& value);
// The browser's preferred language tag (navigator.language, e.g. "fr-FR"), or "".
std::string browser_language();
// True when the system asks for less motion (prefers-reduced-motion: reduce).
bool prefers_reduced_motion();

}  // namespace casehub::platform
