// The UI's translation table: every visible string of the client in English, French
// and Indonesian, looked up by a stable key. Pure data and lookups: no ImGui, no I/O
// (remembering the chosen language is platform/preferences' job).
#pragma once
#include <string_view>

#include "core/base/language.hpp"

namespace casehub::ui {

using casehub::Language;  // core messages are translated too (core/message_catalog.hpp)

// "en", "fr", "id" — the code stored in preferences and sent to JS.
const char* language_code(Language language);
// The language's own name ("English", "Français", "Bahasa Indonesia").
const char* language_name(Language language);
// Parses a code ("fr", "fr-FR", "id-ID" ...); unknown or empty codes give English.
Language parse_language(std::string_view code);

// The text of `key` in `language`. A key missing from that language falls back to
// English; a key missing everywhere is returned as itself, so a typo shows on screen
// (and in tests) instead of crashing.
const char* tr(Language language, std::string_view key);

}  // namespace casehub::ui
