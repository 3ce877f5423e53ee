// Crash safety of the real casehub_server binary: push batches, kill -9 it while a large
// batch is in flight, restart it on the same data directory and push everything again.
// Every acknowledged mutation must still be there with its original result, and no
// mutation may be applied twice (each value written appears in exactly one change).
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <thread>

#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <httplib.h>

#include "core/apply/mutation.hpp"
#include "core/base/record.hpp"
#include "core/base/uuid.hpp"

namespace fs = std::filesystem;
using namespace casehub;

namespace {

// A casehub_server child process on a free port; kill() is kill -9.
struct ServerProcess {
    pid_t pid = -1;
    int port = 0;

    explicit ServerProcess(const fs::path& data_dir) {
        int out[2];
        REQUIRE(::pipe(out) == 0);
        pid = ::fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            ::dup2(out[1], STDOUT_FILENO);
            ::close(out[0]);
            ::close(out[1]);
            const std::string dir = data_dir.string();
            const std::string web = (data_dir / "web").string();
            ::execl(CASEHUB_SERVER_EXE, CASEHUB_SERVER_EXE, "--port", "0", "--data-dir", dir.c_str(), "--web-root",
                    web.c_str(), "--demo-cases", "300", static_cast<char*>(nullptr));
            std::_Exit(127);
        }
        ::close(out[1]);
        // The server prints "CaseHub is running at http://127.0.0.1:<port>/" once it listens.
        FILE* f = ::fdopen(out[0], "r");
        char line[512];
        while (port == 0 && std::fgets(line, sizeof line, f)) {
            const char* at = std::strstr(line, "http://127.0.0.1:");
            if (at) port = std::atoi(at + std::strlen("http://127.0.0.1:"));
        }
        std::fclose(f);
        REQUIRE(port > 0);
    }
    void kill9() {
        if (pid > 0) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, nullptr, 0);
            pid = -1;
        }
    }
    ~ServerProcess() { kill9(); }
};

// Signs in as the demo administrator; the one place that knows how login works.
std::string login(int port) {
    const char* env = std::getenv("CASEHUB_DEMO_PASSWORD");
    const std::string password = env ? env : "casehub-demo";
    httplib::Client c("127.0.0.1", port);
    auto r = c.Post("/api/auth/login", Json{{"username", "admin"}, {"password", password}}.dump(), "application/json");
    REQUIRE(r);
    INFO(r->body);
    REQUIRE(r->status == 200);
    return Json::parse(r->body)["token"].get<std::string>();
}

Json get_json(int port, const std::string& token, const std::string& path) {
    httplib::Client c("127.0.0.1", port);
    c.set_read_timeout(60, 0);
    auto r = c.Get(path, {{"Authorization", "Bearer " + token}});
    REQUIRE(r);
    INFO(path << " -> " << r->status << " " << r->body.substr(0, 300));
    REQUIRE(r->status == 200);
    return Json::parse(r->body);
}

// Pushes one batch; the results, or null when the connection broke (server killed).
Json push(int port, const std::string& token, const std::vector<Mutation>& batch) {
    Json body{{"client_id", "crash-test-client"}, {"mutations", Json::array()}};
    for (const auto& m : batch) body["mutations"].push_back(m);
    httplib::Client c("127.0.0.1", port);
    c.set_read_timeout(120, 0);
    c.set_write_timeout(120, 0);
    auto r = c.Post("/api/sync/push", {{"Authorization", "Bearer " + token}}, body.dump(), "application/json");
    if (!r) return nullptr;
    INFO(r->body.substr(0, 300));
    REQUIRE(r->status == 200);
    return Json::parse(r->body)["results"];
}

}  // namespace

TEST_CASE("killing the server mid-push loses no acknowledged mutation and applies none twice",
          "[server][sync][crash]") {
    const fs::path dir = fs::temp_directory_path() / ("casehub-crash-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "web");

    std::vector<std::vector<Mutation>> batches;
    std::map<std::size_t, Json> acknowledged;  // batch index -> results the client received
    std::int64_t start_cursor = 0;
    {
        ServerProcess server(dir);
        const std::string token = login(server.port);
        Json snap = get_json(server.port, token, "/api/sync/snapshot");
        start_cursor = snap["cursor"].get<std::int64_t>();
        std::vector<std::pair<std::string, Json>> cases;  // id, current title
        for (const auto& r : snap["records"])
            // Active cases only: resolved and canceled ones are read-only until reactivated.
            if (r["entity"] == "incident" && r["attributes"].value("statecode", -1) == 0 && cases.size() < 50)
                cases.push_back({r["id"], r["attributes"]["title"]});
        REQUIRE(cases.size() == 50);

        // Small batches, then a large one that is in flight when the server dies.
        std::int64_t client_seq = 0;
        for (std::size_t size : {50, 50, 50, 2000, 50}) {
            std::vector<Mutation> batch;
            for (std::size_t i = 0; i < size; ++i) {
                auto& [id, title] = cases[static_cast<std::size_t>(client_seq) % cases.size()];
                const std::string value = "crash-" + std::to_string(client_seq);
                ++client_seq;
                batch.push_back(Mutation{make_uuid_v4(77, static_cast<std::uint64_t>(client_seq)), "crash-test-client",
                                         client_seq, "record.update",
                                         Json{{"entity", "incident"},
                                              {"id", id},
                                              {"fields", {{"title", value}}},
                                              {"base", {{"title", title}}}},
                                         0});
                title = value;
            }
            batches.push_back(std::move(batch));
        }
        for (std::size_t b = 0; b < 3; ++b) {
            Json results = push(server.port, token, batches[b]);
            REQUIRE(results.is_array());
            acknowledged[b] = results;
        }
        std::atomic<bool> answered{false};
        Json big_results;
        std::thread inflight([&] {
            big_results = push(server.port, token, batches[3]);
            answered = true;
        });
        std::this_thread::sleep_for(std::chrono::milliseconds(40));
        server.kill9();
        inflight.join();
        if (answered && big_results.is_array()) acknowledged[3] = big_results;  // it finished first: still fine
    }

    ServerProcess server(dir);  // same data directory
    const std::string token = login(server.port);
    for (std::size_t b = 0; b < batches.size(); ++b) {
        Json results = push(server.port, token, batches[b]);
        REQUIRE(results.is_array());
        REQUIRE(results.size() == batches[b].size());
        for (const auto& r : results) CHECK(r["status"] == "accepted");
        if (acknowledged.count(b)) CHECK(results == acknowledged[b]);
    }
    // Every value written appears in exactly one change of its case.
    std::map<std::string, int> writes;
    std::int64_t cursor = start_cursor;
    for (;;) {
        Json page = get_json(server.port, token, "/api/sync/pull?cursor=" + std::to_string(cursor) + "&limit=5000");
        for (const auto& c : page["changes"])
            if (c["entity"] == "incident" && c["op"] == "upsert") ++writes[c["record"]["attributes"]["title"]];
        cursor = page["cursor"].get<std::int64_t>();
        if (!page["has_more"].get<bool>()) break;
    }
    std::size_t total = 0;
    for (const auto& b : batches) total += b.size();
    CHECK(writes.size() == total);
    for (const auto& [title, n] : writes) {
        INFO(title);
        CHECK(n == 1);
    }
    server.kill9();
    fs::remove_all(dir);
}
