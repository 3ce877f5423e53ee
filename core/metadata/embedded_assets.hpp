// The files of assets/metadata/ (forms, views, ...), embedded into the core at build
// time by cmake/embed_assets.cmake so both builds read metadata without file I/O.
#pragma once
#include <string_view>

namespace casehub {

// The file's bytes, or an empty view when no embedded file has that name.
std::string_view embedded_asset(std::string_view file_name);

}  // namespace casehub
