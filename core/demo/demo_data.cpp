// Demo data generator (see demo_data.hpp). Randomness comes only from a seeded
// mt19937_64, reduced with `%` (the standard fixes the engine's output but not the
// distributions'), so native and wasm builds generate the same records.
#include "core/demo/demo_data.hpp"

#include <array>
#include <random>
#include <vector>

#include "core/demo/demo_knowledge.hpp"
#include "core/demo/demo_lifecycle.hpp"
#include "core/demo/demo_queues.hpp"
#include "core/demo/demo_routing.hpp"
#include "core/demo/demo_sla.hpp"
#include "core/schema/ticket_number.hpp"
#include "core/base/uuid.hpp"

namespace casehub {

namespace {

using Strings = std::vector<const char*>;

enum Lang { Fr = 0, En = 1, Id = 2 };

const Strings kFirst[3] = {
    {"Camille", "Léa", "Manon", "Chloé", "Inès", "Jade", "Louise", "Emma", "Hugo", "Lucas", "Théo", "Nathan",
     "Louis", "Gabriel", "Arthur", "Jules", "Élodie", "Mathilde", "Clément", "Sébastien", "Françoise", "Hélène",
     "Benoît", "Aurélie", "Jérôme", "Noémie", "Maëlle", "François"},
    {"Olivia", "Amelia", "Isla", "Ava", "Mia", "Oliver", "George", "Noah", "Harry", "Jack", "Charlotte", "Emily",
     "James", "William", "Sophie", "Daniel", "Grace", "Thomas", "Lucy", "Henry"},
    {"Dewi", "Budi", "Siti", "Agus", "Putri", "Rizky", "Ayu", "Andi", "Sri", "Wahyu", "Fitri", "Eko", "Indah",
     "Bayu", "Ratna", "Hendra", "Nur", "Yusuf", "Kartika", "Dimas", "Made", "Ketut"}};

const Strings kLast[3] = {
    {"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon",
     "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel",
     "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Legrand", "Chevalier"},
    {"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright",
     "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Clarke", "Hughes"},
    {"Santoso", "Wijaya", "Kusuma", "Pratama", "Saputra", "Lestari", "Hidayat", "Nugroho", "Setiawan", "Gunawan",
     "Halim", "Susanto", "Purnomo", "Siregar", "Nasution", "Simanjuntak", "Hutapea", "Sihombing", "Wibowo",
     "Rahman"}};

const Strings kCities[3] = {
    {"Paris", "Lyon", "Marseille", "Toulouse", "Bordeaux", "Lille", "Nantes", "Strasbourg", "Montpellier", "Rennes"},
    {"Paris", "Lyon", "Nice", "Jakarta", "Surabaya", "Bali"},
    {"Jakarta", "Surabaya", "Bandung", "Medan", "Semarang", "Makassar", "Yogyakarta", "Denpasar", "Palembang",
     "Malang"}};

const Strings kFrenchTrades = {"Boulangerie", "Atelier", "Transports", "Pharmacie", "Garage", "Imprimerie",
                               "Cabinet", "Hôtel", "Librairie", "Fromagerie", "Menuiserie", "Brasserie"};
const Strings kEnglishCompanies = {"Adventure Works", "Alpine Ski House", "Coho Winery", "Fabrikam", "Litware",
                                   "Northwind Traders", "Tailspin Toys", "Wide World Importers", "Fourth Coffee",
                                   "Blue Yonder Airlines", "Proseware", "Woodgrove Bank", "Trey Research",
                                   "Lucerne Publishing", "Margie's Travel", "Wingtip Toys", "Humongous Insurance",
                                   "City Power & Light", "Contoso Pharmaceuticals", "Relecloud"};
const Strings kIndonesianWords = {"Maju", "Jaya", "Sejahtera", "Abadi", "Makmur", "Sentosa", "Mandiri",
                                  "Nusantara", "Karya", "Bersama", "Sumber", "Cahaya", "Mitra", "Prima", "Indah"};

const Strings kProducts = {"Surface Laptop 5", "Coffee Machine X200", "LaserJet Pro 400", "Router AX3000",
                           "Thermostat T6", "Scanner S1500", "Smart Lock L2", "Projector P9"};

const Strings kTitles[3] = {
    {"Imprimante en panne", "La machine à café ne chauffe plus", "Facture incorrecte", "Demande de remboursement",
     "Livraison en retard", "Impossible de se connecter au portail", "Écran noir au démarrage",
     "Question sur la garantie du {p}", "Changement d'adresse de livraison", "Produit reçu endommagé",
     "Mot de passe oublié", "Bruit anormal du {p}", "Demande d'intervention sur site", "Erreur de paiement en ligne",
     "Renouvellement du contrat de maintenance", "Le {p} redémarre sans cesse"},
    {"Printer not working", "Coffee machine no longer heats", "Incorrect invoice", "Refund request", "Late delivery",
     "Cannot sign in to the portal", "Black screen on startup", "Warranty question about the {p}",
     "Change of delivery address", "Product arrived damaged", "Forgot password", "Strange noise from the {p}",
     "On-site service request", "Online payment error", "Maintenance contract renewal", "{p} keeps restarting"},
    {"Printer tidak berfungsi", "Mesin kopi tidak panas lagi", "Tagihan salah", "Permintaan pengembalian dana",
     "Pengiriman terlambat", "Tidak bisa masuk ke portal", "Layar hitam saat dinyalakan",
     "Pertanyaan garansi {p}", "Perubahan alamat pengiriman", "Produk diterima dalam keadaan rusak",
     "Lupa kata sandi", "Suara aneh dari {p}", "Permintaan servis di lokasi", "Kesalahan pembayaran online",
     "Perpanjangan kontrak pemeliharaan", "{p} terus memulai ulang"}};

const Strings kDetails[3] = {
    {"Le client a déjà redémarré l'appareil sans succès.", "Le problème est apparu après la dernière mise à jour.",
     "Le client souhaite être rappelé dans la matinée.", "Une pièce de rechange sera peut-être nécessaire.",
     "Le client est très mécontent et demande un geste commercial."},
    {"The customer already restarted the device without success.", "The issue started after the latest update.",
     "The customer would like a call back in the morning.", "A replacement part may be needed.",
     "The customer is upset and asks for a goodwill gesture."},
    {"Pelanggan sudah menyalakan ulang perangkat tetapi tidak berhasil.",
     "Masalah muncul setelah pembaruan terakhir.", "Pelanggan ingin dihubungi kembali pada pagi hari.",
     "Mungkin diperlukan suku cadang pengganti.", "Pelanggan kecewa dan meminta kompensasi."}};

const Strings kTaskSubjects[3] = {
    {"Rappeler le client", "Vérifier le numéro de série", "Commander une pièce de rechange", "Envoyer un devis"},
    {"Call the customer back", "Check the serial number", "Order a replacement part", "Send a quote"},
    {"Hubungi kembali pelanggan", "Periksa nomor seri", "Pesan suku cadang pengganti", "Kirim penawaran"}};

const Strings kMonths[3] = {
    {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
    {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
    {"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"}};

constexpr TimestampMs kMinute = 60000, kHour = 60 * kMinute, kDay = 24 * kHour;

class Generator {
public:
    Generator(const DemoOptions& o, Store& s) : opt_(o), store_(s), rng_(o.seed * 0x9E3779B97F4A7C15ULL + 1) {}

    void run() {
        organisation();
        catalogue();
        knowledge();
        customers();
        cases();
        add_demo_queues(opt_, store_);
        add_demo_knowledge(opt_, store_);
        add_demo_sla(opt_, store_);
        add_demo_routing(opt_, store_);
        add_demo_lifecycle(opt_, store_);
    }

private:
    struct User {
        std::string id, bu, domain;
    };
    struct Customer {
        std::string id, entity, contact_id, bu;
        Lang lang;
    };

    const DemoOptions& opt_;
    Store& store_;
    std::mt19937_64 rng_;
    std::string bu_root_, bu_fr_, bu_id_;
    std::vector<User> users_;  // admin, camille, alex, dewi, budi
    std::vector<std::string> fr_queues_, id_queues_;
    std::string sla_standard_, sla_gold_, gold_entitlement_, gold_account_;
    std::vector<std::string> subjects_, products_, articles_;
    std::vector<Customer> accounts_, contacts_;
    std::vector<std::string> fr_teams_;

    std::uint64_t next() { return rng_(); }
    std::size_t pick(std::size_t n) { return static_cast<std::size_t>(next() % n); }
    bool chance(int percent) { return static_cast<int>(next() % 100) < percent; }
    std::string new_id() {
        const std::uint64_t hi = next();
        return make_uuid_v4(hi, next());
    }
    const char* any(const Strings& list) { return list[pick(list.size())]; }
    std::string at(TimestampMs t) { return format_utc(t); }

    Record& stamp(Record& r, const User& owner, TimestampMs created, bool owned) {
        r.attributes["createdon"] = at(created);
        r.attributes["modifiedon"] = at(created);
        r.attributes["createdby"] = make_lookup("systemuser", owner.id);
        r.attributes["modifiedby"] = make_lookup("systemuser", owner.id);
        if (owned) {
            r.attributes["ownerid"] = make_lookup("systemuser", owner.id);
            r.attributes["owningbusinessunit"] = make_lookup("businessunit", owner.bu);
        }
        return r;
    }
    std::string put(const std::string& entity, Json attributes, const User& owner, TimestampMs created, bool owned) {
        Record r{entity, new_id(), std::move(attributes)};
        stamp(r, owner, created, owned);
        std::string id = r.id;
        store_.upsert(std::move(r));
        return id;
    }
    const User& admin() const { return users_[0]; }
    const User& user_of_bu(const std::string& bu) {
        if (bu == bu_fr_) return users_[1 + pick(2)];
        if (bu == bu_id_) return users_[3 + pick(2)];
        return users_[0];
    }
    TimestampMs setup_time() const { return opt_.now_ms - 400 * kDay; }

    void organisation() {
        const TimestampMs t = setup_time();
        // Business units first: users need them, and the creator of the org is admin.
        bu_root_ = new_id();
        bu_fr_ = new_id();
        bu_id_ = new_id();
        const std::string admin_id = new_id();
        const User a{admin_id, bu_root_, "admin"};
        auto bu = [&](const std::string& id, const char* name, const std::string& parent) {
            Record r{"businessunit", id, {{"name", name}}};
            if (!parent.empty()) r.attributes["parentbusinessunitid"] = make_lookup("businessunit", parent);
            stamp(r, a, t, false);
            store_.upsert(std::move(r));
        };
        bu(bu_root_, "Contoso", "");
        bu(bu_fr_, "Contoso France", bu_root_);
        bu(bu_id_, "Contoso Indonesia", bu_root_);
        for (const char* role : {"System Administrator", "CSR Manager", "Customer Service Representative"})
            put("role", {{"name", role}, {"businessunitid", make_lookup("businessunit", bu_root_)}}, a, t, false);

        struct U { const char* domain; const char* first; const char* last; const char* roles; int bu; int lang; };
        const U people[] = {
            {"admin", "System", "Administrator", "System Administrator", 0, 1033},
            {"camille", "Camille", "Martin", "CSR Manager,Customer Service Representative", 1, 1036},
            {"alex", "Alex", "Taylor", "Customer Service Representative", 1, 1033},
            {"dewi", "Dewi", "Lestari", "Customer Service Representative", 2, 1057},
            {"budi", "Budi", "Santoso", "Customer Service Representative", 2, 1057},
        };
        for (const auto& p : people) {
            const std::string& unit = p.bu == 0 ? bu_root_ : p.bu == 1 ? bu_fr_ : bu_id_;
            const std::string id = users_.empty() ? admin_id : new_id();
            Record r{"systemuser", id,
                     {{"domainname", p.domain},
                      {"firstname", p.first},
                      {"lastname", p.last},
                      {"fullname", std::string(p.first) + " " + p.last},
                      {"internalemailaddress", std::string(p.domain) + "@contoso.com"},
                      {"businessunitid", make_lookup("businessunit", unit)},
                      {"securityroles", p.roles},
                      {"languagecode", p.lang},
                      {"isdisabled", false}}};
            stamp(r, a, t, false);
            store_.upsert(std::move(r));
            users_.push_back(User{id, unit, p.domain});
        }
        put("team", {{"name", "Support France"}, {"businessunitid", make_lookup("businessunit", bu_fr_)},
                     {"teamtype", 0}, {"members", "camille,alex"}}, a, t, false);
        put("team", {{"name", "Dukungan Indonesia"}, {"businessunitid", make_lookup("businessunit", bu_id_)},
                     {"teamtype", 0}, {"members", "dewi,budi"}}, a, t, false);

        auto queue = [&](const char* name, const char* desc, const char* email, const User& owner) {
            return put("queue", {{"name", name}, {"description", desc}, {"emailaddress", email}, {"queueviewtype", 0},
                                 {"businessunitid", make_lookup("businessunit", owner.bu)}, {"statecode", 0}, {"statuscode", 1}},
                       owner, t, true);
        };
        fr_queues_.push_back(queue("Gold", "Clients Gold : réponse sous une heure.", "gold@contoso.com", users_[1]));
        fr_queues_.push_back(queue("Silver", "Clients Silver : réponse sous quatre heures.", "silver@contoso.com", users_[1]));
        fr_queues_.push_back(queue("Tier 1 Support", "Support de premier niveau (France).", "support.fr@contoso.com", users_[1]));
        fr_queues_.push_back(queue("Tier 2 Support", "Support de second niveau : problèmes techniques.", "tier2@contoso.com", users_[0]));
        id_queues_.push_back(queue("Dukungan Indonesia", "Antrean dukungan pelanggan Indonesia.", "dukungan@contoso.co.id", users_[3]));
        id_queues_.push_back(queue("Dukungan Teknis", "Dukungan teknis tingkat dua.", "teknis@contoso.co.id", users_[3]));

        auto sla = [&](const char* name, int first_response, int resolve) {
            const std::string id = put("sla", {{"name", name}, {"objecttypecode", "incident"}, {"applicablefrom", "createdon"},
                                              {"isdefault", std::string(name) == "Standard SLA"}, {"allowpauseresume", true},
                                              {"statecode", 1}, {"statuscode", 2}},
                                       users_[0], t, true);
            put("slaitem", {{"name", "First Response By"}, {"slaid", make_lookup("sla", id)}, {"relatedfield", "firstresponsebykpiid"},
                            {"warnafter", first_response / 2}, {"failureafter", first_response}, {"sequencenumber", 1}},
                users_[0], t, false);
            put("slaitem", {{"name", "Resolve By"}, {"slaid", make_lookup("sla", id)}, {"relatedfield", "resolvebykpiid"},
                            {"warnafter", resolve * 3 / 4}, {"failureafter", resolve}, {"sequencenumber", 2}},
                users_[0], t, false);
            return id;
        };
        sla_standard_ = sla("Standard SLA", 240, 3 * 24 * 60);
        sla_gold_ = sla("Gold SLA", 60, 24 * 60);
    }

    void catalogue() {
        const TimestampMs t = setup_time();
        for (const char* s : {"Default Subject", "Billing", "Hardware", "Software", "Delivery", "Warranty"})
            subjects_.push_back(put("subject", {{"title", s}}, admin(), t, false));
        int n = 1;
        for (const char* p : kProducts) {
            char number[16];
            std::snprintf(number, sizeof number, "PRD-%04d", n++);
            products_.push_back(put("product", {{"name", p}, {"productnumber", number}}, admin(), t, false));
        }
        struct S { const char* name; const char* city; const char* country; int bu; };
        const S sites[] = {{"Paris HQ", "Paris", "France", 1}, {"Lyon Service Center", "Lyon", "France", 1},
                           {"Jakarta Office", "Jakarta", "Indonesia", 2}, {"Surabaya Depot", "Surabaya", "Indonesia", 2}};
        for (const auto& s : sites) {
            const std::string site = put("site", {{"name", s.name}, {"address1_city", s.city}, {"address1_country", s.country},
                                                  {"timezonecode", s.bu == 1 ? 105 : 205}},
                                         admin(), t, false);
            const std::string& unit = s.bu == 1 ? bu_fr_ : bu_id_;
            for (const char* e : {"Meeting Room", "Diagnostic Kit", "Service Van"})
                put("equipment", {{"name", std::string(e) + " — " + s.name}, {"siteid", make_lookup("site", site)},
                                  {"businessunitid", make_lookup("businessunit", unit)}, {"isdisabled", false}},
                    admin(), t, false);
        }
    }

    void knowledge() {
        struct A { const char* title; const char* content; const char* keywords; int lang; int state; int status; };
        const A articles[] = {
            {"Réinitialiser le mot de passe du portail",
             "<p>Pour réinitialiser votre mot de passe, ouvrez la page de connexion, sélectionnez « Mot de passe oublié » "
             "et suivez le lien reçu par courrier électronique. Le lien expire après 24 heures.</p>",
             "mot de passe, portail, connexion", 1036, 3, 7},
            {"Reset your portal password",
             "<p>To reset your password, open the sign-in page, select \"Forgot password\" and follow the link sent by "
             "email. The link expires after 24 hours.</p>",
             "password, portal, sign in", 1033, 3, 7},
            {"Mengatur ulang kata sandi portal",
             "<p>Untuk mengatur ulang kata sandi, buka halaman masuk, pilih \"Lupa kata sandi\" dan ikuti tautan yang "
             "dikirim melalui email. Tautan berlaku selama 24 jam.</p>",
             "kata sandi, portal, masuk", 1057, 3, 7},
            {"Détartrer la machine à café X200",
             "<p>Lorsque le voyant clignote en orange, lancez le programme de détartrage avec la solution fournie. "
             "Comptez 25 minutes. Une machine entartrée ne chauffe plus correctement.</p>",
             "café, détartrage, X200, chauffe", 1036, 3, 7},
            {"Descale the X200 coffee machine",
             "<p>When the light blinks orange, run the descaling program with the supplied solution. It takes 25 "
             "minutes. A scaled machine no longer heats properly.</p>",
             "coffee, descaling, X200, heating", 1033, 3, 7},
            {"Membersihkan kerak mesin kopi X200",
             "<p>Jika lampu berkedip oranye, jalankan program pembersihan kerak dengan larutan yang disediakan. "
             "Prosesnya sekitar 25 menit. Mesin yang berkerak tidak bisa panas dengan baik.</p>",
             "kopi, kerak, X200, panas", 1057, 3, 7},
            {"Bourrage papier sur LaserJet Pro 400",
             "<p>Ouvrez le capot avant, retirez la cartouche et tirez doucement la feuille coincée vers vous. "
             "Vérifiez que le papier n'est pas humide.</p>",
             "imprimante, bourrage, papier", 1036, 3, 7},
            {"Paper jam on the LaserJet Pro 400",
             "<p>Open the front cover, remove the cartridge and gently pull the jammed sheet towards you. Check that "
             "the paper is not damp.</p>",
             "printer, jam, paper", 1033, 3, 7},
            {"Warranty terms for hardware products",
             "<p>Hardware products carry a two-year warranty from the delivery date. Keep the invoice; damage caused "
             "by misuse is not covered.</p>",
             "warranty, hardware, invoice", 1033, 3, 7},
            {"Conditions de garantie (brouillon)", "<p>Brouillon en cours de révision.</p>", "garantie", 1036, 0, 2},
            {"Configure the Router AX3000 (old firmware)", "<p>Applies to firmware 1.x only.</p>", "router, firmware",
             1033, 4, 10},
            {"Kebijakan pengembalian dana", "<p>Pengembalian dana diproses dalam 14 hari kerja setelah barang diterima.</p>",
             "pengembalian dana, refund", 1057, 1, 5},
        };
        int n = 1;
        for (const auto& a : articles) {
            char number[16];
            std::snprintf(number, sizeof number, "KA-%05d", n++);
            const TimestampMs created = setup_time() + static_cast<TimestampMs>(pick(200)) * kDay;
            const User& owner = a.lang == 1057 ? users_[3] : a.lang == 1036 ? users_[1] : users_[2];
            Json attrs = {{"title", a.title}, {"content", a.content}, {"keywords", a.keywords},
                          {"articlepublicnumber", number}, {"languagecode", a.lang}, {"majorversionnumber", 1},
                          {"minorversionnumber", 0}, {"isinternal", false}, {"statecode", a.state},
                          {"statuscode", a.status}, {"subjectid", make_lookup("subject", subjects_[pick(subjects_.size())])},
                          {"knowledgearticleviews", static_cast<int>(pick(2000))},
                          {"rating", static_cast<double>(30 + pick(21)) / 10.0}};
            if (a.state == 3) attrs["publishon"] = at(created + kDay);
            articles_.push_back(put("knowledgearticle", std::move(attrs), owner, created, true));
        }
    }

    std::string company_name(Lang lang, std::size_t serial) {
        std::string name;
        switch (lang) {
            case Fr:
                if (chance(50))
                    name = std::string(any(kFrenchTrades)) + " " + any(kLast[Fr]);
                else
                    name = std::string(any(kLast[Fr])) + (chance(50) ? " & Fils" : " SAS");
                break;
            case En: name = std::string(any(kEnglishCompanies)) + " " + any(kCities[En]); break;
            case Id:
                if (chance(60))
                    name = std::string(chance(50) ? "PT " : "CV ") + any(kIndonesianWords) + " " + any(kIndonesianWords);
                else
                    name = std::string("Toko ") + any(kLast[Id]);
                break;
        }
        // Keeps names unique at every scale without looking machine-made at small ones.
        if (serial >= 40) name += " " + std::to_string(serial / 40 + 1);
        return name;
    }

    static std::string ascii_slug(const std::string& s) {
        std::string out;
        for (std::size_t i = 0; i < s.size(); ++i) {
            const unsigned char c = static_cast<unsigned char>(s[i]);
            if (c >= 'A' && c <= 'Z') out += static_cast<char>(c + 32);
            else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += static_cast<char>(c);
            else if (c == 0xC3 && i + 1 < s.size()) {  // é è ê ë à ç ï î ô ö û ü: keep the base letter
                const unsigned char d = static_cast<unsigned char>(s[++i]);
                if (d >= 0xA0 && d <= 0xA5) out += 'a';
                else if (d == 0xA7) out += 'c';
                else if (d >= 0xA8 && d <= 0xAB) out += 'e';
                else if (d >= 0xAC && d <= 0xAF) out += 'i';
                else if (d >= 0xB2 && d <= 0xB6) out += 'o';
                else if (d >= 0xB9 && d <= 0xBC) out += 'u';
                else if (d == 0x89) out += 'e';
            }
        }
        return out;
    }

    void customers() {
        std::size_t n_accounts = opt_.case_count / 20;
        if (n_accounts < 20) n_accounts = 20;
        if (n_accounts > 50000) n_accounts = 50000;
        for (std::size_t i = 0; i < n_accounts; ++i) {
            // Two thirds French BU (French and English companies), one third Indonesian.
            const bool france = i % 3 != 2;
            const Lang lang = france ? (chance(70) ? Fr : En) : (chance(85) ? Id : En);
            const std::string& unit = france ? bu_fr_ : bu_id_;
            const User& owner = user_of_bu(unit);
            const std::string name = company_name(lang, i);
            const char* city = france ? any(kCities[Fr]) : any(kCities[Id]);
            const std::string domain = ascii_slug(name).substr(0, 20) + (france ? ".fr" : ".co.id");
            const TimestampMs created = setup_time() + static_cast<TimestampMs>(pick(200)) * kDay;
            char phone[32];
            std::snprintf(phone, sizeof phone, france ? "+33 1 %02d %02d %02d %02d" : "+62 21 %04d %04d",
                          static_cast<int>(pick(100)), static_cast<int>(pick(100)), static_cast<int>(pick(100)),
                          static_cast<int>(pick(100)));
            static const int industries[] = {1, 7, 12, 19, 25, 29, 33};
            Json attrs = {{"name", name},
                          {"telephone1", phone},
                          {"emailaddress1", "contact@" + domain},
                          {"websiteurl", "https://www." + domain},
                          {"address1_city", city},
                          {"address1_country", france ? "France" : "Indonesia"},
                          {"industrycode", industries[pick(7)]},
                          {"numberofemployees", static_cast<int>(5 + pick(2000))},
                          {"revenue", static_cast<double>(100000 + pick(50000000))},
                          {"preferredcontactmethodcode", static_cast<int>(1 + pick(3))},
                          {"statecode", chance(95) ? 0 : 1}};
            attrs["statuscode"] = attrs["statecode"] == 0 ? 1 : 2;
            const std::string account = put("account", std::move(attrs), owner, created, true);
            // Two contacts per account; the first is the primary contact.
            std::string primary;
            for (int c = 0; c < 2; ++c) {
                const Lang cl = lang == En ? (france ? (chance(50) ? Fr : En) : Id) : lang;
                const std::string first = any(kFirst[cl]), last = any(kLast[cl]);
                const std::string contact = put(
                    "contact",
                    {{"firstname", first}, {"lastname", last}, {"fullname", first + " " + last},
                     {"jobtitle", cl == Fr ? (c == 0 ? "Directeur·rice des achats" : "Assistant·e") :
                                  cl == Id ? (c == 0 ? "Manajer Pembelian" : "Staf Administrasi") :
                                             (c == 0 ? "Purchasing Manager" : "Office Assistant")},
                     {"emailaddress1", ascii_slug(first) + "." + ascii_slug(last) + "@" + domain},
                     {"telephone1", phone},
                     {"parentcustomerid", make_lookup("account", account)},
                     {"address1_city", city},
                     {"preferredlanguagecode", cl == Fr ? 1036 : cl == Id ? 1057 : 1033},
                     {"statecode", 0}, {"statuscode", 1}},
                    owner, created + kDay, true);
                if (c == 0) primary = contact;
                contacts_.push_back(Customer{contact, "contact", contact, unit, cl});
            }
            Record acc = *store_.find("account", account);
            acc.attributes["primarycontactid"] = make_lookup("contact", primary);
            store_.upsert(std::move(acc));
            accounts_.push_back(Customer{account, "account", primary, unit, lang});

            if (i == 0) gold_account_ = account;
            if (i < 200 || i % 25 == 0) entitlement(accounts_.back(), i == 0, owner, created);
            if (i < 60 && i % 3 == 0) social_profile(contacts_[contacts_.size() - 2], owner, created);
        }
    }

    void entitlement(const Customer& c, bool gold, const User& owner, TimestampMs created) {
        const double total = gold ? 20 : static_cast<double>(5 + pick(20));
        const double remaining = gold ? 15 : static_cast<double>(pick(static_cast<std::size_t>(total) + 1));
        const std::string id = put(
            "entitlement",
            {{"name", gold ? "Gold Support" : (chance(50) ? "Silver Support" : "Standard Support")},
             {"customerid", make_lookup("account", c.id)}, {"contactid", make_lookup("contact", c.contact_id)},
             {"startdate", at(opt_.now_ms - 200 * kDay)}, {"enddate", at(opt_.now_ms + 165 * kDay)},
             {"allocationtypecode", 0}, {"decreaseremainingon", 0}, {"totalterms", total},
             {"remainingterms", remaining}, {"restrictcasecreation", gold}, {"isdefault", true},
             {"slaid", make_lookup("sla", gold ? sla_gold_ : sla_standard_)}, {"statecode", 0}, {"statuscode", 1}},
            owner, created, true);
        if (gold) gold_entitlement_ = id;
    }

    void social_profile(const Customer& contact, const User& owner, TimestampMs created) {
        const Record* c = store_.find("contact", contact.id);
        const std::string handle = "@" + ascii_slug(c->attributes["firstname"].get<std::string>()) +
                                   ascii_slug(c->attributes["lastname"].get<std::string>());
        const int community = chance(50) ? 2 : 1;
        const std::string profile = put(
            "socialprofile",
            {{"profilename", handle}, {"profilefullname", c->attributes["fullname"]},
             {"customerid", make_lookup("contact", contact.id)}, {"community", community},
             {"profilelink", (community == 2 ? "https://twitter.com/" : "https://facebook.com/") + handle.substr(1)},
             {"uniqueprofileid", std::to_string(next() % 1000000000ULL)}, {"blocked", false},
             {"influencescore", static_cast<double>(pick(100))}, {"followers", static_cast<int>(pick(5000))},
             {"statecode", 0}, {"statuscode", 1}},
            owner, created, true);
        put("socialactivity",
            {{"subject", contact.lang == Fr ? "Message sur les réseaux sociaux" : contact.lang == Id ? "Pesan media sosial" : "Social media post"},
             {"community", community}, {"postfromprofileid", make_lookup("socialprofile", profile)},
             {"regardingobjectid", make_lookup("contact", contact.id)}, {"sentimentvalue", static_cast<double>(pick(11)) - 5.0},
             {"directioncode", false}, {"statecode", 1}, {"statuscode", 2}, {"prioritycode", 1}},
            owner, created + kDay, true);
    }

    std::string case_title(Lang lang) {
        std::string t = any(kTitles[lang]);
        const auto p = t.find("{p}");
        if (p != std::string::npos) t.replace(p, 3, any(kProducts));
        return t;
    }

    void cases() {
        const std::size_t n = opt_.case_count;
        for (std::size_t i = 0; i < n; ++i) {
            const bool on_contact = chance(15);
            const Customer& c = on_contact ? contacts_[pick(contacts_.size())] : accounts_[pick(accounts_.size())];
            const User& owner = user_of_bu(c.bu);
            // Older cases are more often closed; spread over the last 180 days.
            const TimestampMs age = static_cast<TimestampMs>(pick(180 * 24 * 60)) * kMinute;
            const TimestampMs created = opt_.now_ms - age;
            const int roll = static_cast<int>(pick(100));
            const bool old = age > 14 * kDay;
            int state = 0, status = static_cast<int>(1 + pick(4));
            if (old ? roll < 70 : roll < 20) { state = 1; status = chance(80) ? 5 : 1000; }
            else if (old ? roll < 82 : roll < 25) { state = 2; status = chance(90) ? 6 : 2000; }
            const bool gold = c.id == gold_account_;
            const std::string title = case_title(c.lang);
            const Record* contact = store_.find("contact", c.contact_id);
            const std::string contact_name = contact ? contact->attributes["fullname"].get<std::string>() : std::string();
            const TimestampMs modified = state == 0 ? created + static_cast<TimestampMs>(pick(static_cast<std::size_t>(age / kMinute) + 1)) * kMinute
                                                    : created + static_cast<TimestampMs>(1 + pick(7 * 24 * 60)) * kMinute;
            const TimestampMs modified_capped = modified > opt_.now_ms ? opt_.now_ms : modified;
            Json a = {{"title", title},
                      {"ticketnumber", make_ticket_number(i + 1, make_ticket_suffix(next()))},
                      {"customerid", make_lookup(c.entity, c.id)},
                      {"prioritycode", static_cast<int>(chance(20) ? 1 : chance(70) ? 2 : 3)},
                      {"caseorigincode", std::array<int, 6>{1, 2, 3, 2483, 3986, 1}[pick(6)]},
                      {"casetypecode", static_cast<int>(1 + pick(3))},
                      {"statecode", state},
                      {"statuscode", status}};
            if (i < opt_.detailed_case_limit || chance(10)) {
                a["description"] = (contact_name.empty() ? std::string() : contact_name + " : ") + title + ". " +
                                   any(kDetails[c.lang]);
            }
            // Beyond the detailed cases, lean ones: a JSON record costs ~250 bytes per
            // lookup, and a million cases must fit in a browser tab's memory.
            const bool detailed = i < opt_.detailed_case_limit;
            if (!on_contact && contact && detailed) a["primarycontactid"] = make_lookup("contact", c.contact_id);
            if (detailed && chance(60)) a["subjectid"] = make_lookup("subject", subjects_[pick(subjects_.size())]);
            if (detailed && chance(50)) a["productid"] = make_lookup("product", products_[pick(products_.size())]);
            if (gold && !gold_entitlement_.empty()) a["entitlementid"] = make_lookup("entitlement", gold_entitlement_);
            if (detailed || gold) {
                a["slaid"] = make_lookup("sla", gold ? sla_gold_ : sla_standard_);
                a["responseby"] = at(created + (gold ? kHour : 4 * kHour));
                a["resolveby"] = at(created + (gold ? kDay : 3 * kDay));
                a["firstresponsesent"] = state != 0 || chance(60);
            }
            if (state == 0 && chance(8)) { a["isescalated"] = true; a["escalatedon"] = at(modified_capped); }
            if (state == 1 && detailed) {
                a["resolvedon"] = at(modified_capped);
                if (i < opt_.detailed_case_limit)
                    a["resolution"] = c.lang == Fr ? "Problème résolu avec le client." : c.lang == Id ? "Masalah diselesaikan bersama pelanggan." : "Resolved with the customer.";
                a["customersatisfactioncode"] = static_cast<int>(1 + pick(5));
            }
            Record r{"incident", new_id(), std::move(a)};
            stamp(r, owner, created, true);
            r.attributes["modifiedon"] = at(modified_capped);
            const std::string case_id = r.id;
            store_.upsert(std::move(r));

            if (state == 0 && chance(35)) {
                const auto& queues = c.bu == bu_fr_ ? fr_queues_ : id_queues_;
                const std::string& queue = gold ? fr_queues_[0] : queues[pick(queues.size())];
                Json qi = {{"title", title}, {"queueid", make_lookup("queue", queue)},
                           {"objectid", make_lookup("incident", case_id)}, {"enteredon", at(created)},
                           {"priority", 1}, {"statecode", 0}, {"statuscode", 1}};
                if (chance(50)) {
                    qi["workerid"] = make_lookup("systemuser", owner.id);
                    qi["workeridmodifiedon"] = at(modified_capped);
                }
                put("queueitem", std::move(qi), owner, created, true);
            }
            if (i < opt_.detailed_case_limit) details(case_id, c, owner, created, state, title);
            if (i < 2000 && chance(5)) {
                // The CSR manager follows a few French cases; Dewi some Indonesian ones.
                const User& follower = c.bu == bu_fr_ ? users_[1] : users_[3];
                put("postfollow", {{"regardingobjectid", make_lookup("incident", case_id)}}, follower, created, true);
            }
        }
    }

    void details(const std::string& case_id, const Customer& c, const User& owner, TimestampMs created, int state,
                 const std::string& title) {
        const Lang lang = c.lang;
        const Json regarding = make_lookup("incident", case_id);
        // A phone call or email opened the case; a follow-up task for about half.
        if (chance(50)) {
            put("phonecall",
                {{"subject", lang == Fr ? "Appel : " + title : lang == Id ? "Panggilan: " + title : "Call: " + title},
                 {"regardingobjectid", regarding}, {"phonenumber", "+33 1 00 00 00 00"}, {"directioncode", false},
                 {"actualdurationminutes", static_cast<int>(2 + pick(30))}, {"scheduledend", at(created)},
                 {"statecode", 1}, {"statuscode", 4}, {"prioritycode", 1}},
                owner, created, true);
        } else {
            put("email",
                {{"subject", title}, {"regardingobjectid", regarding}, {"sender", "client@example.com"},
                 {"torecipients", "support@contoso.com"}, {"directioncode", false},
                 {"description", any(kDetails[lang])}, {"scheduledend", at(created)},
                 {"statecode", 1}, {"statuscode", 4}, {"prioritycode", 1}},
                owner, created, true);
        }
        if (chance(50)) {
            const bool open = state == 0 && chance(80);
            const TimestampMs due = created + static_cast<TimestampMs>(1 + pick(10)) * kDay;
            put("task",
                {{"subject", any(kTaskSubjects[lang])}, {"regardingobjectid", regarding},
                 {"scheduledend", at(due)}, {"scheduledstart", at(created)},
                 {"statecode", open ? 0 : 1}, {"statuscode", open ? 2 : 5},
                 {"prioritycode", static_cast<int>(pick(3))}, {"percentcomplete", open ? 0 : 100},
                 {"actualdurationminutes", static_cast<int>(15 * (1 + pick(4)))}},
                owner, created, true);
        }
        if (state == 0 && chance(10)) {
            const TimestampMs start = opt_.now_ms + static_cast<TimestampMs>(1 + pick(14)) * kDay + 9 * kHour;
            put("appointment",
                {{"subject", lang == Fr ? "Intervention sur site" : lang == Id ? "Kunjungan ke lokasi" : "On-site visit"},
                 {"regardingobjectid", regarding}, {"location", any(kCities[lang])},
                 {"scheduledstart", at(start - start % kHour)}, {"scheduledend", at(start - start % kHour + 2 * kHour)},
                 {"scheduleddurationminutes", 120}, {"isalldayevent", false}, {"statecode", 3}, {"statuscode", 5},
                 {"prioritycode", 1}},
                owner, created, true);
        }
        if (chance(30)) {
            put("annotation",
                {{"subject", lang == Fr ? "Note interne" : lang == Id ? "Catatan internal" : "Internal note"},
                 {"notetext", any(kDetails[lang])}, {"objectid", regarding}, {"isdocument", false}},
                owner, created + kHour, true);
        }
        if (chance(10)) {
            put("knowledgearticleincident",
                {{"knowledgearticleid", make_lookup("knowledgearticle", articles_[pick(articles_.size())])},
                 {"incidentid", regarding}, {"issent", chance(50)}},
                owner, created + kHour, true);
        }
        if (state == 0) {
            const TimestampMs first_fail = created + 4 * kHour, resolve_fail = created + 3 * kDay;
            auto kpi = [&](const char* name, TimestampMs fail, int status) {
                Json k = {{"name", name}, {"regarding", regarding}, {"status", status},
                          {"failuretime", at(fail)}, {"warningtime", at(fail - (fail - created) / 4)}};
                if (status == 4) k["succeededon"] = at(created + kHour);
                return put("slakpiinstance", std::move(k), owner, created, true);
            };
            const std::string first = kpi("First Response By", first_fail, first_fail < opt_.now_ms ? (chance(80) ? 4 : 1) : 0);
            const std::string resolve = kpi("Resolve By", resolve_fail, resolve_fail < opt_.now_ms ? 1 : (resolve_fail - 18 * kHour < opt_.now_ms ? 2 : 0));
            Record r = *store_.find("incident", case_id);
            r.attributes["firstresponsebykpiid"] = make_lookup("slakpiinstance", first);
            r.attributes["resolvebykpiid"] = make_lookup("slakpiinstance", resolve);
            store_.upsert(std::move(r));
        }
    }
};

}  // namespace

void generate_demo_data(const DemoOptions& options, Store& store) { Generator(options, store).run(); }

const Record* find_user_by_domainname(const Store& store, const std::string& domainname) {
    const Record* found = nullptr;
    store.for_each("systemuser", [&](const Record& r) {
        const Json* d = r.get("domainname");
        if (!found && d && d->is_string() && d->get_ref<const std::string&>() == domainname) found = &r;
    });
    return found;
}

}  // namespace casehub
