// DeviceJournal: coalescing of pending device writes (the newest value per key wins) and
// the batch shape the browser's device store writes in one transaction.
#include "core/sync/device_journal.hpp"

#include <algorithm>
#include <iterator>
#include <utility>

namespace casehub {
namespace {

std::string dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

}  // namespace

std::string device_record_key(const std::string& entity, const std::string& id) { return entity + "/" + id; }

bool DeviceJournal::empty() const {
    return !clear_ && !clear_outbox_ && records_.empty() && outbox_puts_.empty() && outbox_deletes_.empty() && !cursor_ &&
           !next_client_seq_ && !rejections_ && !incomplete_ && !records_complete_;
}

DeviceJournal DeviceJournal::take_new_work() {
    DeviceJournal out;
    out.clear_outbox_ = std::exchange(clear_outbox_, false);
    out.outbox_puts_ = std::exchange(outbox_puts_, {});
    out.outbox_deletes_ = std::exchange(outbox_deletes_, {});
    out.next_client_seq_ = std::exchange(next_client_seq_, std::nullopt);
    out.newest_outbox_seq_ = std::exchange(newest_outbox_seq_, 0);
    return out;
}

DeviceJournal DeviceJournal::take_page(std::size_t max_records) {
    DeviceJournal page = take_new_work();
    page.clear_ = std::exchange(clear_, false);
    auto end = records_.begin();
    for (std::size_t n = 0; n < max_records && end != records_.end(); ++n) ++end;
    page.records_.insert(std::make_move_iterator(records_.begin()), std::make_move_iterator(end));
    records_.erase(records_.begin(), end);
    page.rejections_ = std::exchange(rejections_, std::nullopt);
    const bool last = records_.empty();
    if (page.clear_ || incomplete_) {
        // Between the clear and the last page the device holds part of the records.
        page.records_complete_ = last;
        incomplete_ = !last;
    }
    if (last) page.cursor_ = std::exchange(cursor_, std::nullopt);
    return page;
}

void DeviceJournal::clear_records() {
    clear_ = true;
    records_.clear();
}

void DeviceJournal::clear_outbox() {
    clear_outbox_ = true;
    outbox_puts_.clear();
    outbox_deletes_.clear();
}

void DeviceJournal::put_record(const Record& record) {
    records_[device_record_key(record.entity, record.id)] = dump(Json(record));
}

void DeviceJournal::delete_record(const std::string& entity, const std::string& id) {
    records_[device_record_key(entity, id)] = std::nullopt;
}

void DeviceJournal::put_outbox(const OutboxEntry& entry) {
    const std::int64_t seq = entry.mutation.client_seq;
    outbox_deletes_.erase(seq);
    outbox_puts_[seq] = entry;
    if (entry.accepted_seq == 0) newest_outbox_seq_ = std::max(newest_outbox_seq_, seq);
}

void DeviceJournal::delete_outbox(std::int64_t client_seq) {
    outbox_puts_.erase(client_seq);
    outbox_deletes_.insert(client_seq);
}

void DeviceJournal::merge_newer(DeviceJournal newer) {
    // A refused page of a series: the series is still under way (take_page writes the
    // marker again from the state it finds).
    if (records_complete_ || newer.records_complete_ || newer.incomplete_) incomplete_ = true;
    records_complete_.reset();
    if (newer.clear_) {
        clear_ = true;
        records_.clear();
    }
    if (newer.clear_outbox_) clear_outbox();
    for (auto& [key, value] : newer.records_) records_[key] = std::move(value);
    for (std::int64_t seq : newer.outbox_deletes_) delete_outbox(seq);
    for (auto& [seq, entry] : newer.outbox_puts_) {
        outbox_deletes_.erase(seq);
        outbox_puts_[seq] = std::move(entry);
    }
    newest_outbox_seq_ = std::max(newest_outbox_seq_, newer.newest_outbox_seq_);
    if (newer.cursor_) cursor_ = newer.cursor_;
    if (newer.next_client_seq_) next_client_seq_ = newer.next_client_seq_;
    if (newer.rejections_) rejections_ = std::move(newer.rejections_);
}

std::string DeviceJournal::to_batch_json(const std::string& client_id) const {
    Json put_records = Json::array(), delete_records = Json::array();
    for (const auto& [key, value] : records_) {
        if (value)
            put_records.push_back(Json::array({key, *value}));
        else
            delete_records.push_back(key);
    }
    Json put_outbox = Json::array();
    for (const auto& [seq, entry] : outbox_puts_) put_outbox.push_back(Json::array({seq, dump(outbox_entry_to_json(entry))}));
    Json meta = Json::object();
    if (!client_id.empty()) meta["client_id"] = client_id;
    if (cursor_) meta["cursor"] = *cursor_;
    if (next_client_seq_) meta["next_client_seq"] = *next_client_seq_;
    if (rejections_) meta["rejections"] = dump(rejections_to_json(*rejections_));
    if (records_complete_) meta["records_complete"] = *records_complete_;
    const Json batch{{"strict", holds_new_work()},
                     {"clear_records", clear_},
                     {"clear_outbox", clear_outbox_},
                     {"put_records", std::move(put_records)},
                     {"delete_records", std::move(delete_records)},
                     {"put_outbox", std::move(put_outbox)},
                     {"delete_outbox", Json(outbox_deletes_)},
                     {"meta", std::move(meta)}};
    return dump(batch);
}

Json outbox_entry_to_json(const OutboxEntry& entry) {
    return Json{{"mutation", entry.mutation}, {"accepted_seq", entry.accepted_seq}};
}

Result<OutboxEntry> outbox_entry_from_json(const Json& j) {
    if (!j.is_object() || !j.contains("mutation"))
        return make_error("wrong_type", "A saved outbox entry has no mutation.");
    auto m = mutation_from_json(j["mutation"]);
    if (!m) return make_error(m.error().code, "A saved outbox entry is malformed: " + m.error().message);
    std::int64_t seq = 0;
    if (auto a = j.find("accepted_seq"); a != j.end() && a->is_number_integer()) seq = a->get<std::int64_t>();
    return OutboxEntry{std::move(*m), seq};
}

Json rejections_to_json(const std::vector<Rejection>& rejections) {
    Json out = Json::array();
    for (const auto& r : rejections) out.push_back(Json{{"mutation", r.mutation}, {"error", error_to_json(r.error)}});
    return out;
}

Result<std::vector<Rejection>> rejections_from_json(const Json& j) {
    if (!j.is_array()) return make_error("wrong_type", "The saved rejections are not a list.");
    std::vector<Rejection> out;
    for (const Json& e : j) {
        if (!e.is_object() || !e.contains("mutation")) return make_error("wrong_type", "A saved rejection is malformed.");
        auto m = mutation_from_json(e["mutation"]);
        if (!m) return m.error();
        out.push_back(Rejection{std::move(*m), error_from_json(e.value("error", Json::object()))});
    }
    return out;
}

}  // namespace casehub
