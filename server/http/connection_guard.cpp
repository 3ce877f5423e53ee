// The connection front (see connection_guard.hpp). Threads: httplib's accept loop hands
// each socket to admit() (our TaskQueue runs its task inline); the reception thread
// holds sockets in epoll until a whole header block (and a small body) is in; workers run
// httplib's process_request on a GuardedStream over what was read, then give keep-alive
// connections back to the reception. Every socket is non-blocking and closed in one place
// (Front::close_connection), which also keeps the per-address counts.
#include "server/http/connection_guard.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <openssl/err.h>
#include <openssl/x509.h>

namespace casehub::server {
namespace {

using Clock = std::chrono::steady_clock;

// Bodies up to this size are read by the reception with the headers, so a slow client
// never holds a worker while sending a small body; larger or chunked ones are read by the
// worker under the body cap and deadline.
constexpr std::size_t max_prebuffered_body = 1024 * 1024;

// A body (or an answer) that keeps moving at least this many bytes per timeout window
// gets another window: a large push over a slow link completes, a client trickling a
// few bytes to hold a worker does not (it must send 64 KiB per window, 30 s by default).
constexpr std::size_t progress_per_window = 64 * 1024;

struct ServingState {
    std::optional<RequestViolation> violation;
    bool close_after = false;
};
thread_local ServingState* serving = nullptr;

int remaining_ms(Clock::time_point deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    return left <= 0 ? 0 : static_cast<int>(std::min<long long>(left, 1'000'000));
}

std::string address_of(int fd, bool peer, int* port = nullptr) {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    if ((peer ? ::getpeername(fd, reinterpret_cast<sockaddr*>(&addr), &len)
              : ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len)) != 0)
        return {};
    char text[INET6_ADDRSTRLEN] = {};
    if (addr.ss_family == AF_INET) {
        auto* a = reinterpret_cast<sockaddr_in*>(&addr);
        ::inet_ntop(AF_INET, &a->sin_addr, text, sizeof text);
        if (port) *port = ntohs(a->sin_port);
    } else if (addr.ss_family == AF_INET6) {
        auto* a = reinterpret_cast<sockaddr_in6*>(&addr);
        ::inet_ntop(AF_INET6, &a->sin6_addr, text, sizeof text);
        if (port) *port = ntohs(a->sin6_port);
    }
    return text;
}

// Moving bytes on one connection: the socket itself, or the TLS session over it. Both
// never wait. `wait` says what to poll for when nothing moved (POLLIN or POLLOUT; TLS may
// need to write to read or the other way round), 0 after an error or the end.
ssize_t read_some(int fd, SSL* tls, char* data, std::size_t size, short& wait) {
    wait = 0;
    if (!tls) {
        for (;;) {
            const ssize_t n = ::recv(fd, data, size, 0);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) wait = POLLIN;
            return n;
        }
    }
    ::ERR_clear_error();
    const int n = ::SSL_read(tls, data, static_cast<int>(std::min<std::size_t>(size, 1 << 30)));
    if (n > 0) return n;
    const int e = ::SSL_get_error(tls, n);
    if (e == SSL_ERROR_WANT_READ) wait = POLLIN;
    else if (e == SSL_ERROR_WANT_WRITE) wait = POLLOUT;
    else if (e == SSL_ERROR_ZERO_RETURN) return 0;
    return -1;
}

ssize_t write_some(int fd, SSL* tls, const char* data, std::size_t size, short& wait) {
    wait = 0;
    if (!tls) {
        for (;;) {
            const ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) wait = POLLOUT;
            return n;
        }
    }
    ::ERR_clear_error();
    const int n = ::SSL_write(tls, data, static_cast<int>(std::min<std::size_t>(size, 1 << 30)));
    if (n > 0) return n;
    const int e = ::SSL_get_error(tls, n);
    if (e == SSL_ERROR_WANT_READ) wait = POLLIN;
    else if (e == SSL_ERROR_WANT_WRITE) wait = POLLOUT;
    return -1;
}

// A complete answer written without waiting (best effort: the connection closes next).
// Over TLS only once the handshake is done: before, the client could not read it.
void send_canned(int fd, SSL* tls, int status, const char* reason, const std::string& code, const std::string& message,
                 int retry_after_seconds = 0) {
    const std::string body = nlohmann::json{{"error", {{"code", code}, {"message", message}}}}.dump();
    std::string head = "HTTP/1.1 " + std::to_string(status) + " " + reason +
                       "\r\nContent-Type: application/json; charset=utf-8\r\nCache-Control: no-store\r\n"
                       "X-Content-Type-Options: nosniff\r\nConnection: close\r\nContent-Length: " +
                       std::to_string(body.size()) + "\r\n";
    if (retry_after_seconds > 0) head += "Retry-After: " + std::to_string(retry_after_seconds) + "\r\n";
    const std::string all = head + "\r\n" + body;
    if (!tls) {
        (void)::send(fd, all.data(), all.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
        return;
    }
    if (!::SSL_is_init_finished(tls)) return;
    short wait = 0;
    (void)write_some(fd, tls, all.data(), all.size(), wait);
}

bool starts_with_nocase(std::string_view line, std::string_view lower_prefix) {
    return line.size() >= lower_prefix.size() &&
           std::equal(lower_prefix.begin(), lower_prefix.end(), line.begin(),
                      [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); });
}

// Whether a header block asks for "100 Continue" before sending its body.
bool expects_continue(std::string_view headers) {
    for (std::size_t pos = headers.find("\r\n"); pos != std::string_view::npos; pos = headers.find("\r\n", pos + 2))
        if (starts_with_nocase(headers.substr(pos + 2), "expect:")) return true;
    return false;
}

// The value of Content-Length in a header block, nullopt when absent or not plain digits.
std::optional<std::size_t> content_length_in(std::string_view headers) {
    std::size_t pos = 0;
    while (pos < headers.size()) {
        const std::size_t end = headers.find("\r\n", pos);
        const std::string_view line = headers.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
        constexpr std::string_view name = "content-length:";
        if (line.size() > name.size() && starts_with_nocase(line, name)) {
            std::string_view v = line.substr(name.size());
            while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
            while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
            if (v.empty() || v.size() > 18) return std::nullopt;
            std::size_t n = 0;
            for (char c : v) {
                if (c < '0' || c > '9') return std::nullopt;
                n = n * 10 + static_cast<std::size_t>(c - '0');
            }
            return n;
        }
        if (end == std::string_view::npos) break;
        pos = end + 2;
    }
    return std::nullopt;
}

// The stream a worker serves one request over: the bytes the reception already read,
// then the socket, with the body's size cap and deadline.
class GuardedStream final : public httplib::Stream {
public:
    GuardedStream(int fd, SSL* tls, std::string buffer, std::size_t header_bytes, const ConnectionLimits& limits)
        : fd_(fd),
          tls_(tls),
          buf_(std::move(buffer)),
          header_bytes_(header_bytes),
          limits_(limits),
          read_deadline_(Clock::now() + std::chrono::milliseconds(limits.body_timeout_ms)) {}

    bool is_readable() const override {
        if (pos_ < buf_.size()) return true;
        if (tls_ && ::SSL_pending(tls_) > 0) return true;
        pollfd p{fd_, POLLIN, 0};
        return ::poll(&p, 1, remaining_ms(read_deadline_)) > 0;
    }
    bool is_writable() const override {
        pollfd p{fd_, POLLOUT, 0};
        return ::poll(&p, 1, limits_.write_timeout_ms) > 0;
    }

    ssize_t read(char* ptr, std::size_t size) override {
        if (failed_) return -1;
        if (pos_ >= buf_.size() && !fill()) return failed_ ? -1 : 0;
        std::size_t n = std::min(size, buf_.size() - pos_);
        if (consumed_ + n > header_bytes_ + limits_.max_body_bytes) {
            n = header_bytes_ + limits_.max_body_bytes > consumed_ ? header_bytes_ + limits_.max_body_bytes - consumed_ : 0;
            if (n == 0) {
                violate(413, "body_too_large",
                        "The request body is larger than " + std::to_string(limits_.max_body_bytes) +
                            " bytes; nothing was changed. Send less at a time.");
                return -1;
            }
        }
        std::memcpy(ptr, buf_.data() + pos_, n);
        pos_ += n;
        consumed_ += n;
        return static_cast<ssize_t>(n);
    }

    ssize_t write(const char* ptr, std::size_t size) override {
        const auto window = std::chrono::milliseconds(limits_.write_timeout_ms);
        auto deadline = Clock::now() + window;
        std::size_t done = 0, in_window = 0;
        while (done < size) {
            short wait = 0;
            const ssize_t n = write_some(fd_, tls_, ptr + done, size - done, wait);
            if (n > 0) {
                done += static_cast<std::size_t>(n);
                in_window += static_cast<std::size_t>(n);
                if (in_window >= progress_per_window) {  // a slow reader that keeps reading
                    deadline = Clock::now() + window;
                    in_window = 0;
                }
                continue;
            }
            if (wait != 0) {
                pollfd p{fd_, wait, 0};
                if (::poll(&p, 1, remaining_ms(deadline)) > 0) continue;
            }
            failed_ = true;
            return -1;
        }
        return static_cast<ssize_t>(size);
    }

    void get_remote_ip_and_port(std::string& ip, int& port) const override { ip = address_of(fd_, true, &port); }
    void get_local_ip_and_port(std::string& ip, int& port) const override { ip = address_of(fd_, false, &port); }
    socket_t socket() const override { return fd_; }

    bool failed() const { return failed_; }
    // Bytes read beyond this request (the next one of a pipelining client), including
    // what the TLS session has decrypted already: the reception's epoll cannot see that.
    std::string leftover() {
        std::string rest = buf_.substr(pos_);
        char tmp[16 * 1024];
        short wait = 0;
        while (tls_ && ::SSL_pending(tls_) > 0) {
            const ssize_t n = read_some(fd_, tls_, tmp, sizeof tmp, wait);
            if (n <= 0) break;
            rest.append(tmp, static_cast<std::size_t>(n));
        }
        return rest;
    }

private:
    bool fill() {
        if (pos_ > 0) {
            buf_.erase(0, pos_);
            pos_ = 0;
        }
        char tmp[16 * 1024];
        for (;;) {
            short wait = 0;
            const ssize_t n = read_some(fd_, tls_, tmp, sizeof tmp, wait);
            if (n > 0) {
                buf_.append(tmp, static_cast<std::size_t>(n));
                read_in_window_ += static_cast<std::size_t>(n);
                if (read_in_window_ >= progress_per_window) {  // a slow link that keeps sending
                    read_deadline_ = Clock::now() + std::chrono::milliseconds(limits_.body_timeout_ms);
                    read_in_window_ = 0;
                }
                return true;
            }
            if (n == 0) return false;  // the client closed
            if (wait == 0) {
                failed_ = true;
                return false;
            }
            pollfd p{fd_, wait, 0};
            if (::poll(&p, 1, remaining_ms(read_deadline_)) <= 0) {
                violate(408, "request_timeout",
                        "The request body did not arrive within " + std::to_string(limits_.body_timeout_ms / 1000) +
                            " s; nothing was changed. Retry on a better connection.");
                return false;
            }
        }
    }

    void violate(int status, const char* code, std::string message) {
        failed_ = true;
        if (serving && !serving->violation) serving->violation = RequestViolation{status, code, std::move(message)};
    }

    int fd_;
    SSL* tls_;  // nullptr: plain
    std::string buf_;
    std::size_t pos_ = 0;
    std::size_t consumed_ = 0;
    std::size_t header_bytes_;
    const ConnectionLimits& limits_;
    Clock::time_point read_deadline_;
    std::size_t read_in_window_ = 0;
    bool failed_ = false;
};

}  // namespace

std::optional<RequestViolation> current_request_violation() {
    return serving ? serving->violation : std::nullopt;
}

void close_connection_after_response() {
    if (serving) serving->close_after = true;
}

// One connection as the front tracks it.
struct Connection {
    int fd = -1;
    std::string address;
    std::string buffer;            // read, not yet served
    std::size_t header_bytes = 0;  // set when the header block is complete
    std::size_t requests = 0;      // served on this connection
    Clock::time_point deadline;
    bool receiving = false;        // a request has begun (its header deadline runs)
    bool body_deadline_set = false;  // its head is in, a small body is being read here
    SSL* tls = nullptr;            // the TLS session (owned; freed on close), nullptr: plain
};

class GuardedServer::Front final : public httplib::TaskQueue {
public:
    explicit Front(GuardedServer& server) : server_(server), limits_(server.limits_) {
        epoll_ = ::epoll_create1(EPOLL_CLOEXEC);
        wake_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
        epoll_event ev{};
        ev.events = EPOLLIN;
        ev.data.fd = wake_;
        ::epoll_ctl(epoll_, EPOLL_CTL_ADD, wake_, &ev);
        reception_ = std::thread([this] { receive(); });
        for (std::size_t i = 0; i < std::max<std::size_t>(1, limits_.workers); ++i)
            workers_.emplace_back([this] { work(); });
    }
    ~Front() override {
        shutdown();
        ::close(epoll_);
        ::close(wake_);
        server_.front_ = nullptr;
    }

    // httplib's accept loop: the task is process_and_close_socket(sock), i.e. admit().
    void enqueue(std::function<void()> fn) override { fn(); }

    void shutdown() override {
        {
            std::lock_guard lock(mutex_);
            if (stopping_) return;
            stopping_ = true;
        }
        wake();
        ready_cv_.notify_all();
        if (reception_.joinable()) reception_.join();
        for (auto& w : workers_)
            if (w.joinable()) w.join();
        std::lock_guard lock(mutex_);
        for (auto& c : incoming_) close_locked(c);
        for (auto& [fd, c] : waiting_) close_locked(c);
        for (auto& c : ready_) close_locked(c);
        incoming_.clear();
        waiting_.clear();
        ready_.clear();
    }

    void admit(int fd) {
        Connection c;
        c.fd = fd;
        c.address = address_of(fd, true);
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
        // Over TLS a refusal at the door cannot be answered (no handshake yet): the
        // connection is closed, which clients retry like a 503.
        std::lock_guard lock(mutex_);
        if (stopping_ || open_ >= limits_.max_connections) {
            if (!server_.tls_)
                send_canned(fd, nullptr, 503, "Service Unavailable", "busy",
                            "The server has too many open connections; retry in a few seconds.", 2);
            ::close(fd);
            return;
        }
        std::size_t& mine = per_address_[c.address];
        if (mine >= limits_.max_connections_per_address) {
            if (!server_.tls_)
                send_canned(fd, nullptr, 503, "Service Unavailable", "too_many_connections",
                            "Your address has " + std::to_string(mine) + " connections open to the server already; "
                            "close some or retry in a few seconds.", 2);
            ::close(fd);
            if (mine == 0) per_address_.erase(c.address);
            return;
        }
        if (server_.tls_) {
            c.tls = ::SSL_new(server_.tls_);
            if (!c.tls || ::SSL_set_fd(c.tls, fd) != 1) {
                if (c.tls) ::SSL_free(c.tls);
                ::close(fd);
                if (mine == 0) per_address_.erase(c.address);
                return;
            }
            ::SSL_set_accept_state(c.tls);
        }
        ++mine;
        ++open_;
        // The TLS handshake, then the first request head, must arrive within this.
        c.deadline = Clock::now() + std::chrono::milliseconds(limits_.header_timeout_ms);
        incoming_.push_back(std::move(c));
        wake();
    }

private:
    void wake() {
        const std::uint64_t one = 1;
        (void)!::write(wake_, &one, sizeof one);
    }

    void close_locked(Connection& c) {
        if (c.fd < 0) return;
        if (c.tls) {
            if (::SSL_is_init_finished(c.tls)) (void)::SSL_shutdown(c.tls);  // close_notify, best effort
            ::SSL_free(c.tls);
            c.tls = nullptr;
        }
        ::shutdown(c.fd, SHUT_WR);
        char sink[4096];
        while (::recv(c.fd, sink, sizeof sink, MSG_DONTWAIT) > 0) {
        }
        ::close(c.fd);
        c.fd = -1;
        --open_;
        auto it = per_address_.find(c.address);
        if (it != per_address_.end() && --it->second == 0) per_address_.erase(it);
    }
    void close_connection(Connection& c) {
        std::lock_guard lock(mutex_);
        close_locked(c);
    }

    // Refuses a request at the door: answer, then close.
    void refuse(Connection& c, int status, const char* reason, const char* code, const std::string& message) {
        send_canned(c.fd, c.tls, status, reason, code, message);
        close_connection(c);
    }

    // Whether the buffer holds a whole request head (and, when small, its body). Answers
    // and closes a connection that broke a limit (then returns false with c.fd == -1).
    bool is_complete(Connection& c) {
        const std::size_t end = c.buffer.find("\r\n\r\n");
        const std::size_t head = end == std::string::npos ? c.buffer.size() : end + 4;
        const std::string_view block(c.buffer.data(), std::min(head, c.buffer.size()));
        const auto lines = static_cast<std::size_t>(std::count(block.begin(), block.end(), '\n'));
        if (std::min(head, c.buffer.size()) > limits_.max_header_bytes) {
            refuse(c, 431, "Request Header Fields Too Large", "headers_too_large",
                   "The request line and headers are larger than " + std::to_string(limits_.max_header_bytes) +
                       " bytes; send fewer or shorter headers.");
            return false;
        }
        if (lines > limits_.max_header_count + 2) {
            refuse(c, 431, "Request Header Fields Too Large", "too_many_headers",
                   "The request has more than " + std::to_string(limits_.max_header_count) +
                       " header lines; send fewer.");
            return false;
        }
        if (end == std::string::npos) return false;
        c.header_bytes = head;
        if (expects_continue(block)) return true;  // the body comes after httplib's 100 Continue
        if (auto length = content_length_in(block); length && *length <= max_prebuffered_body) {
            if (c.buffer.size() >= head + *length) return true;
            if (!c.body_deadline_set) {  // the head is in: the body gets the body timeout
                c.body_deadline_set = true;
                c.deadline = Clock::now() + std::chrono::milliseconds(limits_.body_timeout_ms);
            }
            return false;
        }
        return true;
    }

    void receive() {
        std::vector<epoll_event> events(256);
        for (;;) {
            std::vector<Connection> arrived;
            {
                std::lock_guard lock(mutex_);
                if (stopping_) return;
                arrived.swap(incoming_);
            }
            for (auto& c : arrived) watch(std::move(c));

            int timeout = 1000;
            const auto now = Clock::now();
            for (auto& [fd, c] : waiting_) timeout = std::min(timeout, remaining_ms(c.deadline) + 1);
            const int n = ::epoll_wait(epoll_, events.data(), static_cast<int>(events.size()), std::max(timeout, 0));
            for (int i = 0; i < n; ++i) {
                const int fd = events[static_cast<std::size_t>(i)].data.fd;
                if (fd == wake_) {
                    std::uint64_t v;
                    (void)!::read(wake_, &v, sizeof v);
                    continue;
                }
                auto it = waiting_.find(fd);
                if (it != waiting_.end()) on_readable(it);
            }
            (void)now;
            expire();
        }
    }

    void watch(Connection c) {
        if (!c.buffer.empty()) {  // a pipelined request already (partly) read
            if (!c.receiving) {
                c.receiving = true;
                c.deadline = Clock::now() + std::chrono::milliseconds(limits_.header_timeout_ms);
            }
            if (is_complete(c)) return dispatch(std::move(c));
            if (c.fd < 0) return;
        }
        epoll_event ev{};
        ev.events = EPOLLIN | EPOLLRDHUP;
        ev.data.fd = c.fd;
        if (::epoll_ctl(epoll_, EPOLL_CTL_ADD, c.fd, &ev) != 0) return close_connection(c);
        const int fd = c.fd;
        waiting_.emplace(fd, std::move(c));
    }

    void on_readable(std::unordered_map<int, Connection>::iterator it) {
        Connection& c = it->second;
        char tmp[16 * 1024];
        bool closed = false;
        if (c.tls && !::SSL_is_init_finished(c.tls)) {
            ::ERR_clear_error();
            const int r = ::SSL_do_handshake(c.tls);
            const int e = r == 1 ? SSL_ERROR_NONE : ::SSL_get_error(c.tls, r);
            if (e != SSL_ERROR_NONE && e != SSL_ERROR_WANT_READ && e != SSL_ERROR_WANT_WRITE) closed = true;
            // Not finished: wait for more of it (its deadline is the header deadline).
            else if (e != SSL_ERROR_NONE) return;
        }
        for (;;) {
            if (closed) break;
            short wait = 0;
            const ssize_t n = read_some(c.fd, c.tls, tmp, sizeof tmp, wait);
            if (n > 0) {
                if (!c.receiving) {
                    c.receiving = true;
                    c.deadline = Clock::now() + std::chrono::milliseconds(limits_.header_timeout_ms);
                }
                c.buffer.append(tmp, static_cast<std::size_t>(n));
                if (c.buffer.size() > limits_.max_header_bytes + max_prebuffered_body) break;
                continue;
            }
            if (n < 0 && wait != 0) break;
            closed = true;  // the client went away (or an error): nothing to answer
            break;
        }
        const int fd = c.fd;
        if (closed) {
            ::epoll_ctl(epoll_, EPOLL_CTL_DEL, fd, nullptr);
            close_connection(c);
            waiting_.erase(it);
            return;
        }
        if (is_complete(c)) {
            ::epoll_ctl(epoll_, EPOLL_CTL_DEL, fd, nullptr);
            Connection ready = std::move(c);
            waiting_.erase(it);
            dispatch(std::move(ready));
        } else if (c.fd < 0) {
            ::epoll_ctl(epoll_, EPOLL_CTL_DEL, fd, nullptr);
            waiting_.erase(it);
        }
    }

    void expire() {
        const auto now = Clock::now();
        for (auto it = waiting_.begin(); it != waiting_.end();) {
            Connection& c = it->second;
            if (c.deadline > now) {
                ++it;
                continue;
            }
            ::epoll_ctl(epoll_, EPOLL_CTL_DEL, c.fd, nullptr);
            if (c.receiving)
                refuse(c, 408, "Request Timeout", "request_timeout",
                       c.body_deadline_set
                           ? "The request body did not arrive within " + std::to_string(limits_.body_timeout_ms / 1000) +
                                 " s; nothing was changed. Retry on a better connection."
                           : "The request headers did not arrive within " +
                                 std::to_string(limits_.header_timeout_ms / 1000) + " s; retry on a better connection.");
            else
                close_connection(c);  // an idle keep-alive connection: just close it
            it = waiting_.erase(it);
        }
    }

    void dispatch(Connection c) {
        std::unique_lock lock(mutex_);
        if (ready_.size() >= limits_.max_waiting_requests) {
            lock.unlock();
            send_canned(c.fd, c.tls, 503, "Service Unavailable", "busy",
                        "The server is busy; retry in a few seconds.", 2);
            close_connection(c);
            return;
        }
        ready_.push_back(std::move(c));
        lock.unlock();
        ready_cv_.notify_one();
    }

    void work() {
        for (;;) {
            Connection c;
            {
                std::unique_lock lock(mutex_);
                ready_cv_.wait(lock, [this] { return stopping_ || !ready_.empty(); });
                if (stopping_) return;
                c = std::move(ready_.front());
                ready_.pop_front();
            }
            serve(c);
        }
    }

    void serve(Connection& c) {
        GuardedStream stream(c.fd, c.tls, std::move(c.buffer), c.header_bytes, limits_);
        ServingState state;
        serving = &state;
        ++c.requests;
        const bool last = c.requests >= limits_.keep_alive_max_requests || !server_.is_listening();
        bool connection_closed = false;
        const bool ok = server_.serve_request(stream, last, connection_closed);
        serving = nullptr;
        if (!ok || last || connection_closed || state.close_after || state.violation || stream.failed()) {
            close_connection(c);
            return;
        }
        c.buffer = stream.leftover();
        c.header_bytes = 0;
        c.receiving = false;
        c.body_deadline_set = false;
        c.deadline = Clock::now() + std::chrono::milliseconds(limits_.idle_timeout_ms);
        std::lock_guard lock(mutex_);
        if (stopping_) {
            close_locked(c);
            return;
        }
        incoming_.push_back(std::move(c));
        wake();
    }

    GuardedServer& server_;
    const ConnectionLimits& limits_;
    int epoll_ = -1;
    int wake_ = -1;
    std::thread reception_;
    std::vector<std::thread> workers_;

    std::mutex mutex_;  // guards everything below
    bool stopping_ = false;
    std::vector<Connection> incoming_;           // admitted or handed back, not yet watched
    std::deque<Connection> ready_;               // complete requests waiting for a worker
    std::condition_variable ready_cv_;
    std::size_t open_ = 0;
    std::unordered_map<std::string, std::size_t> per_address_;
    // Only the reception thread touches waiting_.
    std::unordered_map<int, Connection> waiting_;
};

GuardedServer::GuardedServer(ConnectionLimits limits) : limits_(limits) {
    new_task_queue = [this] {
        auto* front = new Front(*this);
        front_ = front;
        return front;
    };
}

GuardedServer::~GuardedServer() {
    if (tls_) ::SSL_CTX_free(tls_);
}

namespace {

// OpenSSL's reasons for the last failure, oldest first, as one sentence part.
std::string openssl_reason() {
    std::string out;
    while (const unsigned long e = ::ERR_get_error()) {
        char text[256];
        ::ERR_error_string_n(e, text, sizeof text);
        out += (out.empty() ? "" : "; ") + std::string(text);
    }
    return out.empty() ? "unknown reason" : out;
}

}  // namespace

Status GuardedServer::use_tls(const std::string& cert_file, const std::string& key_file) {
    ::ERR_clear_error();
    SSL_CTX* ctx = ::SSL_CTX_new(::TLS_server_method());
    if (!ctx) return make_error("tls", "OpenSSL could not make a TLS context: " + openssl_reason());
    ::SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    ::SSL_CTX_set_options(ctx, SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE);
    // Workers write answers in parts from buffers that may move between calls.
    ::SSL_CTX_set_mode(ctx, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    Status s;
    if (::SSL_CTX_use_certificate_chain_file(ctx, cert_file.c_str()) != 1)
        s = make_error("tls", "Cannot use the TLS certificate '" + cert_file + "' (a PEM certificate chain is needed): " +
                                  openssl_reason());
    else if (::SSL_CTX_use_PrivateKey_file(ctx, key_file.c_str(), SSL_FILETYPE_PEM) != 1)
        // OpenSSL compares the key with the certificate as it loads it.
        s = ERR_GET_REASON(::ERR_peek_last_error()) == X509_R_KEY_VALUES_MISMATCH
                ? make_error("tls", "The TLS key '" + key_file + "' does not belong to the certificate '" + cert_file + "'.")
                : make_error("tls", "Cannot use the TLS key '" + key_file +
                                        "' (an unencrypted PEM private key is needed): " + openssl_reason());
    else if (::SSL_CTX_check_private_key(ctx) != 1)
        s = make_error("tls", "The TLS key '" + key_file + "' does not belong to the certificate '" + cert_file + "'.");
    if (!s) {
        ::SSL_CTX_free(ctx);
        return s;
    }
    if (tls_) ::SSL_CTX_free(tls_);
    tls_ = ctx;
    return {};
}

int GuardedServer::bind_guarded(const std::string& host, int port) {
    int bound = port;
    if (port == 0) bound = bind_to_any_port(host);
    else if (!bind_to_port(host, port)) bound = -1;
    if (bound > 0) ::listen(svr_sock_, limits_.listen_backlog);  // raises httplib's backlog of 5
    return bound;
}

bool GuardedServer::process_and_close_socket(socket_t sock) {
    Front* front = front_.load();
    if (!front) {
        ::close(sock);
        return false;
    }
    front->admit(sock);
    return true;
}

bool GuardedServer::serve_request(httplib::Stream& stream, bool close_connection, bool& connection_closed) {
    return process_request(stream, close_connection, connection_closed, nullptr);
}

bool GuardedServer::is_listening() const { return svr_sock_ != INVALID_SOCKET; }

}  // namespace casehub::server
