// The languages CaseHub ships in. Lives in core (not the UI) because core messages
// are translated too (message_catalog.hpp) and the server may localise by
// Accept-Language with the same catalogue.
#pragma once

namespace casehub {

enum class Language { en, fr, id };

}  // namespace casehub
