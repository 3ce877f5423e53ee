// ClientSync: which request comes next (push before snapshot before pull), what each
// answer does to the replica, and the retry rhythm (exponential backoff, reset by the
// browser's online event, resume, sign-in and "Sync now").
#include "core/sync/client_sync.hpp"

#include <algorithm>
#include <set>

namespace casehub {

const char* to_string(SyncRequestKind kind) {
    switch (kind) {
        case SyncRequestKind::push: return "push";
        case SyncRequestKind::pull: return "pull";
        case SyncRequestKind::snapshot: return "snapshot";
    }
    return "?";
}

std::string answer_error_message(const SyncAnswer& answer) {
    if (answer.status == 0) return "The server could not be reached; your changes are kept and will be sent later.";
    Json j = Json::parse(answer.body, nullptr, false);
    if (!j.is_discarded() && j.is_object()) {
        auto e = j.find("error");
        if (e != j.end() && e->is_object()) {
            auto m = e->find("message");
            if (m != e->end() && m->is_string() && !m->get_ref<const std::string&>().empty())
                return m->get<std::string>();
        }
    }
    if (answer.status == 401) return "Your session ended; sign in again to send your changes.";
    if (answer.status >= 500) return "The server had a problem (HTTP " + std::to_string(answer.status) + "); retrying.";
    return "The server refused the sync request (HTTP " + std::to_string(answer.status) + ").";
}

void ClientSync::set_online(bool online, TimestampMs now) {
    (void)now;
    if (online && !online_) {
        retry_at_ = 0;  // the network is back: do not sit out the backoff
        want_pull_ = true;
    }
    online_ = online;
}

void ClientSync::set_signed_in(bool signed_in, TimestampMs now) {
    (void)now;
    if (signed_in && !signed_in_) {
        retry_at_ = 0;
        want_pull_ = true;
    }
    signed_in_ = signed_in;
}

void ClientSync::on_local_edit(TimestampMs now) {
    // An edit is a good moment to try again, but a burst of edits against a server that
    // is down must not become a burst of requests: wait at most the shortest backoff.
    if (retry_at_ > now + timing_.backoff_min_ms) retry_at_ = now + timing_.backoff_min_ms;
}

void ClientSync::on_resume(TimestampMs now) {
    (void)now;
    retry_at_ = 0;
    want_pull_ = true;
}

void ClientSync::sync_now(TimestampMs now) {
    (void)now;
    retry_at_ = 0;
    want_pull_ = true;
}

std::optional<SyncRequest> ClientSync::next_request(const Replica& replica, TimestampMs now) {
    if (in_flight_) {
        if (now - in_flight_since_ < timing_.request_timeout_ms) return std::nullopt;
        in_flight_.reset();  // its answer, if it ever comes, is ignored
        fail("The server did not answer in time; your changes are kept and will be sent later.", now);
    }
    if (!online_ || !signed_in_) return std::nullopt;
    if (now < retry_at_) return std::nullopt;
    if (!snapshot_checked_) {
        // A replica that never synced starts from a snapshot rather than replaying the log.
        snapshot_checked_ = true;
        if (replica.cursor() == 0) want_snapshot_ = true;
    }
    if (next_pull_at_ != 0 && now >= next_pull_at_) want_pull_ = true;

    SyncRequest req;
    std::vector<Mutation> batch = replica.push_batch(timing_.push_batch);
    if (!batch.empty()) {
        Json body{{"client_id", replica.client_id()}, {"mutations", Json::array()}};
        for (const Mutation& m : batch) body["mutations"].push_back(m);
        req.kind = SyncRequestKind::push;
        req.method = "POST";
        req.path = "/api/sync/push";
        req.body = body.dump(-1, ' ', false, Json::error_handler_t::replace);
    } else if (want_snapshot_) {
        req.kind = SyncRequestKind::snapshot;
        req.method = "GET";
        req.path = "/api/sync/snapshot";
    } else if (want_pull_) {
        req.kind = SyncRequestKind::pull;
        req.method = "GET";
        req.path = "/api/sync/pull?cursor=" + std::to_string(replica.cursor()) +
                   "&limit=" + std::to_string(timing_.pull_limit);
    } else {
        return std::nullopt;
    }
    req.id = next_id_++;
    in_flight_ = req;
    in_flight_since_ = now;
    return req;
}

bool ClientSync::on_answer(Replica& replica, const ApplyEnv& env, const SyncAnswer& answer, TimestampMs now) {
    if (!in_flight_ || answer.id != in_flight_->id) return false;
    const SyncRequest req = std::move(*in_flight_);
    in_flight_.reset();

    if (answer.status == 401) {
        // Signed out, work kept: the outbox stays and is pushed after the next sign-in.
        signed_in_ = false;
        last_error_ = answer_error_message(answer);
        return true;
    }
    if (answer.status < 200 || answer.status >= 300) {
        fail(answer_error_message(answer), now);
        return true;
    }
    const Json body = Json::parse(answer.body, nullptr, false);
    if (body.is_discarded() || !body.is_object()) {
        fail(std::string("The server's ") + to_string(req.kind) + " answer was not JSON; retrying.", now);
        return true;
    }

    switch (req.kind) {
        case SyncRequestKind::push: {
            auto results = body.find("results");
            if (results == body.end() || !results->is_array()) {
                fail("The server's push answer has no results; retrying.", now);
                return true;
            }
            std::vector<MutationResult> parsed;
            for (const Json& r : *results) {
                auto one = mutation_result_from_json(r);
                if (!one) {
                    fail("The server's push answer is malformed (" + one.error().message + "); retrying.", now);
                    return true;
                }
                parsed.push_back(std::move(*one));
            }
            // Results that settle nothing we sent would make us push the same batch
            // forever without a pause: treat them as a failure (with backoff).
            const Json sent = Json::parse(req.body, nullptr, false);
            std::set<std::string> sent_ids;
            if (sent.is_object() && sent.contains("mutations"))
                for (const Json& m : sent["mutations"]) sent_ids.insert(m.value("id", std::string()));
            const bool settles_any = std::any_of(parsed.begin(), parsed.end(), [&](const MutationResult& r) {
                return sent_ids.count(r.mutation_id) != 0;
            });
            if (!settles_any && !sent_ids.empty()) {
                fail("The server answered the push without a result for any change sent; retrying.", now);
                return true;
            }
            replica.on_push_results(env, parsed);
            want_pull_ = true;  // accepted mutations leave the outbox once pull brings them
            succeed();
            return true;
        }
        case SyncRequestKind::pull: {
            auto page = pull_page_from_json(body);
            if (!page) {
                fail("The server's pull answer is malformed (" + page.error().message + "); retrying.", now);
                return true;
            }
            if (page->resnapshot) {
                want_snapshot_ = true;  // pending mutations stay in the outbox
                succeed();
                return true;
            }
            replica.on_pull(env, *page);
            succeed();
            if (page->has_more) {
                want_pull_ = true;
            } else {
                want_pull_ = false;
                last_synced_at_ = now;
                next_pull_at_ = now + timing_.pull_interval_ms;
            }
            return true;
        }
        case SyncRequestKind::snapshot: {
            auto snap = snapshot_from_json(body);
            if (!snap) {
                fail("The server's snapshot is malformed (" + snap.error().message + "); retrying.", now);
                return true;
            }
            replica.on_snapshot(env, *snap);
            succeed();
            want_snapshot_ = false;
            want_pull_ = false;
            last_synced_at_ = now;
            next_pull_at_ = now + timing_.pull_interval_ms;
            return true;
        }
    }
    return true;
}

TimestampMs ClientSync::next_wake_at() const {
    TimestampMs wake = 0;
    auto consider = [&wake](TimestampMs t) {
        if (t != 0 && (wake == 0 || t < wake)) wake = t;
    };
    if (in_flight_) consider(in_flight_since_ + timing_.request_timeout_ms);
    consider(retry_at_);
    consider(next_pull_at_);
    return wake;
}

SyncState ClientSync::state(const Replica& replica) const {
    SyncState s;
    s.online = online_;
    s.signed_in = signed_in_;
    s.syncing = in_flight_.has_value();
    s.pending = replica.pending_count();
    s.unsaved = replica.not_durable_count();
    s.durable_client_seq = replica.durable_client_seq();
    s.rejected = replica.rejections().size();
    s.last_synced_at = last_synced_at_;
    s.last_error = last_error_;
    s.retry_at = retry_at_;
    return s;
}

void ClientSync::fail(const std::string& message, TimestampMs now) {
    ++failures_;
    TimestampMs delay = timing_.backoff_min_ms;
    for (int i = 1; i < failures_ && delay < timing_.backoff_max_ms; ++i) delay *= 2;
    retry_at_ = now + std::min(delay, timing_.backoff_max_ms);
    last_error_ = message;
}

void ClientSync::succeed() {
    failures_ = 0;
    retry_at_ = 0;
    last_error_.clear();
}

}  // namespace casehub
