// HTTPS (issue 16): the real server (ServerApp behind the GuardedServer front) with a
// certificate made here, spoken to with httplib's SSLClient checking that certificate:
// sign-in, push and pull work, answers carry HSTS, a body too large is refused over TLS,
// keep-alive works; plain HTTP gets nothing; clients that never finish their handshake
// hold no worker and are closed at the header deadline; bad TLS files are refused.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <httplib.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "core/apply/record_mutations.hpp"
#include "core/base/uuid.hpp"
#include "server/config.hpp"
#include "server/http/connection_guard.hpp"
#include "server/server_app.hpp"

namespace fs = std::filesystem;
using namespace casehub;
using namespace casehub::server;
using Clock = std::chrono::steady_clock;

namespace {

// A self-signed certificate for 127.0.0.1 (P-256 key), valid for an hour.
void make_certificate(const fs::path& cert_file, const fs::path& key_file) {
    EVP_PKEY* key = EVP_EC_gen("P-256");
    REQUIRE(key);
    X509* x = X509_new();
    ASN1_INTEGER_set(X509_get_serialNumber(x), 1);
    X509_gmtime_adj(X509_getm_notBefore(x), -60);
    X509_gmtime_adj(X509_getm_notAfter(x), 3600);
    X509_set_pubkey(x, key);
    X509_NAME* name = X509_get_subject_name(x);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("127.0.0.1"), -1, -1, 0);
    X509_set_issuer_name(x, name);
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, x, x, nullptr, nullptr, 0);
    X509_EXTENSION* san = X509V3_EXT_conf_nid(nullptr, &ctx, NID_subject_alt_name, "IP:127.0.0.1");
    REQUIRE(san);
    X509_add_ext(x, san, -1);
    X509_EXTENSION_free(san);
    REQUIRE(X509_sign(x, key, EVP_sha256()) > 0);
    FILE* c = std::fopen(cert_file.c_str(), "w");
    FILE* k = std::fopen(key_file.c_str(), "w");
    REQUIRE(c);
    REQUIRE(k);
    PEM_write_X509(c, x);
    PEM_write_PrivateKey(k, key, nullptr, nullptr, 0, nullptr, nullptr);
    std::fclose(c);
    std::fclose(k);
    X509_free(x);
    EVP_PKEY_free(key);
}

struct TlsServer {
    fs::path dir;
    std::unique_ptr<ServerApp> app;
    std::unique_ptr<GuardedServer> http;
    std::thread thread;
    int port = 0;

    explicit TlsServer(ServerConfig config = {}) {
        dir = fs::temp_directory_path() / ("casehub-tls-" + std::to_string(::getpid()) + "-" +
                                           std::to_string(reinterpret_cast<std::uintptr_t>(this)));
        fs::remove_all(dir);
        fs::create_directories(dir);
        make_certificate(dir / "cert.pem", dir / "key.pem");
        config.data_dir = dir.string();
        config.web_root = dir.string();
        config.demo_cases = 5;
        config.jobs_interval_seconds = 0;
        config.tls_cert = (dir / "cert.pem").string();
        config.tls_key = (dir / "key.pem").string();
        AuthOptions cheap;
        cheap.password_cost = PasswordCost::Minimum;
        auto opened = ServerApp::open(config, cheap);
        REQUIRE(opened);
        app = std::move(*opened);
        http = std::make_unique<GuardedServer>(connection_limits(config));
        auto tls = http->use_tls(config.tls_cert, config.tls_key);
        INFO((tls ? std::string() : tls.error().message));
        REQUIRE(tls);
        app->install_routes(*http);
        port = http->bind_guarded("127.0.0.1", 0);
        REQUIRE(port > 0);
        thread = std::thread([this] { http->listen_after_bind(); });
        while (!http->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ~TlsServer() {
        http->stop();
        if (thread.joinable()) thread.join();
        http.reset();
        app.reset();
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
    // A client that checks the server's certificate against the one made for it.
    std::unique_ptr<httplib::SSLClient> client() const {
        auto c = std::make_unique<httplib::SSLClient>("127.0.0.1", port);
        c->set_ca_cert_path((dir / "cert.pem").c_str());
        c->enable_server_certificate_verification(true);
        c->set_read_timeout(20, 0);
        return c;
    }
};

int connect_to(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<std::uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    return fd;
}

}  // namespace

TEST_CASE("over HTTPS the server signs in, pushes and pulls, with HSTS, behind its connection front",
          "[server][tls]") {
    TlsServer s;
    auto c = s.client();
    c->set_keep_alive(true);

    auto health = c->Get("/health");
    REQUIRE(health);
    CHECK(health->status == 200);
    CHECK(health->get_header_value("Strict-Transport-Security") == "max-age=31536000");
    CHECK(health->get_header_value("X-Content-Type-Options") == "nosniff");

    auto login = c->Post("/api/auth/login", Json{{"username", "alex"}, {"password", demo_password}}.dump(),
                         "application/json");
    REQUIRE(login);
    REQUIRE(login->status == 200);
    const httplib::Headers auth{{"Authorization", "Bearer " + Json::parse(login->body)["token"].get<std::string>()}};

    // One push and the pull that shows it, on the same kept-alive TLS connection.
    const std::string id = make_uuid_v4(0x715, 1);
    Mutation m{make_uuid_v4(0x715, 2), "", 1, "record.create",
               record_create_args("task", id, {{"subject", "Sent over TLS"}}), 0};
    Json wire;
    to_json(wire, m);
    auto pushed = c->Post("/api/sync/push", auth, Json{{"client_id", "tls-tablet"}, {"mutations", {wire}}}.dump(),
                          "application/json");
    REQUIRE(pushed);
    REQUIRE(pushed->status == 200);
    CHECK(Json::parse(pushed->body)["results"][0]["status"] == "accepted");
    bool seen = false;
    for (std::int64_t cursor = 0, more = 1; more;) {
        auto pulled = c->Get(("/api/sync/pull?cursor=" + std::to_string(cursor) + "&limit=5000").c_str(), auth);
        REQUIRE(pulled);
        REQUIRE(pulled->status == 200);
        const Json page = Json::parse(pulled->body);
        for (const auto& ch : page["changes"]) seen = seen || ch["id"] == id;
        more = page["has_more"].get<bool>();
        cursor = page["cursor"].get<std::int64_t>();
    }
    CHECK(seen);

    SECTION("a 2 MiB body is read by a worker through TLS and refused with the usual JSON error") {
        Mutation huge{make_uuid_v4(0x715, 3), "", 2, "record.update",
                      Json{{"entity", "task"}, {"id", id}, {"fields", {{"description", std::string(2 << 20, 'x')}}}}, 0};
        Json w;
        to_json(w, huge);
        auto r = c->Post("/api/sync/push", auth, Json{{"client_id", "tls-tablet"}, {"mutations", {w}}}.dump(),
                         "application/json");
        REQUIRE(r);
        CHECK(r->status == 413);
        CHECK(Json::parse(r->body)["error"]["code"] == "arguments_too_large");
    }
    SECTION("plain HTTP on the HTTPS port gets no HTTP answer") {
        httplib::Client plain("127.0.0.1", s.port);
        plain.set_read_timeout(5, 0);
        auto r = plain.Get("/health");
        CHECK_FALSE(r);
    }
}

TEST_CASE("clients that never finish a TLS handshake hold no worker and are closed at the header deadline",
          "[server][tls]") {
    ServerConfig config;
    config.threads = 2;
    config.header_timeout_seconds = 2;
    TlsServer s(config);
    std::vector<int> stalled;
    for (int i = 0; i < 12; ++i) {
        const int fd = connect_to(s.port);
        if (i % 2 == 1) (void)!::send(fd, "\x16\x03\x01\x00", 4, MSG_NOSIGNAL);  // the start of a ClientHello
        stalled.push_back(fd);
    }
    const auto before = Clock::now();
    auto r = s.client()->Get("/health");
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(Clock::now() - before < std::chrono::seconds(2));

    // By the header deadline (2 s) every stalled connection is closed by the server.
    for (const int fd : stalled) {
        pollfd p{fd, POLLIN, 0};
        REQUIRE(::poll(&p, 1, 6000) == 1);
        char b[64];
        CHECK(::recv(fd, b, sizeof b, 0) <= 0);
        ::close(fd);
    }
}

TEST_CASE("TLS needs a readable certificate and its own key, and both flags", "[server][tls]") {
    CHECK_FALSE(parse_server_config({"--tls-cert", "cert.pem"}));
    CHECK(parse_server_config({"--tls-cert", "a.pem", "--tls-key", "b.pem"}));
    const fs::path dir = fs::temp_directory_path() / ("casehub-tls-files-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    make_certificate(dir / "cert.pem", dir / "key.pem");
    make_certificate(dir / "other.pem", dir / "other-key.pem");
    GuardedServer http;
    auto missing = http.use_tls((dir / "none.pem").string(), (dir / "key.pem").string());
    REQUIRE_FALSE(missing);
    CHECK(missing.error().message.find("none.pem") != std::string::npos);
    auto mismatch = http.use_tls((dir / "cert.pem").string(), (dir / "other-key.pem").string());
    REQUIRE_FALSE(mismatch);
    CHECK(mismatch.error().message.find("does not belong") != std::string::npos);
    CHECK_FALSE(http.uses_tls());
    CHECK(http.use_tls((dir / "cert.pem").string(), (dir / "key.pem").string()));
    CHECK(http.uses_tls());
    fs::remove_all(dir);
}
