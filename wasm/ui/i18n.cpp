// Translation table of the client UI (en / fr / id). French and Indonesian wording
// follows Microsoft's own localisation of Customer Service Hub (see shared/seeds/),
// so agents find the names they know: "Incidents" / "Kasus" for Cases, etc.
#include "wasm/ui/i18n.hpp"

#include <algorithm>
#include <array>

namespace casehub::ui {
namespace {

struct Entry {
    std::string_view key;
    const char* en;
    const char* fr;
    const char* id;
};

// Kept sorted by key (checked once at first use) so lookups are a binary search.
constexpr Entry kEntries[] = {
    {"app.name", "Customer Service Hub", "Centre de service clientèle", "Pusat Customer Service"},
    {"app.offline_ready", "Works offline", "Fonctionne hors connexion", "Bekerja secara offline"},
    {"command.new", "New", "Nouveau", "Baru"},
    {"command.refresh", "Refresh", "Actualiser", "Segarkan"},
    {"content.coming_soon", "Records of this area appear here once views are connected to the local store.",
     "Les enregistrements de cette zone s’afficheront ici dès que les vues seront reliées au stockage local.",
     "Rekaman area ini akan muncul di sini setelah tampilan terhubung ke penyimpanan lokal."},
    {"content.sample_heading", "Sample of localized text", "Exemple de texte localisé", "Contoh teks terlokalisasi"},
    {"content.sample_text", "Café, façade, señor, über, cœur — « déjà vu » … 12,50 €",
     "Café, façade, señor, über, cœur — « déjà vu » … 12,50 €",
     "Café, façade, señor, über, cœur — « déjà vu » … 12,50 €"},
    {"content.welcome", "Welcome", "Bienvenue", "Selamat datang"},
    {"entity.account", "Accounts", "Comptes", "Akun"},
    {"entity.activitypointer", "Activities", "Activités", "Aktivitas"},
    {"entity.contact", "Contacts", "Contacts", "Kontak"},
    {"entity.dashboard", "Dashboards", "Tableaux de bord", "Dasbor"},
    {"entity.equipment", "Facilities/Equipment", "Installations/Équipements", "Fasilitas/Peralatan"},
    {"entity.incident", "Cases", "Incidents", "Kasus"},
    {"entity.knowledgearticle", "Knowledge Articles", "Articles de connaissances", "Artikel Pengetahuan"},
    {"entity.queue", "Queues", "Files d’attente", "Antrean"},
    {"entity.site", "Sites", "Sites", "Situs"},
    {"entity.socialprofile", "Social Profiles", "Profils sociaux", "Profil Sosial"},
    {"login.button", "Sign in", "Se connecter", "Masuk"},
    {"login.hint", "Demo users: admin, camille, alex, dewi, budi — password casehub-demo",
     "Utilisateurs de démonstration : admin, camille, alex, dewi, budi — mot de passe casehub-demo",
     "Pengguna demo: admin, camille, alex, dewi, budi — kata sandi casehub-demo"},
    {"login.kept", "changes made on this browser are kept and will sync after you sign in.",
     "modifications faites dans ce navigateur sont conservées et seront synchronisées après la connexion.",
     "perubahan di peramban ini disimpan dan akan disinkronkan setelah Anda masuk."},
    {"login.loading", "Opening local data…", "Ouverture des données locales…", "Membuka data lokal…"},
    {"login.offline", "You are offline. Signing in needs the network once.",
     "Vous êtes hors connexion. La connexion nécessite le réseau une fois.",
     "Anda sedang offline. Masuk memerlukan jaringan sekali."},
    {"login.password", "Password", "Mot de passe", "Kata sandi"},
    {"login.signing_in", "Signing in…", "Connexion…", "Sedang masuk…"},
    {"login.title", "Sign in to Customer Service Hub", "Connectez-vous au Centre de service clientèle",
     "Masuk ke Pusat Customer Service"},
    {"login.username", "Username", "Nom d'utilisateur", "Nama pengguna"},
    {"menu.language", "Language", "Langue", "Bahasa"},
    {"menu.sign_out", "Sign out", "Se déconnecter", "Keluar"},
    {"menu.signed_in_as", "Signed in as", "Connecté en tant que", "Masuk sebagai"},
    {"menu.user", "User menu", "Menu utilisateur", "Menu pengguna"},
    {"quick_create.title", "Quick create", "Création rapide", "Buat cepat"},
    {"record.account", "Account", "Compte", "Akun"},
    {"record.contact", "Contact", "Contact", "Kontak"},
    {"record.incident", "Case", "Incident", "Kasus"},
    {"record.phonecall", "Phone Call", "Appel téléphonique", "Panggilan Telepon"},
    {"record.task", "Task", "Tâche", "Tugas"},
    {"rejection.dismiss", "Dismiss", "Ignorer", "Tutup"},
    {"rejection.title", "A change was not saved", "Une modification n'a pas été enregistrée",
     "Sebuah perubahan tidak tersimpan"},
    {"search.hint", "Search", "Rechercher", "Cari"},
    {"site_map.collapse", "Collapse site map", "Réduire le plan de site", "Ciutkan peta situs"},
    {"site_map.expand", "Expand site map", "Développer le plan de site", "Perluas peta situs"},
    {"site_map.group.customers", "Customers", "Clients", "Pelanggan"},
    {"site_map.group.knowledge", "Knowledge Base", "Base de connaissances", "Basis Pengetahuan"},
    {"site_map.group.my_work", "My Work", "Mon travail", "Pekerjaan Saya"},
    {"site_map.group.scheduling", "Scheduling", "Planification", "Penjadwalan"},
    {"site_map.group.service", "Service", "Service", "Layanan"},
    {"site_map.menu", "Site map", "Plan de site", "Peta situs"},
    {"sync.error", "Sync error", "Erreur de synchronisation", "Galat sinkronisasi"},
    {"sync.never", "Not synced yet", "Pas encore synchronisé", "Belum disinkronkan"},
    {"sync.now", "Sync now", "Synchroniser", "Sinkronkan"},
    {"sync.offline", "Offline", "Hors connexion", "Offline"},
    {"sync.online", "Online", "En ligne", "Online"},
    {"sync.pending", "pending", "en attente", "tertunda"},
    {"sync.synced", "Synced", "Synchronisé", "Tersinkron"},
    {"sync.syncing", "Syncing…", "Synchronisation…", "Menyinkronkan…"},
    {"sync.up_to_date", "Up to date", "À jour", "Terbaru"},
    {"user.guest", "Guest agent", "Agent invité", "Agen tamu"},
    // workspace hook (H7): views, forms and quick create (keys kept in sorted order).
    {"workspace.back", "Back", "Retour", "Kembali"},
    {"workspace.cancel", "Cancel", "Annuler", "Batal"},
    {"workspace.confirm_delete", "Delete the selected records? This cannot be undone.",
     "Supprimer les enregistrements sélectionnés ? Cette action est irréversible.",
     "Hapus rekaman yang dipilih? Tindakan ini tidak dapat dibatalkan."},
    {"workspace.conflict_restore", "Restore the replaced value", "Restaurer la valeur remplacée", "Pulihkan nilai yang diganti"},
    {"workspace.conflict_restored", "Value restored", "Valeur restaurée", "Nilai dipulihkan"},
    {"workspace.conflict_text", "Sync conflict", "Conflit de synchronisation", "Konflik sinkronisasi"},
    {"workspace.conflict_was", "was replaced by", "a été remplacé par", "diganti dengan"},
    {"workspace.contact_card", "Contact", "Contact", "Kontak"},
    {"workspace.delete", "Delete", "Supprimer", "Hapus"},
    {"workspace.discard", "Discard changes", "Ignorer les modifications", "Buang perubahan"},
    {"workspace.email_link", "Email a Link", "Envoyer un lien", "Kirim Tautan melalui Email"},
    {"workspace.email_subject", "Records from Customer Service Hub", "Enregistrements du Centre de service clientèle",
     "Rekaman dari Pusat Customer Service"},
    {"workspace.filter", "Filter", "Filtrer", "Filter"},
    {"workspace.filter_hint", "Contains…", "Contient…", "Berisi…"},
    {"workspace.lookup_hint", "Search records", "Rechercher des enregistrements", "Cari rekaman"},
    {"workspace.new_record", "New", "Nouveau", "Baru"},
    {"workspace.next", "Next record", "Enregistrement suivant", "Rekaman berikutnya"},
    {"workspace.no", "No", "Non", "Tidak"},
    {"workspace.no_matches", "No matching records", "Aucun enregistrement correspondant", "Tidak ada rekaman yang cocok"},
    {"workspace.no_records", "No records", "Aucun enregistrement", "Tidak ada rekaman"},
    {"workspace.no_views", "This area has no views yet.", "Cette zone n’a pas encore de vue.",
     "Area ini belum memiliki tampilan."},
    {"workspace.previous", "Previous record", "Enregistrement précédent", "Rekaman sebelumnya"},
    {"workspace.record_missing", "This record is not on this device (deleted, or not synced yet).",
     "Cet enregistrement n’est pas sur cet appareil (supprimé ou pas encore synchronisé).",
     "Rekaman ini tidak ada di perangkat ini (dihapus atau belum disinkronkan)."},
    {"workspace.record_set", "Record set", "Jeu d’enregistrements", "Kumpulan rekaman"},
    {"workspace.rows", "records", "enregistrements", "rekaman"},
    {"workspace.save", "Save", "Enregistrer", "Simpan"},
    {"workspace.save_close", "Save & Close", "Enregistrer et fermer", "Simpan & Tutup"},
    {"workspace.saved", "Saved", "Enregistré", "Tersimpan"},
    {"workspace.search_records", "Search this view", "Rechercher dans cette vue", "Cari di tampilan ini"},
    {"workspace.unsaved", "Unsaved changes", "Modifications non enregistrées", "Perubahan belum disimpan"},
    {"workspace.unsaved_text", "Save them before leaving this record, or discard them.",
     "Enregistrez-les avant de quitter cet enregistrement, ou ignorez-les.",
     "Simpan sebelum meninggalkan rekaman ini, atau buang."},
    {"workspace.unsaved_title", "You have unsaved changes", "Vous avez des modifications non enregistrées",
     "Anda memiliki perubahan yang belum disimpan"},
    {"workspace.yes", "Yes", "Oui", "Ya"},
};

bool entries_sorted() {
    return std::is_sorted(std::begin(kEntries), std::end(kEntries),
                          [](const Entry& a, const Entry& b) { return a.key < b.key; });
}

const Entry* find_entry(std::string_view key) {
    static const bool sorted = entries_sorted();
    if (!sorted) {  // a mis-sorted table still works, only slower; the unit of work is tiny
        for (const auto& e : kEntries)
            if (e.key == key) return &e;
        return nullptr;
    }
    const auto* it = std::lower_bound(std::begin(kEntries), std::end(kEntries), key,
                                      [](const Entry& e, std::string_view k) { return e.key < k; });
    return it != std::end(kEntries) && it->key == key ? it : nullptr;
}

}  // namespace

const char* language_code(Language language) {
    switch (language) {
        case Language::en: return "en";
        case Language::fr: return "fr";
        case Language::id: return "id";
    }
    return "en";
}

const char* language_name(Language language) {
    switch (language) {
        case Language::en: return "English";
        case Language::fr: return "Français";
        case Language::id: return "Bahasa Indonesia";
    }
    return "English";
}

Language parse_language(std::string_view code) {
    const auto base = code.substr(0, code.find('-'));
    if (base == "fr" || base == "FR") return Language::fr;
    if (base == "id" || base == "ID" || base == "in") return Language::id;
    return Language::en;
}

const char* tr(Language language, std::string_view key) {
    const Entry* e = find_entry(key);
    if (!e) {
        // Unknown key: show it. Keys come from string literals in our code, so the
        // pointer stays valid; copy into a small ring to hand back a terminated string.
        static std::array<std::array<char, 96>, 4> ring{};
        static unsigned next = 0;
        auto& slot = ring[next++ % ring.size()];
        const auto n = std::min(key.size(), slot.size() - 1);
        std::copy_n(key.data(), n, slot.data());
        slot[n] = '\0';
        return slot.data();
    }
    const char* text = language == Language::fr ? e->fr : language == Language::id ? e->id : e->en;
    return text && *text ? text : e->en;
}

}  // namespace casehub::ui
