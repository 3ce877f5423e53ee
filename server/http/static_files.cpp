// Static files. Everything is revalidated (Cache-Control: no-cache + ETag) rather
// than cached blindly: file names are not content-hashed, and the service worker is
// what makes the app open offline. A 304 costs one round trip and no bytes.
#include "server/http/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <sodium.h>

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

std::string content_security_policy(const std::string& html) {
    std::string hashes;
    for (std::size_t pos = html.find("<script"); pos != std::string::npos; pos = html.find("<script", pos + 7)) {
        const std::size_t open_end = html.find('>', pos);
        if (open_end == std::string::npos) break;
        if (html.substr(pos, open_end - pos).find("src=") != std::string::npos) continue;  // external: 'self'
        const std::size_t close = html.find("</script>", open_end);
        if (close == std::string::npos) break;
        const std::string body = html.substr(open_end + 1, close - open_end - 1);
        unsigned char digest[crypto_hash_sha256_BYTES];
        crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(body.data()), body.size());
        char b64[sodium_base64_ENCODED_LEN(crypto_hash_sha256_BYTES, sodium_base64_VARIANT_ORIGINAL)];
        sodium_bin2base64(b64, sizeof b64, digest, sizeof digest, sodium_base64_VARIANT_ORIGINAL);
        hashes += std::string(" 'sha256-") + b64 + "'";
    }
    return "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'" + hashes +
           "; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; "
           "form-action 'self'; frame-ancestors 'none'";
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
        std::ifstream in(file, std::ios::binary);
        std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (file.extension() == ".html") res.set_header("Content-Security-Policy", content_security_policy(body));
        if (req.get_header_value("If-None-Match") == tag.str()) {
            res.status = 304;
            return;
        }
        res.status = 200;
        res.set_content(std::move(body), mime_type_for(file_s).c_str());
    };
    server.Get(R"(/(?!api/)(.*))", handler);
}

}  // namespace casehub::server
