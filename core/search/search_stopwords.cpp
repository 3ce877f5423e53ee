// Stop word lists; see search_stopwords.hpp. Each list is sorted at first use and
// searched by binary search: a few hundred short strings, no hashing needed.
#include "core/search/search_stopwords.hpp"

#include <algorithm>
#include <vector>

namespace casehub {
namespace {

constexpr std::string_view english[] = {
    "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as",
    "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can",
    "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further",
    "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his",
    "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my",
    "myself", "no", "nor", "not", "of", "off", "on", "once", "only", "or", "other", "our", "ours",
    "ourselves", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that",
    "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those",
    "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when",
    "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours",
    "yourself", "yourselves"};

constexpr std::string_view french[] = {
    "a", "afin", "ai", "aie", "aient", "aies", "ait", "alors", "as", "au", "aucun", "aucune", "aupres",
    "auquel", "aussi", "autre", "autres", "aux", "auxquelles", "auxquels", "avaient", "avais", "avait",
    "avant", "avec", "avez", "aviez", "avions", "avons", "ayant", "c", "ca", "car", "ce", "ceci", "cela",
    "celle", "celles", "celui", "ces", "cet", "cette", "ceux", "chaque", "chez", "comme", "d", "dans",
    "de", "des", "donc", "dont", "du", "elle", "elles", "en", "encore", "entre", "es", "est", "et",
    "etaient", "etais", "etait", "etant", "ete", "etes", "etiez", "etions", "etre", "eu", "eux", "fait",
    "ici", "il", "ils", "j", "je", "l", "la", "laquelle", "le", "lequel", "les", "lesquelles",
    "lesquels", "leur", "leurs", "lui", "m", "ma", "mais", "me", "meme", "memes", "mes", "moi", "mon",
    "n", "ne", "ni", "nos", "notre", "nous", "on", "ont", "ou", "par", "parce", "pas", "peu", "peut",
    "plus", "pour", "pourquoi", "qu", "quand", "que", "quel", "quelle", "quelles", "quels", "qui", "s",
    "sa", "sans", "se", "sera", "seront", "ses", "si", "sien", "sienne", "soi", "soit", "sommes", "son",
    "sont", "sous", "suis", "sur", "t", "ta", "te", "tes", "toi", "ton", "tous", "tout", "toute",
    "toutes", "tres", "tu", "un", "une", "unes", "uns", "vos", "votre", "vous", "y"};

constexpr std::string_view indonesian[] = {
    "ada", "adalah", "agar", "akan", "aku", "anda", "antara", "apa", "apabila", "atau", "bagaimana",
    "bagi", "bahwa", "banyak", "beberapa", "begitu", "belum", "bisa", "boleh", "bukan", "dalam",
    "dan", "dapat", "dari", "daripada", "demikian", "dengan", "di", "dia", "harus", "hanya", "hingga",
    "ia", "ialah", "ini", "itu", "jadi", "jika", "juga", "kalau", "kami", "kamu", "karena", "ke",
    "kecuali", "kemudian", "kepada", "ketika", "kita", "lagi", "lain", "lalu", "maka", "mana",
    "masih", "mau", "melainkan", "mereka", "milik", "namun", "oleh", "pada", "para", "pun", "saat",
    "saja", "sampai", "sangat", "saya", "sebagai", "sebelum", "sedang", "sehingga", "sejak",
    "selain", "seluruh", "semua", "sendiri", "serta", "setelah", "seperti", "sesudah", "siapa",
    "suatu", "sudah", "supaya", "tanpa", "telah", "tentang", "tersebut", "tetapi", "untuk", "walau",
    "yaitu", "yakni", "yang"};

struct StopList {
    std::vector<std::string_view> words;
    template <std::size_t N>
    explicit StopList(const std::string_view (&list)[N]) : words(list, list + N) {
        std::sort(words.begin(), words.end());
    }
    bool contains(std::string_view w) const { return std::binary_search(words.begin(), words.end(), w); }
};

}  // namespace

bool is_stop_word(SearchLanguage language, std::string_view folded) {
    static const StopList en(english);
    static const StopList fr(french);
    static const StopList id(indonesian);
    switch (language) {
        case SearchLanguage::en: return en.contains(folded);
        case SearchLanguage::fr: return fr.contains(folded);
        case SearchLanguage::id: return id.contains(folded);
        case SearchLanguage::other: break;
    }
    return false;
}

}  // namespace casehub
