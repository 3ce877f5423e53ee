// Search results: a linear scan of a few entities' display fields. Fine for a replica
// of a field agent's size; the knowledge panel has the ranked index for articles.
#include "wasm/ui/views/search_results.hpp"

#include <cstdint>
#include <sstream>
#include <vector>

#include "core/schema/schema.hpp"
#include "core/text/text_fold.hpp"
#include "imgui.h"
#include "wasm/client/data_layer.hpp"
#include "wasm/platform/browser_links.hpp"
#include "wasm/ui/widgets/card.hpp"
#include "wasm/ui/widgets/icons.hpp"
#include "wasm/ui/widgets/widget_recorder.hpp"

namespace casehub::ui {
namespace {

constexpr std::size_t kMaxPerEntity = 25;

struct Hit {
    std::string entity, id, name, detail;
};

struct Results {
    std::string query;
    std::uint64_t store_version = 0;
    std::vector<Hit> hits;
};

std::string text_of(const Record& r, const char* attribute) {
    const Json* v = r.get(attribute);
    return v && v->is_string() ? v->get<std::string>() : std::string();
}

std::vector<std::string> words_of(const std::string& query) {
    std::vector<std::string> words;
    std::istringstream in(fold_text(query));
    for (std::string w; in >> w;) words.push_back(w);
    return words;
}

Results search(const std::string& query, const Store& store) {
    Results out{query, store.version(), {}};
    const auto words = words_of(query);
    if (words.empty()) return out;
    struct Source {
        const char* entity;
        const char* detail;
    };
    const Source sources[] = {{"incident", "ticketnumber"}, {"account", "emailaddress1"},
                              {"contact", "emailaddress1"}, {"knowledgearticle", "articlepublicnumber"}};
    const Schema& schema = casehub_schema();
    for (const Source& s : sources) {
        std::size_t found = 0;
        store.for_each(s.entity, [&](const Record& r) {
            if (found >= kMaxPerEntity) return;
            const std::string name = primary_name_of(schema, r);
            const std::string detail = text_of(r, s.detail);
            const std::string haystack = fold_text(name + " " + detail);
            for (const auto& w : words)
                if (haystack.find(w) == std::string::npos) return;
            out.hits.push_back({s.entity, r.id, name, detail});
            ++found;
        });
    }
    return out;
}

std::string closed;  // the query whose results the agent closed or left
Results results;

}  // namespace

void reopen_search_results() { closed.clear(); }

bool draw_search_results(const std::string& query, Language lang, WidthClass width, const Fonts* fonts) {
    if (query.empty() || query == closed) return false;
    const Store& store = client::data_layer().view();
    if (results.query != query || results.store_version != store.version()) results = search(query, store);

    const float pad = width == WidthClass::phone ? 12.0f : 20.0f;
    ImGui::SetCursorPos(ImVec2(pad, ImGui::GetCursorPosY() + pad * 0.75f));
    ImGui::PushFont(fonts && fonts->large ? fonts->large : ImGui::GetFont());
    const std::string title = std::string(ICON_SEARCH "  ") + query;
    ImGui::TextUnformatted(title.c_str());
    ImGui::PopFont();
    record_last_item(query.c_str());
    ImGui::SameLine();
    const float bh = is_touch_sized(width) ? 44.0f : 0.0f;
    if (ImGui::Button(tr(lang, "search.close"), ImVec2(0.0f, bh))) closed = query;
    record_last_item(tr(lang, "search.close"));

    ImGui::SetCursorPosX(pad);
    const float card_w = ImGui::GetContentRegionAvail().x - pad;
    const Card card = begin_card(card_w, 16.0f, true);
    if (results.hits.empty()) {
        ImGui::TextWrapped("%s", tr(lang, "search.no_results"));
        record_last_item(tr(lang, "search.no_results"));
    }
    const Schema& schema = casehub_schema();
    const char* code = language_code(lang);
    std::string last_entity;
    for (const Hit& h : results.hits) {
        if (h.entity != last_entity) {
            last_entity = h.entity;
            ImGui::PushFont(fonts && fonts->bold ? fonts->bold : ImGui::GetFont());
            const EntityDef* e = schema.entity(h.entity);
            ImGui::TextUnformatted(e ? e->plural.in(code).c_str() : h.entity.c_str());
            ImGui::PopFont();
        }
        std::string label = h.name.empty() ? h.id : h.name;
        if (!h.detail.empty()) label += "  \xc2\xb7  " + h.detail;
        const std::string id = label + "##hit_" + h.id;
        if (ImGui::Selectable(id.c_str(), false, 0, ImVec2(0.0f, is_touch_sized(width) ? 44.0f : 0.0f))) {
            closed = query;
            platform::go_to_record(h.entity, h.id);
        }
        record_last_item(label.c_str());
    }
    end_card(card, 16.0f);
    return true;
}

}  // namespace casehub::ui
