// Fuzz target: safe_html (knowledge article markup). Any bytes: sanitizing is idempotent,
// its output opens no tag outside the allowed set and carries no unsafe href, and the
// rich-text parser and plain-text conversion take any input (and what the parser makes
// of raw markup equals what it makes of the sanitized markup).
#include <cctype>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/text/safe_html.hpp"
#include "tests/fuzz/fuzz_check.hpp"

using namespace casehub;

namespace {

bool is_allowed_tag(std::string_view name) {
    for (const char* t : {"h1", "h2", "h3", "p", "ul", "ol", "li", "b", "strong", "i", "em", "a", "br"})
        if (name == t) return true;
    return false;
}

// Every "<name" and "</name" of sanitized output names an allowed tag.
bool only_allowed_tags(const std::string& html) {
    for (std::size_t i = html.find('<'); i != std::string::npos; i = html.find('<', i + 1)) {
        std::size_t j = i + 1;
        if (j < html.size() && html[j] == '/') ++j;
        std::string name;
        while (j < html.size() && std::isalnum(static_cast<unsigned char>(html[j])))
            name += static_cast<char>(std::tolower(static_cast<unsigned char>(html[j++])));
        if (!is_allowed_tag(name)) return false;
    }
    return true;
}

bool equal_blocks(const std::vector<RichBlock>& a, const std::vector<RichBlock>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].kind != b[i].kind || a[i].number != b[i].number || a[i].depth != b[i].depth ||
            a[i].spans.size() != b[i].spans.size())
            return false;
        for (std::size_t k = 0; k < a[i].spans.size(); ++k) {
            const RichSpan& x = a[i].spans[k];
            const RichSpan& y = b[i].spans[k];
            if (x.text != y.text || x.bold != y.bold || x.italic != y.italic || x.href != y.href) return false;
        }
    }
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view html(reinterpret_cast<const char*>(data), size);
    const std::string once = sanitize_html(html);
    FUZZ_CHECK(sanitize_html(once) == once, "sanitize_html is idempotent");
    FUZZ_CHECK(only_allowed_tags(once), "sanitized markup holds only allowed tags");
    const auto blocks = parse_rich_text(html);
    for (const RichBlock& b : blocks)
        for (const RichSpan& s : b.spans) FUZZ_CHECK(s.href.empty() || is_safe_href(s.href), "every link is safe");
    FUZZ_CHECK(equal_blocks(blocks, parse_rich_text(once)), "raw and sanitized markup parse alike");
    (void)html_to_plain_text(html);
    (void)escape_html(html);
    const std::size_t cut = size == 0 ? 0 : data[0] % (size + 1);
    const auto edited = apply_rich_edit(html, cut, size - cut, static_cast<RichEdit>(size % 7));
    FUZZ_CHECK(edited.cursor <= edited.text.size(), "the caret stays inside the edited text");
    return 0;
}
