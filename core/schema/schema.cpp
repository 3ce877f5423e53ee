// The built-in CaseHub schema (Dataverse logical names, states and status reasons as
// Dataverse ships them) and its JSON form. The JSON readers never throw: malformed
// input yields defaults, and parse_schema reports what is missing.
#include "core/schema/schema.hpp"

#include <algorithm>
#include <utility>

namespace casehub {

const std::string& Label::in(std::string_view language) const {
    if (language == "fr" && !fr.empty()) return fr;
    if (language == "id" && !id.empty()) return id;
    return en;
}

namespace {
constexpr std::pair<AttributeType, std::string_view> kTypeNames[] = {
    {AttributeType::String, "string"},   {AttributeType::Memo, "memo"},
    {AttributeType::Integer, "int"},     {AttributeType::Decimal, "decimal"},
    {AttributeType::Money, "money"},     {AttributeType::Boolean, "bool"},
    {AttributeType::DateTime, "datetime"}, {AttributeType::OptionSet, "optionset"},
    {AttributeType::StateCode, "state"},     {AttributeType::StatusCode, "status"},
    {AttributeType::Lookup, "lookup"},   {AttributeType::Customer, "customer"},
    {AttributeType::Owner, "owner"},
};
}  // namespace

std::string_view to_string(AttributeType type) {
    for (const auto& [t, n] : kTypeNames)
        if (t == type) return n;
    return "string";
}

bool parse_attribute_type(std::string_view name, AttributeType& out) {
    for (const auto& [t, n] : kTypeNames)
        if (n == name) { out = t; return true; }
    return false;
}

namespace {
constexpr std::pair<FieldGuard, std::string_view> kGuardNames[] = {
    {FieldGuard::none, "none"},     {FieldGuard::stamped, "stamped"},
    {FieldGuard::state, "state"},   {FieldGuard::owner, "owner"},
    {FieldGuard::owner_business_unit, "owner_business_unit"},
    {FieldGuard::unique_number, "unique_number"},
    {FieldGuard::sla, "sla"},       {FieldGuard::system, "system"},
};
}  // namespace

std::string_view to_string(FieldGuard guard) {
    for (const auto& [g, n] : kGuardNames)
        if (g == guard) return n;
    return "none";
}

bool parse_field_guard(std::string_view name, FieldGuard& out) {
    for (const auto& [g, n] : kGuardNames)
        if (n == name) { out = g; return true; }
    return false;
}

bool is_editable_on_forms(const AttributeDef& a) {
    if (a.system) return false;
    if (a.guard == FieldGuard::none) return true;
    return a.guard == FieldGuard::state && a.type == AttributeType::StatusCode;
}

bool is_lookup_type(AttributeType type) {
    return type == AttributeType::Lookup || type == AttributeType::Customer || type == AttributeType::Owner;
}

const OptionValue* AttributeDef::option(int value) const {
    for (const auto& o : options)
        if (o.value == value) return &o;
    return nullptr;
}

const AttributeDef* EntityDef::attribute(std::string_view logical_name) const {
    for (const auto& a : attributes)
        if (a.name == logical_name) return &a;
    return nullptr;
}

const OptionValue* EntityDef::state(int value) const {
    for (const auto& s : states)
        if (s.value == value) return &s;
    return nullptr;
}

const OptionValue* EntityDef::status(int value) const {
    for (const auto& s : statuses)
        if (s.value == value) return &s;
    return nullptr;
}

const EntityDef* Schema::entity(std::string_view logical_name) const {
    auto it = std::lower_bound(entities.begin(), entities.end(), logical_name,
                               [](const EntityDef& e, std::string_view n) { return e.name < n; });
    return it != entities.end() && it->name == logical_name ? &*it : nullptr;
}

void Schema::add_entity(EntityDef def) {
    auto it = std::lower_bound(entities.begin(), entities.end(), def.name,
                               [](const EntityDef& e, const std::string& n) { return e.name < n; });
    if (it != entities.end() && it->name == def.name)
        *it = std::move(def);
    else
        entities.insert(it, std::move(def));
}

std::string primary_name_of(const Schema& schema, const Record& record) {
    const EntityDef* def = schema.entity(record.entity);
    if (!def || def->primary_name.empty()) return {};
    const Json* v = record.get(def->primary_name);
    return v && v->is_string() ? v->get<std::string>() : std::string();
}

// ---------------------------------------------------------------------------------
// The built-in schema.
namespace {

using Options = std::vector<OptionValue>;

OptionValue opt(int value, const char* en, const char* fr, const char* id, int state = -1) {
    return OptionValue{value, Label{en, fr, id}, state};
}

struct EntityBuilder {
    EntityDef def;

    EntityBuilder(const char* name, Label label, Label plural, const char* primary, bool owned) {
        def.name = name;
        def.label = std::move(label);
        def.plural = std::move(plural);
        def.primary_name = primary;
        def.user_owned = owned;
    }
    AttributeDef& add(const char* name, AttributeType type, Label label) {
        AttributeDef a;
        a.name = name;
        a.type = type;
        a.label = std::move(label);
        if (type == AttributeType::String) a.max_length = 200;
        if (type == AttributeType::Memo) a.max_length = 100000;
        if (type == AttributeType::Customer) a.targets = {"account", "contact"};
        if (type == AttributeType::Owner) a.targets = {"systemuser", "team"};
        def.attributes.push_back(std::move(a));
        return def.attributes.back();
    }
    EntityBuilder& str(const char* name, Label label, bool required = false, std::size_t max = 200) {
        add(name, AttributeType::String, std::move(label)).required = required;
        def.attributes.back().max_length = max;
        return *this;
    }
    EntityBuilder& memo(const char* name, Label label) {
        add(name, AttributeType::Memo, std::move(label));
        return *this;
    }
    EntityBuilder& integer(const char* name, Label label) {
        add(name, AttributeType::Integer, std::move(label));
        return *this;
    }
    EntityBuilder& decimal(const char* name, Label label) {
        add(name, AttributeType::Decimal, std::move(label));
        return *this;
    }
    EntityBuilder& money(const char* name, Label label) {
        add(name, AttributeType::Money, std::move(label));
        return *this;
    }
    EntityBuilder& boolean(const char* name, Label label) {
        add(name, AttributeType::Boolean, std::move(label));
        return *this;
    }
    EntityBuilder& datetime(const char* name, Label label) {
        add(name, AttributeType::DateTime, std::move(label));
        return *this;
    }
    EntityBuilder& options(const char* name, Label label, Options values) {
        add(name, AttributeType::OptionSet, std::move(label)).options = std::move(values);
        return *this;
    }
    EntityBuilder& lookup(const char* name, Label label, std::vector<std::string> targets, bool required = false) {
        auto& a = add(name, AttributeType::Lookup, std::move(label));
        a.targets = std::move(targets);
        a.required = required;
        return *this;
    }
    EntityBuilder& customer(const char* name, Label label, bool required = false) {
        add(name, AttributeType::Customer, std::move(label)).required = required;
        return *this;
    }
    // The field rule of an attribute already added (see FieldGuard).
    EntityBuilder& guard(const char* name, FieldGuard g) {
        for (auto& a : def.attributes)
            if (a.name == name) a.guard = g;
        return *this;
    }
    EntityBuilder& required(const char* name) {
        for (auto& a : def.attributes)
            if (a.name == name) a.required = true;
        return *this;
    }
    // statecode/statuscode with their values; transitions between states as data.
    EntityBuilder& state_model(Options states, Options statuses, std::vector<StateTransition> transitions,
                               int default_state, int default_status) {
        auto& sc = add("statecode", AttributeType::StateCode, Label{"Status", "Statut", "Status"});
        sc.options = states;
        sc.guard = FieldGuard::state;
        // A status reason of the same state is an edit; one of another state is a state change.
        auto& st = add("statuscode", AttributeType::StatusCode, Label{"Status Reason", "Raison du statut", "Alasan Status"});
        st.options = statuses;
        st.guard = FieldGuard::state;
        def.states = std::move(states);
        def.statuses = std::move(statuses);
        def.transitions = std::move(transitions);
        def.default_state = default_state;
        def.default_status = default_status;
        return *this;
    }
    EntityDef build() {
        // Every entity carries the audit columns; owned ones the owner and its BU.
        auto& c1 = add("createdon", AttributeType::DateTime, Label{"Created On", "Date de création", "Dibuat Pada"});
        c1.system = true;
        c1.guard = FieldGuard::stamped;
        auto& c2 = add("modifiedon", AttributeType::DateTime, Label{"Modified On", "Modifié le", "Diubah Pada"});
        c2.system = true;
        c2.guard = FieldGuard::stamped;
        auto& c3 = add("createdby", AttributeType::Lookup, Label{"Created By", "Créé par", "Dibuat Oleh"});
        c3.system = true;
        c3.guard = FieldGuard::stamped;
        c3.targets = {"systemuser"};
        auto& c4 = add("modifiedby", AttributeType::Lookup, Label{"Modified By", "Modifié par", "Diubah Oleh"});
        c4.system = true;
        c4.guard = FieldGuard::stamped;
        c4.targets = {"systemuser"};
        if (def.user_owned) {
            add("ownerid", AttributeType::Owner, Label{"Owner", "Propriétaire", "Pemilik"}).guard = FieldGuard::owner;
            auto& bu = add("owningbusinessunit", AttributeType::Lookup,
                           Label{"Owning Business Unit", "Division propriétaire", "Unit Bisnis Pemilik"});
            bu.system = true;
            bu.guard = FieldGuard::owner_business_unit;
            bu.targets = {"businessunit"};
        }
        return std::move(def);
    }
};

// Active/Inactive, the most common Dataverse state model.
void active_inactive(EntityBuilder& b) {
    b.state_model({opt(0, "Active", "Actif", "Aktif"), opt(1, "Inactive", "Inactif", "Tidak Aktif")},
                  {opt(1, "Active", "Actif", "Aktif", 0), opt(2, "Inactive", "Inactif", "Tidak Aktif", 1)},
                  {{0, 1}, {1, 0}}, 0, 1);
}

Options case_priorities() {
    return {opt(1, "High", "Élevée", "Tinggi"), opt(2, "Normal", "Normale", "Normal"),
            opt(3, "Low", "Faible", "Rendah")};
}

Options activity_priorities() {
    return {opt(0, "Low", "Faible", "Rendah"), opt(1, "Normal", "Normale", "Normal"),
            opt(2, "High", "Élevée", "Tinggi")};
}

Options contact_methods() {
    return {opt(1, "Any", "Tous", "Apa saja"), opt(2, "Email", "Courrier électronique", "Email"),
            opt(3, "Phone", "Téléphone", "Telepon"), opt(4, "Fax", "Télécopie", "Faks"),
            opt(5, "Mail", "Courrier", "Surat")};
}

Options communities() {
    return {opt(0, "Other", "Autre", "Lainnya"), opt(1, "Facebook", "Facebook", "Facebook"),
            opt(2, "Twitter", "Twitter", "Twitter")};
}

const std::vector<std::string> kRegardingTargets = {"account", "contact", "incident", "knowledgearticle",
                                                    "entitlement", "queue"};
const std::vector<std::string> kActivityEntities = {"email", "task", "phonecall", "appointment",
                                                    "socialactivity"};

// Fields every activity shares (Dataverse's activitypointer columns).
EntityBuilder activity(const char* name, Label label, Label plural) {
    EntityBuilder b(name, std::move(label), std::move(plural), "subject", true);
    b.str("subject", {"Subject", "Objet", "Subjek"}, true)
        .memo("description", {"Description", "Description", "Deskripsi"})
        .lookup("regardingobjectid", {"Regarding", "Concernant", "Terkait"}, kRegardingTargets)
        .datetime("scheduledstart", {"Start Date", "Date de début", "Tanggal Mulai"})
        .datetime("scheduledend", {"Due Date", "Date d'échéance", "Tanggal Jatuh Tempo"})
        .datetime("actualstart", {"Actual Start", "Début réel", "Mulai Aktual"})
        .datetime("actualend", {"Actual End", "Fin réelle", "Selesai Aktual"})
        .integer("actualdurationminutes", {"Duration", "Durée", "Durasi"})
        .integer("scheduleddurationminutes", {"Scheduled Duration", "Durée prévue", "Durasi Terjadwal"})
        .options("prioritycode", {"Priority", "Priorité", "Prioritas"}, activity_priorities());
    return b;
}

std::vector<StateTransition> activity_transitions() { return {{0, 1}, {0, 2}}; }

EntityDef make_account() {
    EntityBuilder b("account", {"Account", "Compte", "Akun"}, {"Accounts", "Comptes", "Akun"}, "name", true);
    b.str("name", {"Account Name", "Nom du compte", "Nama Akun"}, true, 160)
        .str("accountnumber", {"Account Number", "Numéro de compte", "Nomor Akun"}, false, 20)
        .str("telephone1", {"Main Phone", "Téléphone principal", "Telepon Utama"}, false, 50)
        .str("emailaddress1", {"Email", "Courrier électronique", "Email"}, false, 100)
        .str("websiteurl", {"Website", "Site web", "Situs Web"})
        .str("address1_line1", {"Street", "Rue", "Jalan"}, false, 250)
        .str("address1_city", {"City", "Ville", "Kota"}, false, 80)
        .str("address1_postalcode", {"ZIP/Postal Code", "Code postal", "Kode Pos"}, false, 20)
        .str("address1_country", {"Country/Region", "Pays/région", "Negara/Wilayah"}, false, 80)
        .options("industrycode", {"Industry", "Secteur d'activité", "Industri"},
                 {opt(1, "Accounting", "Comptabilité", "Akuntansi"),
                  opt(7, "Consulting", "Conseil", "Konsultasi"),
                  opt(12, "Financial", "Finance", "Keuangan"),
                  opt(19, "Manufacturing", "Industrie", "Manufaktur"),
                  opt(25, "Retail", "Commerce de détail", "Ritel"),
                  opt(29, "Telecommunications", "Télécommunications", "Telekomunikasi"),
                  opt(33, "Transportation", "Transport", "Transportasi")})
        .lookup("primarycontactid", {"Primary Contact", "Contact principal", "Kontak Utama"}, {"contact"})
        .lookup("parentaccountid", {"Parent Account", "Compte parent", "Akun Induk"}, {"account"})
        .memo("description", {"Description", "Description", "Deskripsi"})
        .money("revenue", {"Annual Revenue", "Chiffre d'affaires annuel", "Pendapatan Tahunan"})
        .integer("numberofemployees", {"Number of Employees", "Nombre d'employés", "Jumlah Karyawan"})
        .options("preferredcontactmethodcode", {"Preferred Method of Contact", "Mode de contact préféré",
                                                "Metode Kontak Pilihan"}, contact_methods());
    active_inactive(b);
    return b.build();
}

EntityDef make_contact() {
    EntityBuilder b("contact", {"Contact", "Contact", "Kontak"}, {"Contacts", "Contacts", "Kontak"}, "fullname", true);
    b.str("firstname", {"First Name", "Prénom", "Nama Depan"}, false, 50)
        .str("lastname", {"Last Name", "Nom", "Nama Belakang"}, true, 50)
        .str("fullname", {"Full Name", "Nom complet", "Nama Lengkap"}, false, 160)
        .str("jobtitle", {"Job Title", "Fonction", "Jabatan"}, false, 100)
        .str("emailaddress1", {"Email", "Courrier électronique", "Email"}, false, 100)
        .str("telephone1", {"Business Phone", "Téléphone professionnel", "Telepon Kantor"}, false, 50)
        .str("mobilephone", {"Mobile Phone", "Téléphone mobile", "Ponsel"}, false, 50)
        .customer("parentcustomerid", {"Company Name", "Nom de la société", "Nama Perusahaan"})
        .str("address1_city", {"City", "Ville", "Kota"}, false, 80)
        .str("address1_country", {"Country/Region", "Pays/région", "Negara/Wilayah"}, false, 80)
        .options("preferredcontactmethodcode", {"Preferred Method of Contact", "Mode de contact préféré",
                                                "Metode Kontak Pilihan"}, contact_methods())
        .options("preferredlanguagecode", {"Preferred Language", "Langue préférée", "Bahasa Pilihan"},
                 {opt(1033, "English", "Anglais", "Inggris"), opt(1036, "French", "Français", "Prancis"),
                  opt(1057, "Indonesian", "Indonésien", "Indonesia")})
        .datetime("birthdate", {"Birthday", "Anniversaire", "Tanggal Lahir"})
        .memo("description", {"Description", "Description", "Deskripsi"});
    active_inactive(b);
    return b.build();
}

EntityDef make_incident() {
    EntityBuilder b("incident", {"Case", "Incident", "Kasus"}, {"Cases", "Incidents", "Kasus"}, "title", true);
    b.str("title", {"Case Title", "Titre de l'incident", "Judul Kasus"}, true, 200)
        .str("ticketnumber", {"Case Number", "Numéro de l'incident", "Nomor Kasus"}, false, 100)
        .memo("description", {"Description", "Description", "Deskripsi"})
        .customer("customerid", {"Customer", "Client", "Pelanggan"}, true)
        .lookup("primarycontactid", {"Contact", "Contact", "Kontak"}, {"contact"})
        .options("prioritycode", {"Priority", "Priorité", "Prioritas"}, case_priorities())
        .options("caseorigincode", {"Origin", "Origine", "Asal"},
                 {opt(1, "Phone", "Téléphone", "Telepon"), opt(2, "Email", "Courrier électronique", "Email"),
                  opt(3, "Web", "Web", "Web"), opt(2483, "Facebook", "Facebook", "Facebook"),
                  opt(3986, "Twitter", "Twitter", "Twitter"), opt(700610000, "IoT", "IoT", "IoT")})
        .options("casetypecode", {"Case Type", "Type d'incident", "Jenis Kasus"},
                 {opt(1, "Question", "Question", "Pertanyaan"), opt(2, "Problem", "Problème", "Masalah"),
                  opt(3, "Request", "Demande", "Permintaan")})
        .options("severitycode", {"Severity", "Gravité", "Tingkat Keparahan"}, {opt(1, "Default Value", "Valeur par défaut", "Nilai Default")})
        .options("customersatisfactioncode", {"Satisfaction", "Satisfaction", "Kepuasan"},
                 {opt(5, "Very Satisfied", "Très satisfait", "Sangat Puas"), opt(4, "Satisfied", "Satisfait", "Puas"),
                  opt(3, "Neutral", "Neutre", "Netral"), opt(2, "Dissatisfied", "Insatisfait", "Tidak Puas"),
                  opt(1, "Very Dissatisfied", "Très insatisfait", "Sangat Tidak Puas")})
        .lookup("parentcaseid", {"Parent Case", "Incident parent", "Kasus Induk"}, {"incident"})
        .lookup("masterid", {"Master Case", "Incident principal", "Kasus Master"}, {"incident"})
        .lookup("entitlementid", {"Entitlement", "Droit", "Hak"}, {"entitlement"})
        // Set with entitlementid by a CSR Manager or administrator to use an expired, not yet
        // active or exhausted entitlement; consumed by the entitlement rule, never stored.
        .boolean("casehub_overrideentitlement", {"Override Entitlement Restrictions", "Ignorer les restrictions du droit",
                                                 "Abaikan Batasan Hak"})
        // What resolving took from the entitlement, so reactivating gives back exactly that.
        .decimal("casehub_entitlementtermsused", {"Entitlement Terms Used", "Conditions du droit utilisées",
                                                  "Ketentuan Hak Terpakai"})
        .lookup("subjectid", {"Subject", "Sujet", "Subjek"}, {"subject"})
        .lookup("productid", {"Product", "Produit", "Produk"}, {"product"})
        .str("productserialnumber", {"Serial Number", "Numéro de série", "Nomor Seri"}, false, 100)
        .lookup("slaid", {"SLA", "Contrat SLA", "SLA"}, {"sla"})
        .lookup("firstresponsebykpiid", {"First Response By KPI", "ICP Première réponse avant le", "KPI Respons Pertama"}, {"slakpiinstance"})
        .lookup("resolvebykpiid", {"Resolve By KPI", "ICP Résoudre avant le", "KPI Diselesaikan Sebelum"}, {"slakpiinstance"})
        .datetime("responseby", {"First Response By", "Première réponse avant le", "Respons Pertama Sebelum"})
        .datetime("resolveby", {"Resolve By", "Résoudre avant le", "Diselesaikan Sebelum"})
        .datetime("followupby", {"Follow Up By", "Suivi avant le", "Tindak Lanjut Sebelum"})
        .boolean("firstresponsesent", {"First Response Sent", "Première réponse envoyée", "Respons Pertama Dikirim"})
        .boolean("isescalated", {"Is Escalated", "Est remonté", "Dieskalasi"})
        .datetime("escalatedon", {"Escalated On", "Remonté le", "Dieskalasi Pada"})
        .lookup("socialprofileid", {"Social Profile", "Profil social", "Profil Sosial"}, {"socialprofile"})
        .memo("resolution", {"Resolution", "Résolution", "Resolusi"})
        .datetime("resolvedon", {"Resolved On", "Résolu le", "Diselesaikan Pada"})
        // Set on create: the routing rules route the new case (see routing_rules.hpp).
        .boolean("routecase", {"Route Case", "Acheminer l'incident", "Rutekan Kasus"});
    // Field rules: the number is the case's identity; the SLA engine keeps the timers and
    // the deadlines it mirrors; closing sets resolvedon; the entitlement rule its terms.
    b.guard("ticketnumber", FieldGuard::unique_number)
        .guard("resolvedon", FieldGuard::state)
        .guard("casehub_entitlementtermsused", FieldGuard::system);
    for (const char* sla : {"slaid", "firstresponsebykpiid", "resolvebykpiid", "responseby", "resolveby",
                            "firstresponsesent"})
        b.guard(sla, FieldGuard::sla);
    b.state_model({opt(0, "Active", "Actif", "Aktif"), opt(1, "Resolved", "Résolu", "Diselesaikan"),
                   opt(2, "Canceled", "Annulé", "Dibatalkan")},
                  {opt(1, "In Progress", "En cours", "Sedang Berlangsung", 0),
                   opt(2, "On Hold", "En attente", "Ditahan", 0),
                   opt(3, "Waiting for Details", "En attente de détails", "Menunggu Detail", 0),
                   opt(4, "Researching", "Recherche en cours", "Sedang Diteliti", 0),
                   opt(5, "Problem Solved", "Problème résolu", "Masalah Terselesaikan", 1),
                   opt(1000, "Information Provided", "Informations fournies", "Informasi Diberikan", 1),
                   opt(6, "Canceled", "Annulé", "Dibatalkan", 2), opt(2000, "Merged", "Fusionné", "Digabung", 2)},
                  {{0, 1}, {0, 2}, {1, 0}, {2, 0}}, 0, 1);
    return b.build();
}

EntityDef make_email() {
    auto b = activity("email", {"Email", "Courrier électronique", "Email"},
                      {"Emails", "Courriers électroniques", "Email"});
    b.str("sender", {"From", "De", "Dari"}, false, 250)
        .str("torecipients", {"To", "À", "Kepada"}, false, 500)
        .str("ccrecipients", {"Cc", "Cc", "Cc"}, false, 500)
        .datetime("senton", {"Date Sent", "Date d'envoi", "Tanggal Dikirim"})
        .boolean("directioncode", {"Direction", "Direction", "Arah"})
        // RFC 5322 Message-ID / In-Reply-To: inbound mail finds its conversation by them.
        .str("messageid", {"Message ID", "ID du message", "ID Pesan"}, false, 320)
        .str("inreplyto", {"In Reply To", "En réponse à", "Balasan Untuk"}, false, 320);
    b.state_model({opt(0, "Open", "Ouvert", "Terbuka"), opt(1, "Completed", "Terminé", "Selesai"),
                   opt(2, "Canceled", "Annulé", "Dibatalkan")},
                  {opt(1, "Draft", "Brouillon", "Draf", 0), opt(8, "Failed", "Échec", "Gagal", 0),
                   opt(2, "Completed", "Terminé", "Selesai", 1), opt(3, "Sent", "Envoyé", "Terkirim", 1),
                   opt(4, "Received", "Reçu", "Diterima", 1), opt(6, "Pending Send", "Envoi en attente", "Menunggu Dikirim", 1),
                   opt(7, "Sending", "Envoi en cours", "Sedang Dikirim", 1), opt(5, "Canceled", "Annulé", "Dibatalkan", 2)},
                  activity_transitions(), 0, 1);
    return b.build();
}

EntityDef make_task() {
    auto b = activity("task", {"Task", "Tâche", "Tugas"}, {"Tasks", "Tâches", "Tugas"});
    b.integer("percentcomplete", {"Percent Complete", "Pourcentage achevé", "Persen Selesai"});
    b.state_model({opt(0, "Open", "Ouvert", "Terbuka"), opt(1, "Completed", "Terminé", "Selesai"),
                   opt(2, "Canceled", "Annulé", "Dibatalkan")},
                  {opt(2, "Not Started", "Non démarré", "Belum Dimulai", 0),
                   opt(3, "In Progress", "En cours", "Sedang Berlangsung", 0),
                   opt(4, "Waiting on someone else", "En attente d'une autre personne", "Menunggu orang lain", 0),
                   opt(7, "Deferred", "Différé", "Ditunda", 0), opt(5, "Completed", "Terminé", "Selesai", 1),
                   opt(6, "Canceled", "Annulé", "Dibatalkan", 2)},
                  activity_transitions(), 0, 2);
    return b.build();
}

EntityDef make_phonecall() {
    auto b = activity("phonecall", {"Phone Call", "Appel téléphonique", "Panggilan Telepon"},
                      {"Phone Calls", "Appels téléphoniques", "Panggilan Telepon"});
    b.str("phonenumber", {"Phone Number", "Numéro de téléphone", "Nomor Telepon"}, false, 200)
        .boolean("directioncode", {"Direction", "Direction", "Arah"});
    b.state_model({opt(0, "Open", "Ouvert", "Terbuka"), opt(1, "Completed", "Terminé", "Selesai"),
                   opt(2, "Canceled", "Annulé", "Dibatalkan")},
                  {opt(1, "Open", "Ouvert", "Terbuka", 0), opt(2, "Made", "Effectué", "Dilakukan", 1),
                   opt(4, "Received", "Reçu", "Diterima", 1), opt(3, "Canceled", "Annulé", "Dibatalkan", 2)},
                  activity_transitions(), 0, 1);
    return b.build();
}

EntityDef make_appointment() {
    auto b = activity("appointment", {"Appointment", "Rendez-vous", "Janji Temu"},
                      {"Appointments", "Rendez-vous", "Janji Temu"});
    b.str("location", {"Location", "Lieu", "Lokasi"}, false, 200)
        .boolean("isalldayevent", {"All Day Event", "Toute la journée", "Sepanjang Hari"});
    b.state_model({opt(0, "Open", "Ouvert", "Terbuka"), opt(1, "Completed", "Terminé", "Selesai"),
                   opt(2, "Canceled", "Annulé", "Dibatalkan"), opt(3, "Scheduled", "Planifié", "Terjadwal")},
                  {opt(1, "Free", "Disponible", "Bebas", 0), opt(2, "Tentative", "Provisoire", "Tentatif", 0),
                   opt(3, "Completed", "Terminé", "Selesai", 1), opt(4, "Canceled", "Annulé", "Dibatalkan", 2),
                   opt(5, "Busy", "Occupé", "Sibuk", 3), opt(6, "Out of Office", "Absent du bureau", "Di Luar Kantor", 3)},
                  {{0, 1}, {0, 2}, {0, 3}, {3, 0}, {3, 1}, {3, 2}}, 0, 1);
    return b.build();
}

EntityDef make_socialactivity() {
    auto b = activity("socialactivity", {"Social Activity", "Activité sociale", "Aktivitas Sosial"},
                      {"Social Activities", "Activités sociales", "Aktivitas Sosial"});
    b.options("community", {"Source", "Source", "Sumber"}, communities())
        .lookup("postfromprofileid", {"From", "De", "Dari"}, {"socialprofile"})
        .str("posturl", {"Post URL", "URL de la publication", "URL Posting"}, false, 400)
        .decimal("sentimentvalue", {"Sentiment", "Sentiment", "Sentimen"})
        .boolean("directioncode", {"Direction", "Direction", "Arah"});
    b.state_model({opt(0, "Open", "Ouvert", "Terbuka"), opt(1, "Completed", "Terminé", "Selesai"),
                   opt(2, "Canceled", "Annulé", "Dibatalkan")},
                  {opt(1, "Open", "Ouvert", "Terbuka", 0), opt(2, "Processed", "Traité", "Diproses", 1),
                   opt(3, "Canceled", "Annulé", "Dibatalkan", 2)},
                  activity_transitions(), 0, 1);
    return b.build();
}

EntityDef make_annotation() {
    EntityBuilder b("annotation", {"Note", "Note", "Catatan"}, {"Notes", "Notes", "Catatan"}, "subject", true);
    b.str("subject", {"Title", "Titre", "Judul"}, false, 500)
        .memo("notetext", {"Description", "Description", "Deskripsi"})
        .lookup("objectid", {"Regarding", "Concernant", "Terkait"},
                {"account", "contact", "incident", "knowledgearticle", "email", "task", "phonecall", "appointment",
                 "socialactivity", "entitlement"}, true)
        .boolean("isdocument", {"Is Document", "Est un document", "Adalah Dokumen"})
        .str("filename", {"File Name", "Nom de fichier", "Nama File"}, false, 255)
        .str("mimetype", {"Mime Type", "Type MIME", "Tipe MIME"}, false, 256)
        .integer("filesize", {"File Size (Bytes)", "Taille du fichier (octets)", "Ukuran File (Byte)"})
        .str("documenthash", {"Document Hash", "Empreinte du document", "Hash Dokumen"}, false, 128);
    return b.build();
}

// The resolution a case closes with (Dataverse incidentresolution, written by case.resolve):
// a closed activity carrying the resolution subject and the time spent.
EntityDef make_incidentresolution() {
    EntityBuilder b("incidentresolution", {"Case Resolution", "Résolution de l'incident", "Resolusi Kasus"},
                    {"Case Resolutions", "Résolutions des incidents", "Resolusi Kasus"}, "subject", true);
    b.str("subject", {"Resolution", "Résolution", "Resolusi"}, true, 200)
        .lookup("incidentid", {"Case", "Incident", "Kasus"}, {"incident"}, true)
        .memo("description", {"Remarks", "Remarques", "Keterangan"})
        .integer("timespent", {"Billable Time", "Temps facturable", "Waktu yang Dapat Ditagih"})
        .datetime("actualend", {"Actual End", "Fin réelle", "Selesai Aktual"});
    b.state_model({opt(0, "Open", "Ouvert", "Terbuka"), opt(1, "Completed", "Terminé", "Selesai"),
                   opt(2, "Canceled", "Annulé", "Dibatalkan")},
                  {opt(1, "Open", "Ouvert", "Terbuka", 0), opt(2, "Closed", "Fermé", "Ditutup", 1),
                   opt(3, "Canceled", "Annulé", "Dibatalkan", 2)},
                  {{0, 1}, {0, 2}, {1, 2}}, 0, 1);
    return b.build();
}

EntityDef make_queue() {
    EntityBuilder b("queue", {"Queue", "File d'attente", "Antrean"}, {"Queues", "Files d'attente", "Antrean"}, "name", true);
    b.str("name", {"Name", "Nom", "Nama"}, true, 200)
        .memo("description", {"Description", "Description", "Deskripsi"})
        .str("emailaddress", {"Incoming Email", "Courrier entrant", "Email Masuk"}, false, 100)
        .options("queueviewtype", {"Type", "Type", "Jenis"},
                 {opt(0, "Public", "Public", "Publik"), opt(1, "Private", "Privé", "Pribadi")})
        .lookup("businessunitid", {"Business Unit", "Division", "Unit Bisnis"}, {"businessunit"})
        // Off (the default): a record is in one queue at a time, adding it here moves it.
        .boolean("casehub_allowmultiplequeues", {"Records Can Also Be in Other Queues",
                                                 "Les enregistrements peuvent aussi être dans d'autres files d'attente",
                                                 "Rekaman Juga Dapat Berada di Antrean Lain"});
    active_inactive(b);
    return b.build();
}

// A user who works a queue (Dataverse queuemembership): private queues show only to
// their members, and "My Queues" lists the queues the user is a member of.
EntityDef make_queuemembership() {
    EntityBuilder b("queuemembership", {"Queue Member", "Membre de la file d'attente", "Anggota Antrean"},
                    {"Queue Members", "Membres de la file d'attente", "Anggota Antrean"}, "", false);
    b.lookup("queueid", {"Queue", "File d'attente", "Antrean"}, {"queue"}, true)
        .lookup("systemuserid", {"User", "Utilisateur", "Pengguna"}, {"systemuser"}, true);
    return b.build();
}

EntityDef make_queueitem() {
    EntityBuilder b("queueitem", {"Queue Item", "Élément de file d'attente", "Item Antrean"},
                    {"Queue Items", "Éléments de file d'attente", "Item Antrean"}, "title", true);
    b.str("title", {"Title", "Titre", "Judul"}, false, 300)
        .lookup("queueid", {"Queue", "File d'attente", "Antrean"}, {"queue"}, true)
        .lookup("objectid", {"Object", "Objet", "Objek"},
                {"incident", "email", "task", "phonecall", "appointment", "socialactivity"}, true)
        .add("workerid", AttributeType::Owner, {"Worked By", "Traité par", "Dikerjakan Oleh"});
    b.datetime("workeridmodifiedon", {"Worked On", "Date de prise en charge", "Dikerjakan Pada"})
        .datetime("enteredon", {"Entered Queue", "Entré dans la file", "Masuk Antrean"})
        .integer("priority", {"Priority", "Priorité", "Prioritas"});
    active_inactive(b);
    return b.build();
}

EntityDef make_knowledgearticle() {
    EntityBuilder b("knowledgearticle", {"Knowledge Article", "Article de la Base de connaissances", "Artikel Pengetahuan"},
                    {"Knowledge Articles", "Articles de la Base de connaissances", "Artikel Pengetahuan"}, "title", true);
    b.str("title", {"Title", "Titre", "Judul"}, true, 500)
        .str("articlepublicnumber", {"Article Public Number", "Numéro public de l'article", "Nomor Publik Artikel"}, false, 100)
        .memo("content", {"Content", "Contenu", "Konten"})
        .memo("description", {"Description", "Description", "Deskripsi"})
        .str("keywords", {"Keywords", "Mots clés", "Kata Kunci"}, false, 1000)
        .options("languagecode", {"Language", "Langue", "Bahasa"},
                 {opt(1033, "English", "Anglais", "Inggris"), opt(1036, "French", "Français", "Prancis"),
                  opt(1057, "Indonesian", "Indonésien", "Indonesia")})
        .integer("majorversionnumber", {"Major Version", "Version majeure", "Versi Mayor"})
        .integer("minorversionnumber", {"Minor Version", "Version mineure", "Versi Minor"})
        .lookup("rootarticleid", {"Root Article", "Article racine", "Artikel Akar"}, {"knowledgearticle"})
        .lookup("subjectid", {"Subject", "Sujet", "Subjek"}, {"subject"})
        .boolean("isinternal", {"Internal", "Interne", "Internal"})
        .datetime("publishon", {"Publish On", "Publier le", "Terbitkan Pada"})
        .datetime("expirationdate", {"Expiration Date", "Date d'expiration", "Tanggal Kedaluwarsa"})
        .integer("knowledgearticleviews", {"Article Views", "Affichages de l'article", "Tampilan Artikel"})
        .decimal("rating", {"Rating", "Évaluation", "Peringkat"})
        // Lifecycle and versions (core/knowledge_lifecycle.hpp).
        .lookup("parentarticlecontentid", {"Parent Article Content", "Contenu de l'article parent", "Konten Artikel Induk"},
                {"knowledgearticle"})
        .boolean("isrootarticle", {"Is Root Article", "Est l'article racine", "Adalah Artikel Akar"})
        .boolean("islatestversion", {"Is Latest Version", "Est la dernière version", "Adalah Versi Terbaru"})
        .options("review", {"Review", "Révision", "Tinjauan"},
                 {opt(0, "Approved", "Approuvé", "Disetujui"), opt(1, "Rejected", "Rejeté", "Ditolak")})
        .datetime("reviewdate", {"Review Date", "Date de révision", "Tanggal Tinjauan"})
        .datetime("publishedon", {"Published On", "Publié le", "Diterbitkan Pada"})
        .integer("rating_count", {"Rating Count", "Nombre d'évaluations", "Jumlah Peringkat"})
        .integer("rating_sum", {"Rating Sum", "Somme des évaluations", "Jumlah Nilai Peringkat"});
    b.state_model({opt(0, "Draft", "Brouillon", "Draf"), opt(1, "Approved", "Approuvé", "Disetujui"),
                   opt(2, "Scheduled", "Planifié", "Terjadwal"), opt(3, "Published", "Publié", "Diterbitkan"),
                   opt(4, "Expired", "Expiré", "Kedaluwarsa"), opt(5, "Archived", "Archivé", "Diarsipkan"),
                   opt(6, "Discarded", "Ignoré", "Dibuang")},
                  {opt(1, "Proposed", "Proposé", "Diusulkan", 0), opt(2, "Draft", "Brouillon", "Draf", 0),
                   opt(3, "Needs Review", "À réviser", "Perlu Ditinjau", 0), opt(4, "In Review", "En cours de révision", "Sedang Ditinjau", 0),
                   opt(5, "Approved", "Approuvé", "Disetujui", 1), opt(6, "Scheduled", "Planifié", "Terjadwal", 2),
                   opt(7, "Published", "Publié", "Diterbitkan", 3), opt(8, "Needs Review", "À réviser", "Perlu Ditinjau", 3),
                   opt(9, "Updating", "Mise à jour", "Sedang Diperbarui", 3), opt(10, "Expired", "Expiré", "Kedaluwarsa", 4),
                   opt(11, "Archived", "Archivé", "Diarsipkan", 5), opt(12, "Rejected", "Rejeté", "Ditolak", 0),
                   opt(13, "Discarded", "Ignoré", "Dibuang", 6)},
                  {{0, 1}, {0, 2}, {0, 3}, {0, 6}, {1, 0}, {1, 2}, {1, 3}, {2, 0}, {2, 3}, {3, 0}, {3, 4}, {3, 5},
                   {4, 0}, {4, 3}, {4, 5}, {5, 0}, {6, 0}},
                  0, 2);
    return b.build();
}

EntityDef make_entitlement() {
    EntityBuilder b("entitlement", {"Entitlement", "Droit", "Hak"}, {"Entitlements", "Droits", "Hak"}, "name", true);
    b.str("name", {"Name", "Nom", "Nama"}, true, 100)
        .customer("customerid", {"Customer", "Client", "Pelanggan"}, true)
        .lookup("contactid", {"Primary Contact", "Contact principal", "Kontak Utama"}, {"contact"})
        .datetime("startdate", {"Start Date", "Date de début", "Tanggal Mulai"})
        .datetime("enddate", {"End Date", "Date de fin", "Tanggal Berakhir"})
        .options("allocationtypecode", {"Allocation Type", "Type d'allocation", "Jenis Alokasi"},
                 {opt(0, "Number of cases", "Nombre d'incidents", "Jumlah kasus"),
                  opt(1, "Number of hours", "Nombre d'heures", "Jumlah jam")})
        .decimal("totalterms", {"Total Terms", "Total des conditions", "Total Ketentuan"})
        .decimal("remainingterms", {"Remaining Terms", "Conditions restantes", "Sisa Ketentuan"})
        .options("decreaseremainingon", {"Decrease Remaining On", "Décrémenter à", "Kurangi Sisa Saat"},
                 {opt(0, "Case Resolution", "Résolution de l'incident", "Penyelesaian Kasus"),
                  opt(1, "Case Creation", "Création de l'incident", "Pembuatan Kasus")})
        .boolean("restrictcasecreation", {"Restrict Case Creation", "Restreindre la création d'incidents", "Batasi Pembuatan Kasus"})
        .boolean("isdefault", {"Is Default", "Par défaut", "Default"})
        .lookup("slaid", {"SLA", "Contrat SLA", "SLA"}, {"sla"})
        // Case origins (caseorigincode values, "1,2") the entitlement covers; empty: every channel.
        .str("casehub_channels", {"Channels", "Canaux", "Saluran"}, false, 200)
        .memo("description", {"Description", "Description", "Deskripsi"});
    b.state_model({opt(0, "Active", "Actif", "Aktif"), opt(1, "Draft", "Brouillon", "Draf"),
                   opt(2, "Expired", "Expiré", "Kedaluwarsa"), opt(3, "Waiting", "En attente", "Menunggu"),
                   opt(4, "Cancelled", "Annulé", "Dibatalkan")},
                  {opt(1, "Active", "Actif", "Aktif", 0), opt(0, "Draft", "Brouillon", "Draf", 1),
                   opt(2, "Expired", "Expiré", "Kedaluwarsa", 2), opt(1200, "Waiting", "En attente", "Menunggu", 3),
                   opt(1201, "Cancelled", "Annulé", "Dibatalkan", 4)},
                  {{1, 0}, {1, 3}, {1, 4}, {3, 0}, {3, 4}, {0, 1}, {0, 2}, {0, 4}, {2, 1}},
                  1, 0);
    return b.build();
}

EntityDef make_sla() {
    EntityBuilder b("sla", {"SLA", "Contrat SLA", "SLA"}, {"SLAs", "Contrats SLA", "SLA"}, "name", true);
    b.str("name", {"Name", "Nom", "Nama"}, true, 160)
        .memo("description", {"Description", "Description", "Deskripsi"})
        .str("objecttypecode", {"Entity", "Entité", "Entitas"}, false, 100)
        .str("applicablefrom", {"Applicable From", "Applicable à partir de", "Berlaku Dari"}, false, 100)
        .boolean("isdefault", {"Is Default", "Par défaut", "Default"})
        .boolean("allowpauseresume", {"Allow Pause and Resume", "Autoriser la pause et la reprise", "Izinkan Jeda dan Lanjut"})
        .lookup("businesshoursid", {"Business Hours", "Heures d'ouverture", "Jam Kerja"}, {"calendar"})
        // Case status reasons (statuscode values, "2,3") that pause the timers; empty: On Hold, Waiting for Details.
        .str("casehub_pausestatuscodes", {"Pause Status Reasons", "Raisons du statut de pause", "Alasan Status Jeda"},
             false, 100);
    b.state_model({opt(0, "Draft", "Brouillon", "Draf"), opt(1, "Active", "Actif", "Aktif")},
                  {opt(1, "Draft", "Brouillon", "Draf", 0), opt(2, "Active", "Actif", "Aktif", 1)},
                  {{0, 1}, {1, 0}}, 0, 1);
    return b.build();
}

EntityDef make_slaitem() {
    EntityBuilder b("slaitem", {"SLA Item", "Élément de contrat SLA", "Item SLA"},
                    {"SLA Items", "Éléments de contrat SLA", "Item SLA"}, "name", false);
    b.str("name", {"Name", "Nom", "Nama"}, true, 100)
        .lookup("slaid", {"SLA", "Contrat SLA", "SLA"}, {"sla"}, true)
        .str("relatedfield", {"KPI Field", "Champ ICP", "Bidang KPI"}, false, 100)
        .memo("applicablewhencondition", {"Applicable When", "Applicable quand", "Berlaku Saat"})
        .memo("successcondition", {"Success Criteria", "Critères de succès", "Kriteria Keberhasilan"})
        .integer("failureafter", {"Failure After (minutes)", "Échec après (minutes)", "Gagal Setelah (menit)"})
        .integer("warnafter", {"Warn After (minutes)", "Avertir après (minutes)", "Peringatkan Setelah (menit)"})
        .integer("sequencenumber", {"Order", "Ordre", "Urutan"})
        // JSON lists of actions: [{"type": "flag"|"set"|"notify", ...}] (see core/sla_engine.hpp).
        .memo("casehub_warningactions", {"Warning Actions", "Actions d'avertissement", "Tindakan Peringatan"})
        .memo("casehub_failureactions", {"Failure Actions", "Actions en cas d'échec", "Tindakan Kegagalan"});
    return b.build();
}

EntityDef make_slakpiinstance() {
    EntityBuilder b("slakpiinstance", {"SLA KPI Instance", "Instance de l'indicateur de performance clé du contrat SLA",
                                       "Instance KPI SLA"},
                    {"SLA KPI Instances", "Instances d'ICP de contrat SLA", "Instance KPI SLA"}, "name", true);
    b.str("name", {"Name", "Nom", "Nama"}, true, 100)
        .lookup("regarding", {"Regarding", "Concernant", "Terkait"}, {"incident", "entitlement"})
        .lookup("slaitemid", {"SLA Item", "Élément de contrat SLA", "Item SLA"}, {"slaitem"})
        .options("status", {"Status", "Statut", "Status"},
                 {opt(0, "In Progress", "En cours", "Sedang Berlangsung"),
                  opt(1, "Noncompliant", "Non conforme", "Tidak Patuh"),
                  opt(2, "Nearing Noncompliance", "Proche de la non-conformité", "Mendekati Ketidakpatuhan"),
                  opt(3, "Paused", "En pause", "Dijeda"), opt(4, "Succeeded", "Réussi", "Berhasil"),
                  opt(5, "Canceled", "Annulé", "Dibatalkan")})
        .datetime("failuretime", {"Failure Time", "Heure d'échec", "Waktu Gagal"})
        .datetime("warningtime", {"Warning Time", "Heure d'avertissement", "Waktu Peringatan"})
        .datetime("succeededon", {"Succeeded On", "Réussi le", "Berhasil Pada"})
        .datetime("pausedon", {"Paused On", "Mis en pause le", "Dijeda Pada"})
        .integer("elapsedtime", {"Elapsed Time (minutes)", "Temps écoulé (minutes)", "Waktu Berlalu (menit)"})
        // The timer's own copy of its terms, so evaluate_kpi needs only the instance and a calendar.
        .datetime("casehub_starttime", {"Start Time", "Heure de début", "Waktu Mulai"})
        .datetime("casehub_lastresumedon", {"Last Resumed On", "Dernière reprise le", "Terakhir Dilanjutkan Pada"})
        .integer("casehub_failureafter", {"Failure After (minutes)", "Échec après (minutes)", "Gagal Setelah (menit)"})
        .integer("casehub_warnafter", {"Warn After (minutes)", "Avertir après (minutes)", "Peringatkan Setelah (menit)"})
        .boolean("warningtimereached", {"Warning Time Reached", "Heure d'avertissement atteinte", "Waktu Peringatan Tercapai"})
        .boolean("casehub_failureactionsdone", {"Failure Actions Applied", "Actions d'échec appliquées",
                                                "Tindakan Kegagalan Diterapkan"});
    return b.build();
}

// Business hours of an SLA (see core/business_hours.hpp for the schedule and holiday JSON).
EntityDef make_calendar() {
    EntityBuilder b("calendar", {"Calendar", "Calendrier", "Kalender"}, {"Calendars", "Calendriers", "Kalender"},
                    "name", false);
    b.str("name", {"Name", "Nom", "Nama"}, true, 160)
        .memo("description", {"Description", "Description", "Deskripsi"})
        .integer("utcoffsetminutes", {"UTC Offset (minutes)", "Décalage UTC (minutes)", "Selisih UTC (menit)"})
        .options("dstrule", {"Daylight Saving Time", "Heure d'été", "Waktu Musim Panas"},
                 {opt(0, "None", "Aucune", "Tidak Ada"), opt(1, "Europe", "Europe", "Eropa"),
                  opt(2, "United States", "États-Unis", "Amerika Serikat")})
        .memo("weeklyschedule", {"Weekly Schedule", "Planning hebdomadaire", "Jadwal Mingguan"})
        .memo("holidays", {"Holidays", "Jours fériés", "Hari Libur"});
    return b.build();
}

EntityDef make_socialprofile() {
    EntityBuilder b("socialprofile", {"Social Profile", "Profil social", "Profil Sosial"},
                    {"Social Profiles", "Profils sociaux", "Profil Sosial"}, "profilename", true);
    b.str("profilename", {"Profile Name", "Nom du profil", "Nama Profil"}, true, 200)
        .str("profilefullname", {"Full Name", "Nom complet", "Nama Lengkap"}, false, 200)
        .customer("customerid", {"Customer", "Client", "Pelanggan"})
        .options("community", {"Social Channel", "Canal social", "Saluran Sosial"}, communities())
        .str("profilelink", {"Profile Link", "Lien du profil", "Tautan Profil"}, false, 400)
        .str("uniqueprofileid", {"Unique Profile ID", "ID unique du profil", "ID Profil Unik"}, false, 200)
        .boolean("blocked", {"Blocked", "Bloqué", "Diblokir"})
        .decimal("influencescore", {"Influence Score", "Score d'influence", "Skor Pengaruh"})
        .integer("followers", {"Followers", "Abonnés", "Pengikut"});
    active_inactive(b);
    return b.build();
}

EntityDef make_site() {
    EntityBuilder b("site", {"Site", "Site", "Situs"}, {"Sites", "Sites", "Situs"}, "name", false);
    b.str("name", {"Name", "Nom", "Nama"}, true, 160)
        .str("address1_line1", {"Street", "Rue", "Jalan"}, false, 250)
        .str("address1_city", {"City", "Ville", "Kota"}, false, 80)
        .str("address1_country", {"Country/Region", "Pays/région", "Negara/Wilayah"}, false, 80)
        .str("emailaddress", {"Email", "Courrier électronique", "Email"}, false, 100)
        .integer("timezonecode", {"Time Zone", "Fuseau horaire", "Zona Waktu"});
    return b.build();
}

EntityDef make_equipment() {
    EntityBuilder b("equipment", {"Facility/Equipment", "Installation/Équipement", "Fasilitas/Peralatan"},
                    {"Facilities/Equipment", "Installations/Équipements", "Fasilitas/Peralatan"}, "name", false);
    b.str("name", {"Name", "Nom", "Nama"}, true, 160)
        .lookup("siteid", {"Site", "Site", "Situs"}, {"site"})
        .lookup("businessunitid", {"Business Unit", "Division", "Unit Bisnis"}, {"businessunit"}, true)
        .memo("description", {"Description", "Description", "Deskripsi"})
        .str("emailaddress", {"Email", "Courrier électronique", "Email"}, false, 100)
        .boolean("isdisabled", {"Disabled", "Désactivé", "Dinonaktifkan"})
        .integer("timezonecode", {"Time Zone", "Fuseau horaire", "Zona Waktu"});
    return b.build();
}

EntityDef make_systemuser() {
    EntityBuilder b("systemuser", {"User", "Utilisateur", "Pengguna"}, {"Users", "Utilisateurs", "Pengguna"}, "fullname", false);
    b.str("domainname", {"User Name", "Nom d'utilisateur", "Nama Pengguna"}, true, 1024)
        .str("fullname", {"Full Name", "Nom complet", "Nama Lengkap"}, false, 200)
        .str("firstname", {"First Name", "Prénom", "Nama Depan"}, false, 64)
        .str("lastname", {"Last Name", "Nom", "Nama Belakang"}, false, 64)
        .str("internalemailaddress", {"Primary Email", "Adresse principale", "Email Utama"}, false, 100)
        .str("title", {"Title", "Titre", "Jabatan"}, false, 128)
        .lookup("businessunitid", {"Business Unit", "Division", "Unit Bisnis"}, {"businessunit"}, true)
        .str("securityroles", {"Security Roles", "Rôles de sécurité", "Peran Keamanan"}, false, 2000)
        .options("languagecode", {"Language", "Langue", "Bahasa"},
                 {opt(1033, "English", "Anglais", "Inggris"), opt(1036, "French", "Français", "Prancis"),
                  opt(1057, "Indonesian", "Indonésien", "Indonesia")})
        .boolean("isdisabled", {"Status", "Statut", "Status"})
        // The user's own queue, where items they pick can move (Dataverse systemuser.queueid).
        .lookup("queueid", {"Default Queue", "File d'attente par défaut", "Antrean Default"}, {"queue"});
    return b.build();
}

EntityDef make_team() {
    EntityBuilder b("team", {"Team", "Équipe", "Tim"}, {"Teams", "Équipes", "Tim"}, "name", false);
    b.str("name", {"Team Name", "Nom de l'équipe", "Nama Tim"}, true, 160)
        .lookup("businessunitid", {"Business Unit", "Division", "Unit Bisnis"}, {"businessunit"}, true)
        .options("teamtype", {"Team Type", "Type d'équipe", "Jenis Tim"},
                 {opt(0, "Owner", "Propriétaire", "Pemilik"), opt(1, "Access", "Accès", "Akses")})
        .str("members", {"Members", "Membres", "Anggota"}, false, 4000)
        .memo("description", {"Description", "Description", "Deskripsi"});
    return b.build();
}

EntityDef make_businessunit() {
    EntityBuilder b("businessunit", {"Business Unit", "Division", "Unit Bisnis"},
                    {"Business Units", "Divisions", "Unit Bisnis"}, "name", false);
    b.str("name", {"Name", "Nom", "Nama"}, true, 160)
        .lookup("parentbusinessunitid", {"Parent Business", "Division parente", "Unit Bisnis Induk"}, {"businessunit"})
        .boolean("isdisabled", {"Is Disabled", "Est désactivé", "Dinonaktifkan"});
    return b.build();
}

EntityDef make_role() {
    EntityBuilder b("role", {"Security Role", "Rôle de sécurité", "Peran Keamanan"},
                    {"Security Roles", "Rôles de sécurité", "Peran Keamanan"}, "name", false);
    b.str("name", {"Name", "Nom", "Nama"}, true, 100)
        .lookup("businessunitid", {"Business Unit", "Division", "Unit Bisnis"}, {"businessunit"});
    return b.build();
}

EntityDef make_postfollow() {
    EntityBuilder b("postfollow", {"Follow", "Suivi", "Ikuti"}, {"Follows", "Suivis", "Ikuti"}, "", true);
    b.lookup("regardingobjectid", {"Regarding", "Concernant", "Terkait"},
             {"incident", "account", "contact", "knowledgearticle"}, true);
    return b.build();
}

// The association of a knowledge article with a case (Dataverse knowledgearticleincident).
EntityDef make_knowledgearticleincident() {
    EntityBuilder b("knowledgearticleincident", {"Knowledge Article Incident", "Article de connaissances de l'incident",
                                                 "Artikel Pengetahuan Kasus"},
                    {"Knowledge Article Incidents", "Articles de connaissances des incidents", "Artikel Pengetahuan Kasus"},
                    "", true);
    b.lookup("knowledgearticleid", {"Knowledge Article", "Article de connaissances", "Artikel Pengetahuan"},
             {"knowledgearticle"}, true)
        .lookup("incidentid", {"Case", "Incident", "Kasus"}, {"incident"}, true)
        .boolean("issent", {"Sent to Customer", "Envoyé au client", "Dikirim ke Pelanggan"});
    return b.build();
}

EntityDef make_subject() {
    EntityBuilder b("subject", {"Subject", "Sujet", "Subjek"}, {"Subjects", "Sujets", "Subjek"}, "title", false);
    b.str("title", {"Title", "Titre", "Judul"}, true, 500)
        .lookup("parentsubject", {"Parent Subject", "Sujet parent", "Subjek Induk"}, {"subject"})
        .memo("description", {"Description", "Description", "Deskripsi"});
    return b.build();
}

// Knowledge categories: a tree (parentcategoryid), and the links of an article to its
// categories, products and related articles; feedback carries ratings (kb.rate).
EntityDef make_category() {
    EntityBuilder b("category", {"Category", "Catégorie", "Kategori"}, {"Categories", "Catégories", "Kategori"}, "title",
                    false);
    b.str("title", {"Title", "Titre", "Judul"}, true, 200)
        .str("categorynumber", {"Category Number", "Numéro de catégorie", "Nomor Kategori"}, false, 100)
        .lookup("parentcategoryid", {"Parent Category", "Catégorie parente", "Kategori Induk"}, {"category"})
        .memo("description", {"Description", "Description", "Deskripsi"});
    return b.build();
}

EntityDef make_knowledgearticlecategory() {
    EntityBuilder b("knowledgearticlecategory", {"Article Category", "Catégorie d'article", "Kategori Artikel"},
                    {"Article Categories", "Catégories d'article", "Kategori Artikel"}, "", false);
    b.lookup("knowledgearticleid", {"Knowledge Article", "Article de connaissances", "Artikel Pengetahuan"},
             {"knowledgearticle"}, true)
        .lookup("categoryid", {"Category", "Catégorie", "Kategori"}, {"category"}, true);
    return b.build();
}

EntityDef make_knowledgearticleproduct() {
    EntityBuilder b("knowledgearticleproduct", {"Article Product", "Produit d'article", "Produk Artikel"},
                    {"Article Products", "Produits d'article", "Produk Artikel"}, "", false);
    b.lookup("knowledgearticleid", {"Knowledge Article", "Article de connaissances", "Artikel Pengetahuan"},
             {"knowledgearticle"}, true)
        .lookup("productid", {"Product", "Produit", "Produk"}, {"product"}, true);
    return b.build();
}

EntityDef make_knowledgearticlerelation() {
    EntityBuilder b("knowledgearticlerelation", {"Related Article", "Article associé", "Artikel Terkait"},
                    {"Related Articles", "Articles associés", "Artikel Terkait"}, "", false);
    b.lookup("knowledgearticleid", {"Knowledge Article", "Article de connaissances", "Artikel Pengetahuan"},
             {"knowledgearticle"}, true)
        .lookup("relatedarticleid", {"Related Article", "Article associé", "Artikel Terkait"}, {"knowledgearticle"}, true);
    return b.build();
}

EntityDef make_feedback() {
    EntityBuilder b("feedback", {"Feedback", "Commentaires", "Umpan Balik"}, {"Feedback", "Commentaires", "Umpan Balik"},
                    "title", true);
    b.str("title", {"Title", "Titre", "Judul"}, false, 200)
        .integer("rating", {"Rating", "Évaluation", "Peringkat"})
        .memo("comments", {"Comments", "Commentaires", "Komentar"})
        .lookup("regardingobjectid", {"Regarding", "Concernant", "Terkait"}, {"knowledgearticle"}, true);
    return b.build();
}

EntityDef make_product() {
    EntityBuilder b("product", {"Product", "Produit", "Produk"}, {"Products", "Produits", "Produk"}, "name", false);
    b.str("name", {"Name", "Nom", "Nama"}, true, 100)
        .str("productnumber", {"Product ID", "ID de produit", "ID Produk"}, false, 100)
        .memo("description", {"Description", "Description", "Deskripsi"});
    return b.build();
}

// Business process flows, routing rules and record creation rules (docs/routing.md).
// A business process flow definition (Dataverse workflow, category 4): its stages and
// their steps are JSON in `stages` (see business_process.hpp for the shape).
EntityDef make_workflow() {
    EntityBuilder b("workflow", {"Process", "Processus", "Proses"}, {"Processes", "Processus", "Proses"}, "name", false);
    b.str("name", {"Process Name", "Nom du processus", "Nama Proses"}, true, 100)
        .str("primaryentity", {"Primary Entity", "Entité principale", "Entitas Utama"}, true, 100)
        .options("category", {"Category", "Catégorie", "Kategori"},
                 {opt(4, "Business Process Flow", "Flux des processus d'entreprise", "Alur Proses Bisnis")})
        .integer("processorder", {"Process Order", "Ordre du processus", "Urutan Proses"})
        .memo("stages", {"Stages", "Phases", "Tahapan"})
        .memo("description", {"Description", "Description", "Deskripsi"});
    b.state_model({opt(0, "Draft", "Brouillon", "Draf"), opt(1, "Activated", "Activé", "Diaktifkan")},
                  {opt(1, "Draft", "Brouillon", "Draf", 0), opt(2, "Activated", "Activé", "Diaktifkan", 1)},
                  {{0, 1}, {1, 0}}, 0, 1);
    return b.build();
}

// The run of one process on one record: active stage and the stages passed through.
EntityDef make_bpfinstance() {
    EntityBuilder b("bpfinstance", {"Process Instance", "Instance de processus", "Instans Proses"},
                    {"Process Instances", "Instances de processus", "Instans Proses"}, "name", false);
    b.str("name", {"Name", "Nom", "Nama"}, true, 200)
        .lookup("processid", {"Process", "Processus", "Proses"}, {"workflow"}, true)
        .lookup("regardingobjectid", {"Regarding", "Concernant", "Terkait"}, {"incident", "knowledgearticle"}, true)
        .str("activestageid", {"Active Stage", "Phase active", "Tahap Aktif"}, false, 100)
        .datetime("activestagestartedon", {"Active Stage Started On", "Phase active démarrée le", "Tahap Aktif Dimulai Pada"})
        .str("traversedpath", {"Traversed Path", "Chemin parcouru", "Jalur yang Dilalui"}, false, 1250)
        .datetime("completedon", {"Completed On", "Terminé le", "Selesai Pada"});
    b.state_model({opt(0, "Active", "Actif", "Aktif"), opt(1, "Inactive", "Inactif", "Tidak Aktif")},
                  {opt(1, "Active", "Actif", "Aktif", 0), opt(2, "Finished", "Terminé", "Selesai", 1),
                   opt(3, "Aborted", "Abandonné", "Dibatalkan", 1)},
                  {{0, 1}, {1, 0}}, 0, 1);
    return b.build();
}

// A routing rule set; one is active at a time.
EntityDef make_routingrule() {
    EntityBuilder b("routingrule", {"Routing Rule Set", "Ensemble de règles d'acheminement", "Set Aturan Perutean"},
                    {"Routing Rule Sets", "Ensembles de règles d'acheminement", "Set Aturan Perutean"}, "name", false);
    b.str("name", {"Name", "Nom", "Nama"}, true, 160).memo("description", {"Description", "Description", "Deskripsi"});
    b.state_model({opt(0, "Draft", "Brouillon", "Draf"), opt(1, "Active", "Actif", "Aktif")},
                  {opt(1, "Draft", "Brouillon", "Draf", 0), opt(2, "Active", "Actif", "Aktif", 1)},
                  {{0, 1}, {1, 0}}, 0, 1);
    return b.build();
}

// One rule item: when `conditionjson` (a query Filter on incident) matches, route to the
// queue or assign to the user/team.
EntityDef make_routingruleitem() {
    EntityBuilder b("routingruleitem", {"Rule Item", "Élément de règle", "Item Aturan"},
                    {"Rule Items", "Éléments de règle", "Item Aturan"}, "name", false);
    b.str("name", {"Name", "Nom", "Nama"}, true, 160)
        .lookup("routingruleid", {"Routing Rule Set", "Ensemble de règles d'acheminement", "Set Aturan Perutean"},
                {"routingrule"}, true)
        .integer("sequencenumber", {"Order", "Ordre", "Urutan"})
        .memo("conditionjson", {"Condition", "Condition", "Kondisi"})
        .lookup("routedqueueid", {"Queue", "File d'attente", "Antrean"}, {"queue"})
        .add("assignobjectid", AttributeType::Owner, {"User or Team", "Utilisateur ou équipe", "Pengguna atau Tim"});
    b.memo("description", {"Description", "Description", "Deskripsi"});
    return b.build();
}

// A record creation rule for a queue's mailbox (Dataverse convertrule).
EntityDef make_convertrule() {
    EntityBuilder b("convertrule", {"Record Creation and Update Rule", "Règle de création et de mise à jour d'enregistrement",
                                    "Aturan Pembuatan dan Pembaruan Rekaman"},
                    {"Record Creation and Update Rules", "Règles de création et de mise à jour d'enregistrement",
                     "Aturan Pembuatan dan Pembaruan Rekaman"}, "name", false);
    b.str("name", {"Name", "Nom", "Nama"}, true, 160)
        .lookup("queueid", {"Queue", "File d'attente", "Antrean"}, {"queue"}, true)
        .boolean("allowunknownsender", {"Create contact for unknown sender", "Créer un contact pour un expéditeur inconnu",
                                        "Buat kontak untuk pengirim tidak dikenal"})
        .boolean("createcase", {"Create case", "Créer un incident", "Buat kasus"})
        .boolean("routecase", {"Route case", "Acheminer l'incident", "Rutekan kasus"});
    b.state_model({opt(0, "Draft", "Brouillon", "Draf"), opt(1, "Active", "Actif", "Aktif")},
                  {opt(1, "Draft", "Brouillon", "Draf", 0), opt(2, "Active", "Actif", "Aktif", 1)},
                  {{0, 1}, {1, 0}}, 0, 1);
    return b.build();
}

Schema build_casehub_schema() {
    Schema s;
    for (auto* make : {make_account, make_contact, make_incident, make_email, make_task, make_phonecall,
                       make_appointment, make_socialactivity, make_annotation, make_incidentresolution, make_queue, make_queueitem, make_queuemembership,
                       make_knowledgearticle, make_entitlement, make_sla, make_slaitem, make_slakpiinstance, make_calendar,
                       make_socialprofile, make_site, make_equipment, make_systemuser, make_team,
                       make_businessunit, make_role, make_postfollow, make_knowledgearticleincident, make_subject,
                       make_product, make_workflow, make_bpfinstance, make_routingrule, make_routingruleitem,
                       make_convertrule, make_category, make_knowledgearticlecategory, make_knowledgearticleproduct,
                       make_knowledgearticlerelation, make_feedback})
        s.add_entity(make());
    return s;
}

}  // namespace

const Schema& casehub_schema() {
    static const Schema schema = build_casehub_schema();
    return schema;
}

const std::vector<std::string>& activity_entities() { return kActivityEntities; }

// ---------------------------------------------------------------------------------
// JSON. Readers check types themselves so malformed input never throws.
namespace {

std::string read_string(const Json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

int read_int(const Json& j, const char* key, int fallback) {
    auto it = j.find(key);
    return it != j.end() && it->is_number_integer() ? it->get<int>() : fallback;
}

bool read_bool(const Json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_boolean() && it->get<bool>();
}

template <class T>
std::vector<T> read_array(const Json& j, const char* key) {
    std::vector<T> out;
    auto it = j.find(key);
    if (it == j.end() || !it->is_array()) return out;
    for (const auto& e : *it) {
        T v;
        from_json(e, v);
        out.push_back(std::move(v));
    }
    return out;
}

}  // namespace

void to_json(Json& j, const Label& l) { j = Json{{"en", l.en}, {"fr", l.fr}, {"id", l.id}}; }
void from_json(const Json& j, Label& l) {
    l.en = read_string(j, "en");
    l.fr = read_string(j, "fr");
    l.id = read_string(j, "id");
}

void to_json(Json& j, const OptionValue& o) {
    j = Json{{"value", o.value}, {"label", o.label}};
    if (o.state >= 0) j["state"] = o.state;
}
void from_json(const Json& j, OptionValue& o) {
    o.value = read_int(j, "value", 0);
    o.label = Label{};
    if (auto it = j.find("label"); it != j.end()) from_json(*it, o.label);
    o.state = read_int(j, "state", -1);
}

void to_json(Json& j, const AttributeDef& a) {
    j = Json{{"name", a.name}, {"type", to_string(a.type)}, {"label", a.label}};
    if (a.required) j["required"] = true;
    if (a.system) j["system"] = true;
    if (a.guard != FieldGuard::none) j["guard"] = to_string(a.guard);
    if (a.max_length) j["max_length"] = a.max_length;
    if (!a.targets.empty()) j["targets"] = a.targets;
    if (!a.options.empty()) j["options"] = a.options;
}
void from_json(const Json& j, AttributeDef& a) {
    a = AttributeDef{};
    a.name = read_string(j, "name");
    if (!parse_attribute_type(read_string(j, "type"), a.type)) a.type = AttributeType::String;
    if (auto it = j.find("label"); it != j.end()) from_json(*it, a.label);
    a.required = read_bool(j, "required");
    a.system = read_bool(j, "system");
    if (!parse_field_guard(read_string(j, "guard"), a.guard)) a.guard = FieldGuard::none;
    if (auto it = j.find("max_length"); it != j.end() && it->is_number_unsigned()) a.max_length = it->get<std::size_t>();
    if (auto it = j.find("targets"); it != j.end() && it->is_array())
        for (const auto& t : *it)
            if (t.is_string()) a.targets.push_back(t.get<std::string>());
    a.options = read_array<OptionValue>(j, "options");
}

void to_json(Json& j, const StateTransition& t) { j = Json{{"from", t.from}, {"to", t.to}}; }
void from_json(const Json& j, StateTransition& t) {
    t.from = read_int(j, "from", 0);
    t.to = read_int(j, "to", 0);
}

void to_json(Json& j, const EntityDef& e) {
    j = Json{{"name", e.name},         {"label", e.label},           {"plural", e.plural},
             {"primary_name", e.primary_name}, {"user_owned", e.user_owned}, {"attributes", e.attributes}};
    if (!e.states.empty()) {
        j["states"] = e.states;
        j["statuses"] = e.statuses;
        j["transitions"] = e.transitions;
        j["default_state"] = e.default_state;
        j["default_status"] = e.default_status;
    }
}
void from_json(const Json& j, EntityDef& e) {
    e = EntityDef{};
    e.name = read_string(j, "name");
    if (auto it = j.find("label"); it != j.end()) from_json(*it, e.label);
    if (auto it = j.find("plural"); it != j.end()) from_json(*it, e.plural);
    e.primary_name = read_string(j, "primary_name");
    e.user_owned = read_bool(j, "user_owned");
    e.attributes = read_array<AttributeDef>(j, "attributes");
    e.states = read_array<OptionValue>(j, "states");
    e.statuses = read_array<OptionValue>(j, "statuses");
    e.transitions = read_array<StateTransition>(j, "transitions");
    e.default_state = read_int(j, "default_state", 0);
    e.default_status = read_int(j, "default_status", 0);
}

void to_json(Json& j, const Schema& s) { j = Json{{"entities", s.entities}}; }
void from_json(const Json& j, Schema& s) {
    s = Schema{};
    for (auto& e : read_array<EntityDef>(j, "entities")) s.add_entity(std::move(e));
}

Result<Schema> parse_schema(const Json& json) {
    if (!json.is_object() || !json.contains("entities") || !json["entities"].is_array())
        return make_error("invalid_schema", "A schema is an object with an \"entities\" array.");
    for (const auto& e : json["entities"]) {
        if (!e.is_object() || read_string(e, "name").empty())
            return make_error("invalid_schema", "Every entity needs a \"name\".");
        auto it = e.find("attributes");
        if (it == e.end() || !it->is_array())
            return make_error("invalid_schema", "Entity " + read_string(e, "name") + " has no \"attributes\" array.");
        for (const auto& a : *it) {
            AttributeType t;
            if (!a.is_object() || read_string(a, "name").empty() || !parse_attribute_type(read_string(a, "type"), t))
                return make_error("invalid_schema", "Entity " + read_string(e, "name") +
                                                        " has an attribute without a name or with an unknown type.");
        }
    }
    Schema s;
    from_json(json, s);
    return s;
}

}  // namespace casehub
