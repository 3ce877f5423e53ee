// Static files. Everything is revalidated (Cache-Control: no-cache + ETag) rather
// than cached blindly: file names are not content-hashed, and the service worker is
// what makes the app open offline. A 304 costs one round trip and no bytes.
#include "server/http/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace casehub::server {
namespace fs = std::filesystem;

std::string mime_type_for(const std::string& path) {
    const auto ext = fs::path(path).extension().string();
    if (ext == ".html") return "text/html; charset=utf-8";
    if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
    if (ext == ".wasm") return "application/wasm";
    if (ext == ".json") return "application/json; charset=utf-8";
    if (ext == ".webmanifest") return "application/manifest+json; charset=utf-8";
    if (ext == ".css") return "text/css; charset=utf-8";
    if (ext == ".png") return "image/png";
    if (ext == ".svg") return "image/svg+xml";
    if (ext == ".ico") return "image/x-icon";
    if (ext == ".ttf") return "font/ttf";
    if (ext == ".woff2") return "font/woff2";
    if (ext == ".txt") return "text/plain; charset=utf-8";
    return "application/octet-stream";  // .data (Emscripten's preloaded files) and anything unknown
}

void install_static_routes(httplib::Server& server, const std::string& web_root) {
    std::error_code ec;
    const fs::path root = fs::weakly_canonical(fs::path(web_root), ec);
    auto handler = [root](const httplib::Request& req, httplib::Response& res) {
        std::string rel = req.path == "/" ? "index.html" : req.path.substr(1);
        std::error_code e;
        const fs::path file = fs::weakly_canonical(root / rel, e);
        const auto file_s = file.string(), root_s = root.string() + "/";
        if (e || file_s.compare(0, root_s.size(), root_s) != 0 || !fs::is_regular_file(file, e)) {
            res.status = 404;  // the server's error handler writes the JSON body
            return;
        }
        const auto size = fs::file_size(file, e);
        const auto mtime = fs::last_write_time(file, e).time_since_epoch().count();
        std::ostringstream tag;
        tag << '"' << std::hex << size << '-' << mtime << '"';
        res.set_header("ETag", tag.str());
        res.set_header("Cache-Control", "no-cache");
        res.set_header("X-Content-Type-Options", "nosniff");
        if (req.get_header_value("If-None-Match") == tag.str()) {
            res.status = 304;
            return;
        }
        std::ifstream in(file, std::ios::binary);
        std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        res.status = 200;
        res.set_content(std::move(body), mime_type_for(file_s).c_str());
    };
    server.Get(R"(/(?!api/)(.*))", handler);
}

}  // namespace casehub::server
