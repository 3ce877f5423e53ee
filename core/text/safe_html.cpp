// The safe HTML subset of knowledge content (see safe_html.hpp): a small tag scanner,
// a sanitizer that rebuilds well-nested markup from the allowed tags only, and the
// block/span parser the ImGui renderer and the search index read.
#include "core/text/safe_html.hpp"

#include <algorithm>
#include <cstdint>

namespace casehub {
namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

void append_utf8(std::uint32_t cp, std::string& out) {
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Decodes the character references people and editors actually write; anything else
// stays as typed (and is escaped on output, so it shows literally).
std::string decode_entities(std::string_view s) {
    static const std::pair<std::string_view, std::string_view> kNamed[] = {
        {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", "\xc2\xa0"},
        {"eacute", "\xc3\xa9"}, {"egrave", "\xc3\xa8"}, {"agrave", "\xc3\xa0"}, {"ccedil", "\xc3\xa7"},
        {"laquo", "\xc2\xab"}, {"raquo", "\xc2\xbb"}, {"hellip", "\xe2\x80\xa6"}, {"rsquo", "\xe2\x80\x99"}};
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '&') {
            out += s[i];
            continue;
        }
        const std::size_t semi = s.find(';', i + 1);
        if (semi == std::string_view::npos || semi - i > 12) {
            out += '&';
            continue;
        }
        const std::string_view name = s.substr(i + 1, semi - i - 1);
        bool done = false;
        if (name.size() > 1 && name[0] == '#') {
            std::uint32_t cp = 0;
            const bool hex = name[1] == 'x' || name[1] == 'X';
            bool ok = name.size() > (hex ? 2u : 1u);
            for (std::size_t k = hex ? 2 : 1; ok && k < name.size(); ++k) {
                const char c = name[k];
                int d = -1;
                if (c >= '0' && c <= '9') d = c - '0';
                else if (hex && lower(c) >= 'a' && lower(c) <= 'f') d = lower(c) - 'a' + 10;
                if (d < 0 || cp > 0x10FFFF) ok = false;
                else cp = cp * (hex ? 16u : 10u) + static_cast<std::uint32_t>(d);
            }
            if (ok) {
                append_utf8(cp, out);
                done = true;
            }
        } else {
            for (const auto& [n, v] : kNamed)
                if (n == name) {
                    out += v;
                    done = true;
                    break;
                }
        }
        if (done)
            i = semi;
        else
            out += '&';
    }
    return out;
}

struct Attribute {
    std::string name;  // lower case
    std::string value; // decoded
};

struct Token {
    enum Kind { characters, open, close, other } kind = characters;
    std::string name;  // lower case tag name
    std::string text;  // decoded text for text tokens
    std::vector<Attribute> attributes;
};

// Splits markup into text and tags. Comments, doctypes and processing instructions come
// back as `other`; a '<' that does not start a tag is text.
class Scanner {
public:
    explicit Scanner(std::string_view s) : s_(s) {}

    bool next(Token& t) {
        t = Token{};
        if (pos_ >= s_.size()) return false;
        if (s_[pos_] == '<' && pos_ + 1 < s_.size()) {
            const char c = s_[pos_ + 1];
            if (c == '!' || c == '?') return skip_markup(t);
            if (is_alpha(c) || (c == '/' && pos_ + 2 < s_.size() && is_alpha(s_[pos_ + 2]))) return read_tag(t);
        }
        std::size_t end = s_.find('<', pos_ + 1);
        while (end != std::string_view::npos && end + 1 < s_.size() && !is_alpha(s_[end + 1]) && s_[end + 1] != '/' &&
               s_[end + 1] != '!' && s_[end + 1] != '?')
            end = s_.find('<', end + 1);
        if (end == std::string_view::npos) end = s_.size();
        t.kind = Token::characters;
        t.text = decode_entities(s_.substr(pos_, end - pos_));
        pos_ = end;
        return true;
    }

    // Skips raw text up to </name> (script, style: their text is never shown).
    void skip_raw_text(const std::string& name) {
        for (;;) {
            const std::size_t lt = s_.find("</", pos_);
            if (lt == std::string_view::npos) {
                pos_ = s_.size();
                return;
            }
            std::size_t k = 0;
            while (k < name.size() && lt + 2 + k < s_.size() && lower(s_[lt + 2 + k]) == name[k]) ++k;
            pos_ = lt + 2;
            if (k == name.size()) {
                pos_ = lt;
                return;
            }
        }
    }

private:
    bool skip_markup(Token& t) {
        t.kind = Token::other;
        if (s_.substr(pos_, 4) == "<!--") {
            const std::size_t end = s_.find("-->", pos_ + 4);
            pos_ = end == std::string_view::npos ? s_.size() : end + 3;
        } else {
            const std::size_t end = s_.find('>', pos_);
            pos_ = end == std::string_view::npos ? s_.size() : end + 1;
        }
        return true;
    }

    bool read_tag(Token& t) {
        std::size_t i = pos_ + 1;
        t.kind = Token::open;
        if (s_[i] == '/') {
            t.kind = Token::close;
            ++i;
        }
        while (i < s_.size() && (is_alpha(s_[i]) || (s_[i] >= '0' && s_[i] <= '9'))) t.name += lower(s_[i++]);
        // Attributes up to '>', honouring quotes so a '>' inside a value does not end the tag.
        for (;;) {
            while (i < s_.size() && (is_space(s_[i]) || s_[i] == '/')) ++i;
            if (i >= s_.size() || s_[i] == '>') break;
            Attribute a;
            while (i < s_.size() && !is_space(s_[i]) && s_[i] != '=' && s_[i] != '>' && s_[i] != '/')
                a.name += lower(s_[i++]);
            while (i < s_.size() && is_space(s_[i])) ++i;
            if (i < s_.size() && s_[i] == '=') {
                ++i;
                while (i < s_.size() && is_space(s_[i])) ++i;
                std::string raw;
                if (i < s_.size() && (s_[i] == '"' || s_[i] == '\'')) {
                    const char q = s_[i++];
                    while (i < s_.size() && s_[i] != q) raw += s_[i++];
                    if (i < s_.size()) ++i;
                } else {
                    while (i < s_.size() && !is_space(s_[i]) && s_[i] != '>') raw += s_[i++];
                }
                a.value = decode_entities(raw);
            }
            if (a.name.empty()) ++i;  // a stray character: step over it
            else t.attributes.push_back(std::move(a));
        }
        pos_ = i < s_.size() ? i + 1 : s_.size();
        return true;
    }

    std::string_view s_;
    std::size_t pos_ = 0;
};

bool is_block_tag(const std::string& n) { return n == "p" || n == "h1" || n == "h2" || n == "h3"; }
bool is_list_tag(const std::string& n) { return n == "ul" || n == "ol"; }
bool is_inline_tag(const std::string& n) { return n == "b" || n == "strong" || n == "i" || n == "em" || n == "a"; }
bool is_raw_text_tag(const std::string& n) {
    return n == "script" || n == "style" || n == "iframe" || n == "object" || n == "embed" || n == "template" ||
           n == "noscript" || n == "title" || n == "textarea" || n == "svg" || n == "math" || n == "xmp";
}

// Rebuilds well-nested markup from allowed tags; every write goes through here.
class Builder {
public:
    void open(const std::string& name, const std::string& href = {}) {
        if (is_block_tag(name)) {
            close_to_container();
        } else if (is_list_tag(name)) {
            // A list sits in the body or in a list item, never inside a paragraph or heading.
            close_inline_and_blocks();
        } else if (name == "li") {
            close_inline_and_blocks();
            while (!stack_.empty() && !is_list_tag(stack_.back())) {
                if (stack_.back() == "li") {
                    pop();
                    break;
                }
                pop();
            }
            if (stack_.empty() || !is_list_tag(stack_.back())) push("ul");
        } else if (name == "a" && std::find(stack_.begin(), stack_.end(), "a") != stack_.end()) {
            return;  // links do not nest
        }
        if (name == "a")
            push_raw("<a href=\"" + escape_html(href) + "\">", name);
        else
            push(name);
    }

    void close(const std::string& name) {
        auto it = std::find(stack_.rbegin(), stack_.rend(), name);
        if (it == stack_.rend()) return;  // stray end tag
        // Do not let an inline end tag close a block it did not open inside of.
        if (is_inline_tag(name))
            for (auto j = stack_.rbegin(); j != it; ++j)
                if (!is_inline_tag(*j)) return;
        while (!stack_.empty()) {
            const bool last = stack_.back() == name;
            pop();
            if (last) break;
        }
    }

    void line_break() { out_ += "<br>"; }
    void text(const std::string& t) { out_ += escape_html(t); }

    std::string finish() {
        while (!stack_.empty()) pop();
        return std::move(out_);
    }

private:
    void push(const std::string& name) { push_raw("<" + name + ">", name); }
    void push_raw(const std::string& tag, const std::string& name) {
        out_ += tag;
        stack_.push_back(name);
    }
    void pop() {
        out_ += "</" + stack_.back() + ">";
        stack_.pop_back();
    }
    void close_inline_and_blocks() {
        while (!stack_.empty() && (is_inline_tag(stack_.back()) || is_block_tag(stack_.back()))) pop();
    }
    void close_to_container() {
        close_inline_and_blocks();
    }

    std::string out_;
    std::vector<std::string> stack_;
};

std::string collapse_spaces(std::string_view s, bool& last_was_space) {
    std::string out;
    for (char c : s) {
        if (is_space(c)) {
            if (!last_was_space) out += ' ';
            last_was_space = true;
        } else {
            out += c;
            last_was_space = false;
        }
    }
    return out;
}

}  // namespace

std::string escape_html(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

bool is_safe_href(std::string_view href) {
    std::string folded;
    for (char c : href) {
        // Browsers skip blanks and control characters inside a scheme ("java\tscript:").
        if (static_cast<unsigned char>(c) <= 0x20) continue;
        folded += lower(c);
        if (folded.size() > 8) break;
    }
    return folded.rfind("http://", 0) == 0 || folded.rfind("https://", 0) == 0 || folded.rfind("mailto:", 0) == 0;
}

std::string sanitize_html(std::string_view html) {
    Scanner scanner(html);
    Builder b;
    Token t;
    while (scanner.next(t)) {
        if (t.kind == Token::characters) {
            b.text(t.text);
        } else if (t.kind == Token::open) {
            if (is_raw_text_tag(t.name)) {
                scanner.skip_raw_text(t.name);
            } else if (t.name == "br") {
                b.line_break();
            } else if (t.name == "a") {
                std::string href;
                for (const auto& a : t.attributes)
                    if (a.name == "href") href = a.value;
                if (is_safe_href(href)) b.open("a", href);  // an unsafe link keeps only its text
            } else if (is_block_tag(t.name) || is_list_tag(t.name) || is_inline_tag(t.name) || t.name == "li") {
                b.open(t.name);
            }
        } else if (t.kind == Token::close) {
            if (is_block_tag(t.name) || is_list_tag(t.name) || is_inline_tag(t.name) || t.name == "li") b.close(t.name);
        }
    }
    return b.finish();
}

std::vector<RichBlock> parse_rich_text(std::string_view html) {
    const std::string clean = sanitize_html(html);
    std::vector<RichBlock> blocks;
    struct List {
        bool ordered = false;
        int count = 0;
    };
    std::vector<List> lists;
    int bold = 0, italic = 0;
    std::string href;
    bool open_block = false;
    bool last_space = true;
    auto start = [&](RichBlockKind kind) {
        RichBlock block;
        block.kind = kind;
        block.depth = static_cast<int>(lists.size());
        if (kind == RichBlockKind::numbered && !lists.empty()) block.number = ++lists.back().count;
        blocks.push_back(std::move(block));
        open_block = true;
        last_space = true;
    };
    auto add_text = [&](const std::string& text) {
        if (!open_block) {
            // Blanks between blocks are layout, not content.
            if (std::all_of(text.begin(), text.end(), is_space)) return;
            start(RichBlockKind::paragraph);
        }
        std::string t = collapse_spaces(text, last_space);
        if (t.empty()) return;
        auto& spans = blocks.back().spans;
        const bool b = bold > 0, i = italic > 0;
        if (!spans.empty() && spans.back().bold == b && spans.back().italic == i && spans.back().href == href)
            spans.back().text += t;
        else
            spans.push_back(RichSpan{std::move(t), b, i, href});
    };

    Scanner scanner(clean);
    Token t;
    while (scanner.next(t)) {
        if (t.kind == Token::characters) {
            add_text(t.text);
        } else if (t.kind == Token::open) {
            const std::string& n = t.name;
            if (n == "p") start(RichBlockKind::paragraph);
            else if (n == "h1") start(RichBlockKind::heading1);
            else if (n == "h2") start(RichBlockKind::heading2);
            else if (n == "h3") start(RichBlockKind::heading3);
            else if (n == "ul" || n == "ol") {
                lists.push_back(List{n == "ol", 0});
                open_block = false;
            } else if (n == "li") {
                start(!lists.empty() && lists.back().ordered ? RichBlockKind::numbered : RichBlockKind::bullet);
            } else if (n == "b" || n == "strong") ++bold;
            else if (n == "i" || n == "em") ++italic;
            else if (n == "a") {
                for (const auto& a : t.attributes)
                    if (a.name == "href") href = a.value;
            } else if (n == "br") {
                if (!open_block) start(RichBlockKind::paragraph);
                auto& spans = blocks.back().spans;
                if (spans.empty()) spans.push_back(RichSpan{"", bold > 0, italic > 0, href});
                spans.back().text += '\n';
                last_space = true;
            }
        } else if (t.kind == Token::close) {
            const std::string& n = t.name;
            if (n == "p" || n == "h1" || n == "h2" || n == "h3" || n == "li") open_block = false;
            else if (n == "ul" || n == "ol") {
                if (!lists.empty()) lists.pop_back();
                open_block = false;
            } else if ((n == "b" || n == "strong") && bold > 0) --bold;
            else if ((n == "i" || n == "em") && italic > 0) --italic;
            else if (n == "a") href.clear();
        }
    }
    // Trailing blanks of a block are not content.
    for (auto& block : blocks) {
        while (!block.spans.empty()) {
            auto& s = block.spans.back().text;
            while (!s.empty() && s.back() == ' ') s.pop_back();
            if (!s.empty()) break;
            block.spans.pop_back();
        }
    }
    blocks.erase(std::remove_if(blocks.begin(), blocks.end(), [](const RichBlock& b) { return b.spans.empty(); }),
                 blocks.end());
    return blocks;
}

std::string html_to_plain_text(std::string_view html) {
    std::string out;
    for (const RichBlock& b : parse_rich_text(html)) {
        if (!out.empty()) out += b.kind == RichBlockKind::bullet || b.kind == RichBlockKind::numbered ? "\n" : "\n\n";
        if (b.kind == RichBlockKind::bullet) out += "- ";
        if (b.kind == RichBlockKind::numbered) out += std::to_string(b.number) + ". ";
        for (const RichSpan& s : b.spans) out += s.text;
    }
    return out;
}

RichEditResult apply_rich_edit(std::string_view text, std::size_t begin, std::size_t end, RichEdit edit,
                               std::string_view href) {
    begin = std::min(begin, text.size());
    end = std::min(end, text.size());
    if (begin > end) std::swap(begin, end);
    std::string selected(text.substr(begin, end - begin));
    std::string open, close;
    switch (edit) {
        case RichEdit::heading1: open = "<h1>", close = "</h1>"; break;
        case RichEdit::heading2: open = "<h2>", close = "</h2>"; break;
        case RichEdit::bold: open = "<b>", close = "</b>"; break;
        case RichEdit::italic: open = "<i>", close = "</i>"; break;
        case RichEdit::link: open = "<a href=\"" + escape_html(href) + "\">", close = "</a>"; break;
        case RichEdit::bullet_list:
        case RichEdit::numbered_list: {
            // Each selected line becomes an item.
            const bool ordered = edit == RichEdit::numbered_list;
            std::string items;
            std::size_t pos = 0;
            if (selected.empty()) selected = "...";
            while (pos <= selected.size()) {
                std::size_t nl = selected.find('\n', pos);
                if (nl == std::string::npos) nl = selected.size();
                const std::string line = selected.substr(pos, nl - pos);
                if (!line.empty()) items += "<li>" + line + "</li>\n";
                pos = nl + 1;
            }
            const std::string list = std::string(ordered ? "<ol>\n" : "<ul>\n") + items + (ordered ? "</ol>" : "</ul>");
            RichEditResult r{std::string(text.substr(0, begin)) + list + std::string(text.substr(end)), begin + list.size()};
            return r;
        }
    }
    if (selected.empty()) selected = "...";
    const std::string wrapped = open + selected + close;
    return RichEditResult{std::string(text.substr(0, begin)) + wrapped + std::string(text.substr(end)),
                          begin + wrapped.size()};
}

}  // namespace casehub
