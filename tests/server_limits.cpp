// Hardening: no request can crash the server or make it hold unbounded memory or workers.
// Each attack of issue 16 is sent to a real server (the composition root behind the
// GuardedServer front, on a free loopback port), and each test checks the clear answer
// and that a healthy client is still served afterwards.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <httplib.h>

#include "core/apply/mutation.hpp"
#include "core/base/uuid.hpp"
#include "server/config.hpp"
#include "server/http/connection_guard.hpp"
#include "server/services/rate_limiter.hpp"
#include "server/server_app.hpp"

namespace fs = std::filesystem;
using namespace casehub;
using namespace casehub::server;
using Clock = std::chrono::steady_clock;

namespace {

AuthOptions minimum_cost() {
    AuthOptions a;
    a.password_cost = PasswordCost::Minimum;
    return a;
}

// The whole server (ServerApp + GuardedServer) on a free port over a temporary data dir.
struct LimitedServer {
    fs::path dir;
    std::unique_ptr<ServerApp> app;
    std::unique_ptr<GuardedServer> http;
    std::thread thread;
    int port = 0;

    explicit LimitedServer(ServerConfig config = {}, AuthOptions auth = minimum_cost()) {
        dir = fs::temp_directory_path() / ("casehub-limits-" + std::to_string(::getpid()) + "-" +
                                           std::to_string(reinterpret_cast<std::uintptr_t>(this)));
        fs::remove_all(dir);
        fs::create_directories(dir);
        config.data_dir = dir.string();
        config.web_root = dir.string();
        config.demo_cases = 5;
        config.jobs_interval_seconds = 0;
        auto opened = ServerApp::open(config, auth);
        INFO((opened ? std::string() : opened.error().message));
        REQUIRE(opened);
        app = std::move(*opened);
        http = std::make_unique<GuardedServer>(connection_limits(config));
        app->install_routes(*http);
        port = http->bind_guarded("127.0.0.1", 0);
        REQUIRE(port > 0);
        thread = std::thread([this] { http->listen_after_bind(); });
        while (!http->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ~LimitedServer() {
        http->stop();
        if (thread.joinable()) thread.join();
        http.reset();
        app.reset();
        std::error_code ec;
        fs::remove_all(dir, ec);
    }

    httplib::Client client() const {
        httplib::Client c("127.0.0.1", port);
        c.set_read_timeout(20, 0);
        return c;
    }
    bool is_healthy() const {
        auto r = client().Get("/health");
        return r && r->status == 200;
    }
    std::string login(const std::string& user) const {
        auto r = client().Post("/api/auth/login", Json{{"username", user}, {"password", demo_password}}.dump(),
                               "application/json");
        REQUIRE(r);
        REQUIRE(r->status == 200);
        return Json::parse(r->body)["token"].get<std::string>();
    }
};

// A raw TCP connection, for what an HTTP client library would not send.
struct RawConnection {
    int fd = -1;
    explicit RawConnection(int port, const char* from = nullptr) {
        fd = ::socket(AF_INET, SOCK_STREAM, 0);
        if (from) {  // another loopback address: another client as far as the server can tell
            sockaddr_in local{};
            local.sin_family = AF_INET;
            ::inet_pton(AF_INET, from, &local.sin_addr);
            REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&local), sizeof local) == 0);
        }
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_port = htons(static_cast<std::uint16_t>(port));
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    }
    ~RawConnection() {
        if (fd >= 0) ::close(fd);
    }
    // False once the server closed or reset the connection.
    bool send_all(const std::string& data) {
        std::size_t done = 0;
        while (done < data.size()) {
            const ssize_t n = ::send(fd, data.data() + done, data.size() - done, MSG_NOSIGNAL);
            if (n <= 0) return false;
            done += static_cast<std::size_t>(n);
        }
        return true;
    }
    // Everything the server sends until it closes or `timeout_ms` passes.
    std::string receive(int timeout_ms) {
        std::string out;
        const auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
        char buf[8192];
        for (;;) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
            if (left <= 0) break;
            pollfd p{fd, POLLIN, 0};
            if (::poll(&p, 1, static_cast<int>(left)) <= 0) break;
            const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
            if (n <= 0) break;
            out.append(buf, static_cast<std::size_t>(n));
        }
        return out;
    }
};

int status_of(const std::string& response) {
    if (response.size() < 12 || response.compare(0, 5, "HTTP/") != 0) return 0;
    return std::stoi(response.substr(9, 3));
}

// A sign-in from loopback address `from`; the raw answer.
std::string login_from(int port, const char* from, const std::string& username, const std::string& password) {
    RawConnection raw(port, from);
    const std::string body = Json{{"username", username}, {"password", password}}.dump();
    REQUIRE(raw.send_all("POST /api/auth/login HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: "
                         "application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body));
    return raw.receive(10000);
}

std::string nested_array(std::size_t levels) { return std::string(levels, '[') + std::string(levels, ']'); }

std::atomic<std::uint64_t> uuid_counter{1};

// A push of one record.update of an incident whose title is `value` (raw JSON text).
std::string push_with_value(const std::string& client_id, const std::string& value) {
    return R"({"client_id":")" + client_id + R"(","mutations":[{"id":")" + make_uuid_v4(0x1234, ++uuid_counter) +
           R"(","client_id":")" + client_id +
           R"(","client_seq":1,"name":"record.update","client_time":0,"args":{"entity":"incident","id":"x","fields":{"title":)" +
           value + "}}}]}";
}

}  // namespace

TEST_CASE("a push nested 60,000 levels deep is refused, not recorded, and the server lives", "[server][limits]") {
    LimitedServer s;
    const std::string token = s.login("alex");
    const auto seq = s.app->sync().seq();
    auto c = s.client();
    for (std::size_t levels : {65u, 60'000u, 100'000u}) {
        auto r = c.Post("/api/sync/push", {{"Authorization", "Bearer " + token}},
                        push_with_value("deep-client", nested_array(levels)), "application/json");
        REQUIRE(r);
        CHECK(r->status == 400);
        CHECK(r->body.find("json_too_deep") != std::string::npos);
        CHECK(r->body.find("64 levels") != std::string::npos);
    }
    CHECK(s.is_healthy());
    CHECK(s.app->sync().seq() == seq);
    SECTION("the same push within the depth limit is taken as usual") {
        auto r = c.Post("/api/sync/push", {{"Authorization", "Bearer " + token}},
                        push_with_value("deep-client", nested_array(10)), "application/json");
        REQUIRE(r);
        CHECK(r->status == 200);  // answered per mutation (this one is rejected: no such case)
    }
}

TEST_CASE("request bodies are capped however they are sent, before any route reads them", "[server][limits]") {
    ServerConfig config;
    config.max_body_kib = 64;
    LimitedServer s(config);
    const std::string login_head = "POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n";
    SECTION("a chunked body with no Content-Length is cut at the limit (413)") {
        RawConnection raw(s.port);
        REQUIRE(raw.send_all(login_head + "Transfer-Encoding: chunked\r\n\r\n"));
        const std::string chunk(16 * 1024, 'a');
        char size_line[32];
        std::snprintf(size_line, sizeof size_line, "%zx\r\n", chunk.size());
        // 16 MiB offered; the server stops reading after 64 KiB and answers.
        for (int i = 0; i < 1024 && raw.send_all(size_line + chunk + "\r\n"); ++i) {
        }
        const std::string answer = raw.receive(5000);
        CHECK(status_of(answer) == 413);
        CHECK(answer.find("body_too_large") != std::string::npos);
    }
    SECTION("a Content-Length over the limit is refused unread (413)") {
        RawConnection raw(s.port);
        REQUIRE(raw.send_all(login_head + "Content-Length: 419430400\r\n\r\n{"));
        const auto t0 = Clock::now();
        const std::string answer = raw.receive(5000);
        CHECK(status_of(answer) == 413);
        CHECK(Clock::now() - t0 < std::chrono::seconds(2));
    }
    SECTION("a Content-Length of -1 is answered at once (400), holding no worker") {
        RawConnection raw(s.port);
        REQUIRE(raw.send_all(login_head + "Content-Length: -1\r\n\r\n"));
        const auto t0 = Clock::now();
        const std::string answer = raw.receive(5000);
        CHECK(status_of(answer) == 400);
        CHECK(answer.find("bad_content_length") != std::string::npos);
        CHECK(Clock::now() - t0 < std::chrono::seconds(2));
    }
    SECTION("a compressed body is refused (415): no gzip bomb is inflated") {
        auto r = s.client().Post("/api/auth/login", {{"Content-Encoding", "gzip"}}, std::string(100, '\0'),
                                 "application/json");
        REQUIRE(r);
        CHECK(r->status == 415);
        CHECK(r->body.find("unsupported_encoding") != std::string::npos);
    }
    CHECK(s.is_healthy());
}

TEST_CASE("oversized or endless request heads are refused with 431 and 408", "[server][limits]") {
    ServerConfig config;
    config.header_timeout_seconds = 1;
    LimitedServer s(config);
    SECTION("200,000 header lines: 431 after the first hundred") {
        RawConnection raw(s.port);
        std::string head = "GET /health HTTP/1.1\r\nHost: x\r\n";
        bool sent = raw.send_all(head);
        for (int i = 0; i < 200'000 && sent; i += 1000) {
            std::string block;
            for (int j = 0; j < 1000; ++j) block += "X-Filler-" + std::to_string(i + j) + ": y\r\n";
            sent = raw.send_all(block);
        }
        const std::string answer = raw.receive(5000);
        CHECK(status_of(answer) == 431);
    }
    SECTION("one huge header line: 431") {
        RawConnection raw(s.port);
        (void)raw.send_all("GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(64 * 1024, 'a') + "\r\n\r\n");
        CHECK(status_of(raw.receive(5000)) == 431);
    }
    SECTION("a head that never ends: 408 after the header timeout") {
        RawConnection raw(s.port);
        REQUIRE(raw.send_all("GET /health HTTP/1.1\r\nHost: x\r\n"));
        const auto t0 = Clock::now();
        const std::string answer = raw.receive(5000);
        CHECK(status_of(answer) == 408);
        CHECK(Clock::now() - t0 < std::chrono::milliseconds(3000));
    }
    CHECK(s.is_healthy());
}

TEST_CASE("slow clients hold no worker: healthy requests are answered while they trickle", "[server][limits]") {
    ServerConfig config;
    config.threads = 4;
    config.max_connections_per_address = 1000;
    LimitedServer s(config);
    // Four times as many slow clients as workers, each having sent half a request head.
    std::vector<std::unique_ptr<RawConnection>> slow;
    for (int i = 0; i < 16; ++i) {
        slow.push_back(std::make_unique<RawConnection>(s.port));
        REQUIRE(slow.back()->send_all("POST /api/auth/login HTTP/1.1\r\nHost: x\r\n"));
    }
    // And four with complete heads and small bodies they never finish sending.
    for (int i = 0; i < 4; ++i) {
        slow.push_back(std::make_unique<RawConnection>(s.port));
        REQUIRE(slow.back()->send_all("POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    for (int i = 0; i < 10; ++i) {
        const auto t0 = Clock::now();
        CHECK(s.is_healthy());
        CHECK(Clock::now() - t0 < std::chrono::milliseconds(2000));  // before: 10 s timeouts
    }
}

TEST_CASE("one address cannot open more connections than its share", "[server][limits]") {
    ServerConfig config;
    config.max_connections_per_address = 8;
    LimitedServer s(config);
    std::vector<std::unique_ptr<RawConnection>> held;
    for (int i = 0; i < 8; ++i) held.push_back(std::make_unique<RawConnection>(s.port));
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    RawConnection extra(s.port);
    const std::string answer = extra.receive(3000);
    CHECK(status_of(answer) == 503);
    CHECK(answer.find("Retry-After:") != std::string::npos);
    CHECK(answer.find("too_many_connections") != std::string::npos);
    held.clear();
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    CHECK(s.is_healthy());
}

TEST_CASE("a push with oversized arguments is refused whole; a rejected one keeps no large arguments",
          "[server][limits]") {
    LimitedServer s;
    const std::string token = s.login("alex");
    auto c = s.client();
    const auto seq = s.app->sync().seq();
    SECTION("arguments over the per-mutation limit: 413, nothing applied") {
        const std::string big = "\"" + std::string(300 * 1024, 'x') + "\"";
        auto r = c.Post("/api/sync/push", {{"Authorization", "Bearer " + token}}, push_with_value("big-client", big),
                        "application/json");
        REQUIRE(r);
        CHECK(r->status == 413);
        CHECK(r->body.find("arguments_too_large") != std::string::npos);
        CHECK(s.app->sync().seq() == seq);
    }
    SECTION("a rejected mutation is recorded with its size instead of its 100 KiB of arguments") {
        const std::string big = "\"" + std::string(100 * 1024, 'x') + "\"";
        auto r = c.Post("/api/sync/push", {{"Authorization", "Bearer " + token}}, push_with_value("rej-client", big),
                        "application/json");
        REQUIRE(r);
        REQUIRE(r->status == 200);
        CHECK(Json::parse(r->body)["results"][0]["status"] == "rejected");
        const auto db_size = fs::file_size(s.dir / "casehub.db") +
                             (fs::exists(s.dir / "casehub.db-wal") ? fs::file_size(s.dir / "casehub.db-wal") : 0);
        std::ifstream wal(s.dir / "casehub.db-wal", std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(wal)), std::istreambuf_iterator<char>());
        CHECK(bytes.find(std::string(4096, 'x')) == std::string::npos);
        CHECK(bytes.find("omitted_bytes") != std::string::npos);
        (void)db_size;
    }
}

TEST_CASE("sign-ins beyond the hashing bound get 503 with a Retry-After, never unbounded memory",
          "[server][limits]") {
    ServerConfig config;
    config.hash_concurrency = 1;
    AuthOptions auth;  // the production cost: each check holds 64 MiB for tens of ms
    auth.password_cost = PasswordCost::Interactive;
    auth.hash_wait_ms = 0;  // no waiting for a turn: the bound shows at once
    LimitedServer s(config, auth);
    std::atomic<int> ok{0}, busy{0}, other{0};
    std::atomic<bool> retry_after_matches{true};
    std::vector<std::thread> clients;
    for (int t = 0; t < 4; ++t) {
        clients.emplace_back([&, t] {
            httplib::Client c("127.0.0.1", s.port);
            for (int i = 0; i < 5; ++i) {
                auto r = c.Post("/api/auth/login",
                                Json{{"username", "nobody-" + std::to_string(t * 100 + i)}, {"password", "x"}}.dump(),
                                "application/json");
                if (!r) { ++other; continue; }
                if (r->status == 401) ++ok;
                else if (r->status == 503) {
                    ++busy;
                    if (r->get_header_value("Retry-After") != "1") retry_after_matches = false;
                } else ++other;
            }
        });
    }
    for (auto& t : clients) t.join();
    CHECK(other == 0);
    CHECK(ok + busy == 20);
    CHECK(ok > 0);
    CHECK(busy > 0);
    CHECK(retry_after_matches);
}

TEST_CASE("the sign-in backoff's Retry-After matches the seconds its message gives", "[server][limits]") {
    LimitedServer s;
    auto c = s.client();
    std::shared_ptr<httplib::Response> last;
    for (int i = 0; i < 8; ++i) {
        auto r = c.Post("/api/auth/login", Json{{"username", "alex"}, {"password", "wrong"}}.dump(), "application/json");
        REQUIRE(r);
        if (r->status == 429) {
            const std::string seconds = r->get_header_value("Retry-After");
            CHECK(!seconds.empty());
            CHECK(r->body.find("wait " + seconds + " s") != std::string::npos);
            return;
        }
    }
    FAIL("no 429 after eight wrong passwords");
}

TEST_CASE("guessing from one address cannot lock the user out of another, nor spray usernames unchecked",
          "[server][limits]") {
    LimitedServer s;
    SECTION("eight wrong passwords for alex from 127.0.0.2 leave alex free from 127.0.0.1") {
        int last = 0;
        for (int i = 0; i < 8; ++i) last = status_of(login_from(s.port, "127.0.0.2", "alex", "wrong"));
        CHECK(last == 429);
        CHECK(status_of(login_from(s.port, "127.0.0.1", "alex", demo_password)) == 200);
        CHECK(status_of(login_from(s.port, "127.0.0.2", "alex", demo_password)) == 429);
    }
    SECTION("twenty usernames sprayed from one address: that address waits, others do not") {
        std::string answer;
        for (int i = 0; i < 21; ++i) answer = login_from(s.port, "127.0.0.3", "user" + std::to_string(i), "guess");
        CHECK(status_of(answer) == 429);
        CHECK(answer.find("from your address") != std::string::npos);
        CHECK(status_of(login_from(s.port, "127.0.0.1", "dewi", demo_password)) == 200);
    }
}

TEST_CASE("pushes beyond a user's rate get 429 with the Retry-After their message gives", "[server][limits]") {
    ServerConfig config;
    config.push_rate = 1;  // bursts of 5
    LimitedServer s(config);
    const std::string token = s.login("alex");
    auto c = s.client();
    int limited = 0;
    std::string retry_after, body;
    for (int i = 0; i < 8; ++i) {
        auto r = c.Post("/api/sync/push", {{"Authorization", "Bearer " + token}},
                        Json{{"client_id", "rate-client"}, {"mutations", Json::array()}}.dump(), "application/json");
        REQUIRE(r);
        if (r->status == 429) {
            ++limited;
            retry_after = r->get_header_value("Retry-After");
            body = r->body;
        } else {
            CHECK(r->status == 200);
        }
    }
    CHECK(limited >= 2);
    CHECK(body.find("wait " + retry_after + " s") != std::string::npos);
    const std::string other = s.login("dewi");  // another user is not slowed down
    auto r = c.Post("/api/sync/push", {{"Authorization", "Bearer " + other}},
                    Json{{"client_id", "other-client"}, {"mutations", Json::array()}}.dump(), "application/json");
    REQUIRE(r);
    CHECK(r->status == 200);
}

TEST_CASE("a rate limiter lets a burst through, then one request per refill, per key", "[server][limits]") {
    TimestampMs now = 1'000'000;
    RateLimiter limiter(RateLimit{2, 4}, [&] { return now; });
    for (int i = 0; i < 4; ++i) CHECK(limiter.take("alex") == 0);
    CHECK(limiter.take("alex") == 1);  // empty: one token comes back in 0.5 s, said as 1 s
    CHECK(limiter.take("dewi") == 0);  // another key has its own bucket
    now += 500;
    CHECK(limiter.take("alex") == 0);
    CHECK(limiter.take("alex") == 1);
    now += 60'000;  // refills up to the burst, not beyond
    for (int i = 0; i < 4; ++i) CHECK(limiter.take("alex") == 0);
    CHECK(limiter.take("alex") == 1);
}

TEST_CASE("a large body over a slow link completes; a trickle that would hold a worker gets 408",
          "[server][limits]") {
    ServerConfig config;
    config.body_timeout_seconds = 1;
    LimitedServer s(config);
    const std::string head = "POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n";
    SECTION("1.25 MiB in 160 KiB steps every 0.6 s: read whole (the sign-in then says the password is too long)") {
        const std::string body = R"({"username":"alex","password":")" + std::string(1280 * 1024 - 34, 'p') + "\"}";
        RawConnection raw(s.port);
        REQUIRE(raw.send_all(head + "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n"));
        for (std::size_t at = 0; at < body.size(); at += 160 * 1024) {
            REQUIRE(raw.send_all(body.substr(at, 160 * 1024)));
            std::this_thread::sleep_for(std::chrono::milliseconds(600));
        }
        const std::string answer = raw.receive(5000);
        CHECK(status_of(answer) == 400);
        CHECK(answer.find("too_long") != std::string::npos);
    }
    SECTION("2 MiB announced, 1 KiB every 0.2 s: 408 after about a second") {
        RawConnection raw(s.port);
        REQUIRE(raw.send_all(head + "Content-Length: 2097152\r\n\r\n{"));
        const auto t0 = Clock::now();
        std::string answer;
        for (int i = 0; i < 40 && answer.empty(); ++i) {
            if (!raw.send_all(std::string(1024, ' '))) break;
            answer = raw.receive(200);
        }
        if (answer.empty()) answer = raw.receive(3000);
        CHECK(status_of(answer) == 408);
        CHECK(Clock::now() - t0 < std::chrono::seconds(4));
    }
    CHECK(s.is_healthy());
}
