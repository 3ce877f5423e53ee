// The base HTTP surface: /health, static files with the right MIME types and
// validators, JSON errors for unknown routes, and the server's flags.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "server/config.hpp"
#include "server/http/http_server.hpp"
#include "server/http/static_files.hpp"

namespace fs = std::filesystem;
using namespace casehub;
using namespace casehub::server;

namespace {

// A real server on a free port over a temporary web root; stops and joins on scope exit.
struct RunningServer {
    fs::path web_root;
    httplib::Server http;
    std::thread thread;
    int port = 0;

    RunningServer() {
        web_root = fs::temp_directory_path() / ("casehub-web-" + std::to_string(::getpid()) + "-" +
                                                std::to_string(reinterpret_cast<std::uintptr_t>(this)));
        fs::create_directories(web_root);
        std::ofstream(web_root / "index.html")
            << "<!doctype html><title>CaseHub</title><script src=\"casehub.js\"></script><script>boot();</script>";
        std::ofstream(web_root / "casehub_web.wasm", std::ios::binary) << std::string("\0asm\1\0\0\0", 8);
        std::ofstream(web_root / "casehub_web.js") << "console.log('hi')";
        std::ofstream(web_root / "manifest.webmanifest") << "{}";
        HttpOptions options;
        options.web_root = web_root.string();
        install_base_routes(http, options);
        port = http.bind_to_any_port("127.0.0.1");
        thread = std::thread([this] { http.listen_after_bind(); });
        while (!http.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ~RunningServer() {
        http.stop();
        thread.join();
        std::error_code ec;
        fs::remove_all(web_root, ec);
    }
    httplib::Client client() const { return httplib::Client("127.0.0.1", port); }
};

}  // namespace

TEST_CASE("the health endpoint answers ok as JSON", "[server][http]") {
    RunningServer s;
    auto res = s.client().Get("/health");
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->get_header_value("Content-Type").find("application/json") == 0);
    CHECK(nlohmann::json::parse(res->body)["status"] == "ok");
}

TEST_CASE("every answer carries the security headers; HTML pages a CSP that allows only their own scripts",
          "[server][http]") {
    RunningServer s;
    auto cli = s.client();
    for (const char* path : {"/", "/health", "/casehub_web.js", "/api/no-such-route"}) {
        auto res = cli.Get(path);
        REQUIRE(res);
        INFO(path);
        CHECK(res->get_header_value_count("X-Content-Type-Options") == 1);
        CHECK(res->get_header_value("X-Content-Type-Options") == "nosniff");
        CHECK(res->get_header_value("X-Frame-Options") == "DENY");
        CHECK(res->get_header_value("Referrer-Policy") == "no-referrer");
    }
    auto page = cli.Get("/");
    REQUIRE(page);
    const std::string csp = page->get_header_value("Content-Security-Policy");
    CHECK(csp.find("frame-ancestors 'none'") != std::string::npos);
    CHECK(csp.find("script-src 'self' 'wasm-unsafe-eval'") != std::string::npos);
    // sha256 of "boot();" (the page's only inline script), base64: nothing else inline runs.
    CHECK(csp.find("'sha256-") != std::string::npos);
    CHECK(csp.find("'unsafe-inline'; img-src") != std::string::npos);  // inline styles only
    CHECK(csp.find("script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline'") == std::string::npos);
    CHECK(content_security_policy("<script>boot();</script>") == csp);
    CHECK(content_security_policy("<script>evil();</script>") != csp);
    CHECK(cli.Get("/health")->get_header_value("Content-Security-Policy").empty());
}

TEST_CASE("static files are served with their MIME types and revalidation headers", "[server][http]") {
    RunningServer s;
    auto cli = s.client();
    SECTION("the root is index.html") {
        auto res = cli.Get("/");
        REQUIRE(res);
        CHECK(res->status == 200);
        CHECK(res->get_header_value("Content-Type") == "text/html; charset=utf-8");
        CHECK(res->body.find("CaseHub") != std::string::npos);
        CHECK(res->get_header_value("Cache-Control") == "no-cache");
    }
    SECTION("wasm is application/wasm so streaming compilation works") {
        auto res = cli.Get("/casehub_web.wasm");
        REQUIRE(res);
        CHECK(res->status == 200);
        CHECK(res->get_header_value("Content-Type") == "application/wasm");
        CHECK(res->body.size() == 8);
    }
    SECTION("javascript and the manifest") {
        CHECK(cli.Get("/casehub_web.js")->get_header_value("Content-Type").find("text/javascript") == 0);
        CHECK(cli.Get("/manifest.webmanifest")->get_header_value("Content-Type").find("application/manifest+json") == 0);
    }
    SECTION("an unchanged file answers 304 to its ETag") {
        auto first = cli.Get("/casehub_web.js");
        REQUIRE(first);
        const auto tag = first->get_header_value("ETag");
        REQUIRE(!tag.empty());
        auto second = cli.Get("/casehub_web.js", {{"If-None-Match", tag}});
        REQUIRE(second);
        CHECK(second->status == 304);
        CHECK(second->body.empty());
    }
}

TEST_CASE("unknown routes and escapes from the web root get a JSON 404", "[server][http]") {
    RunningServer s;
    auto cli = s.client();
    for (const char* path : {"/no-such-file.js", "/api/nothing", "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd"}) {
        auto res = cli.Get(path);
        REQUIRE(res);
        INFO(path);
        CHECK(res->status == 404);
        auto body = nlohmann::json::parse(res->body, nullptr, false);
        REQUIRE(body.is_object());
        CHECK(body["error"]["code"] == "not_found");
        CHECK_FALSE(body["error"]["message"].get<std::string>().empty());
    }
}

TEST_CASE("server flags are parsed over the environment and bad ones are named", "[server][config]") {
    SECTION("defaults") {
        auto c = parse_server_config({});
        REQUIRE(c);
        CHECK(c->port == 8080);
        CHECK(c->host == "127.0.0.1");
    }
    SECTION("flags") {
        auto c = parse_server_config({"--port", "9001", "--host", "0.0.0.0", "--data-dir", "/tmp/x", "--web-root", "w"});
        REQUIRE(c);
        CHECK(c->port == 9001);
        CHECK(c->host == "0.0.0.0");
        CHECK(c->data_dir == "/tmp/x");
        CHECK(c->web_root == "w");
    }
    SECTION("a flag beats the environment") {
        ::setenv("CASEHUB_PORT", "7000", 1);
        CHECK(parse_server_config({})->port == 7000);
        CHECK(parse_server_config({"--port", "7001"})->port == 7001);
        ::unsetenv("CASEHUB_PORT");
    }
    SECTION("errors say what is wrong") {
        auto bad_port = parse_server_config({"--port", "http"});
        REQUIRE_FALSE(bad_port);
        CHECK(bad_port.error().message.find("--port") != std::string::npos);
        auto unknown = parse_server_config({"--colour", "blue"});
        REQUIRE_FALSE(unknown);
        CHECK(unknown.error().message.find("--colour") != std::string::npos);
        CHECK_FALSE(parse_server_config({"--data-dir"}));
    }
}

TEST_CASE("the server binary says clearly when its port is taken", "[server][process]") {
    httplib::Server blocker;
    const int port = blocker.bind_to_any_port("127.0.0.1");
    REQUIRE(port > 0);
    const auto out = fs::temp_directory_path() / ("casehub-port-" + std::to_string(::getpid()) + ".txt");
    const auto data = fs::temp_directory_path() / ("casehub-port-data-" + std::to_string(::getpid()));
    // `timeout` so a server that wrongly binds anyway fails the test instead of hanging it.
    const std::string cmd = "timeout 30 " + std::string(CASEHUB_SERVER_EXE) + " --port " + std::to_string(port) + " --data-dir " +
                            data.string() + " --demo-cases 0 > " + out.string() + " 2>&1";
    const int rc = std::system(cmd.c_str());
    std::ifstream in(out);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(rc != 0);
    CHECK(text.find("already in use") != std::string::npos);
    CHECK(text.find("--port") != std::string::npos);
    std::error_code ec;
    fs::remove(out, ec);
    fs::remove_all(data, ec);
}
