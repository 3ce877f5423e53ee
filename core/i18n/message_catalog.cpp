// The catalogue of core messages in French and Indonesian, and the matcher that finds a
// message's template: a small backtracking matcher over pre-split templates (no regex),
// with results memoised. tests/unit_message_catalog.cpp fails when a core message has
// no template here.
#include "core/i18n/message_catalog.hpp"

#include <cstddef>
#include <map>
#include <optional>
#include <unordered_map>
#include <utility>

#include "core/schema/schema.hpp"

namespace casehub {
namespace {

// English template, French, Indonesian. Placeholders {0}..{9}; each English placeholder
// captures a non-empty run of text, and the translations use them in any order.
// Wording follows Microsoft's Dynamics 365 localisation: incident / kasus (case),
// file d'attente / antrean (queue), droit / hak (entitlement), article de connaissances /
// artikel pengetahuan, enregistrement / rekaman (record).
const MessageTemplate kTemplates[] = {
    // activity_lifecycle
    {"{0} works on emails, tasks, phone calls, appointments and social activities, not \"{1}\".",
     "{0} s'applique aux courriers électroniques, tâches, appels téléphoniques, rendez-vous et activités sociales, pas à « {1} ».",
     "{0} berlaku untuk email, tugas, panggilan telepon, janji temu, dan aktivitas sosial, bukan \"{1}\".", true},
    {"There is no {0} with id {1} (it may have been deleted).",
     "Aucun enregistrement {0} n'a l'ID {1} (il a peut-être été supprimé).",
     "Tidak ada {0} dengan ID {1} (mungkin telah dihapus).", true},
    {"{0} is already canceled.", "{0} est déjà annulé.", "{0} sudah dibatalkan.", true},
    {"{0} is already completed.", "{0} est déjà terminé.", "{0} sudah selesai.", true},
    {"{0} has already been sent or closed.", "{0} a déjà été envoyé ou fermé.", "{0} sudah dikirim atau ditutup.", true},
    {"Add at least one recipient in To before sending the email.",
     "Ajoutez au moins un destinataire dans À avant d'envoyer le courrier électronique.",
     "Tambahkan setidaknya satu penerima di Kepada sebelum mengirim email.", true},
    {"Enter a subject before sending the email.", "Entrez un objet avant d'envoyer le courrier électronique.",
     "Masukkan subjek sebelum mengirim email.", true},
    {"{0} \"{1}\"", "{0} « {1} »", "{0} \"{1}\"", false},

    // business_hours
    {"Calendar \"{0}\"", "Calendrier « {0} »", "Kalender \"{0}\"", false},
    {"{0}: the UTC offset must be whole minutes between -840 and 840.",
     "{0} : le décalage UTC doit être un nombre entier de minutes entre -840 et 840.",
     "{0}: selisih UTC harus berupa menit bulat antara -840 dan 840.", true},
    {"{0}: the weekly schedule must be a JSON object such as {\"mon\": [\"08:00-17:00\"]}.",
     "{0} : l'horaire hebdomadaire doit être un objet JSON tel que {\"mon\": [\"08:00-17:00\"]}.",
     "{0}: jadwal mingguan harus berupa objek JSON seperti {\"mon\": [\"08:00-17:00\"]}.", true},
    {"{0}: \"{1}\" must be a list of periods.", "{0} : « {1} » doit être une liste de périodes.",
     "{0}: \"{1}\" harus berupa daftar periode.", true},
    {"{0}: \"{1}\" on {2} is not a period such as \"08:00-12:00\".",
     "{0} : « {1} » ({2}) n'est pas une période telle que « 08:00-12:00 ».",
     "{0}: \"{1}\" pada {2} bukan periode seperti \"08:00-12:00\".", true},
    {"{0}: periods on {1} overlap.", "{0} : les périodes de {1} se chevauchent.", "{0}: periode pada {1} tumpang tindih.", true},
    {"{0}: holidays must be a JSON list such as [{\"name\": \"Noël\", \"start\": \"2026-12-25\"}].",
     "{0} : les jours fériés doivent être une liste JSON telle que [{\"name\": \"Noël\", \"start\": \"2026-12-25\"}].",
     "{0}: hari libur harus berupa daftar JSON seperti [{\"name\": \"Noël\", \"start\": \"2026-12-25\"}].", true},
    {"{0}: a holiday must be an object.", "{0} : un jour férié doit être un objet.", "{0}: hari libur harus berupa objek.", true},
    {"{0}: holiday \"{1}\" needs a \"start\" date (YYYY-MM-DD) and an \"end\" not before it.",
     "{0} : le jour férié « {1} » doit avoir une date « start » (AAAA-MM-JJ) et une date « end » qui ne la précède pas.",
     "{0}: hari libur \"{1}\" memerlukan tanggal \"start\" (YYYY-MM-DD) dan \"end\" yang tidak sebelum tanggal itu.", true},
    {"{0}: the daylight saving rule must be 0 (none), 1 (Europe) or 2 (United States).",
     "{0} : la règle d'heure d'été doit être 0 (aucune), 1 (Europe) ou 2 (États-Unis).",
     "{0}: aturan waktu musim panas harus 0 (tidak ada), 1 (Eropa), atau 2 (Amerika Serikat).", true},

    // business_process
    {"This process is no longer on the record; reload and try again.",
     "Ce processus n'est plus associé à l'enregistrement ; rechargez et réessayez.",
     "Proses ini tidak lagi ada pada rekaman; muat ulang dan coba lagi.", true},
    {"The process of this record was deleted; switch to another process.",
     "Le processus de cet enregistrement a été supprimé ; changez de processus.",
     "Proses rekaman ini telah dihapus; beralihlah ke proses lain.", true},
    {"The record this process runs on no longer exists.", "L'enregistrement sur lequel s'exécute ce processus n'existe plus.",
     "Rekaman tempat proses ini berjalan sudah tidak ada.", true},
    {"{0} is closed; reactivate it before moving its process.",
     "{0} est fermé ; réactivez-le avant de faire avancer son processus.",
     "{0} sudah ditutup; aktifkan kembali sebelum memindahkan prosesnya.", true},
    {"The {0} is not active on this record; reactivate it or switch process first.",
     "Le processus {0} n'est pas actif sur cet enregistrement ; réactivez-le ou changez d'abord de processus.",
     "{0} tidak aktif pada rekaman ini; aktifkan kembali atau beralih proses terlebih dahulu.", true},
    {"The active stage is not part of {0} any more; switch process.",
     "La phase active ne fait plus partie de {0} ; changez de processus.",
     "Tahap aktif tidak lagi menjadi bagian dari {0}; beralih proses.", true},
    {"Fill in {0} before leaving the {1} stage.", "Renseignez {0} avant de quitter la phase {1}.",
     "Isi {0} sebelum meninggalkan tahap {1}.", true},
    {"{0} and {1}", "{0} et {1}", "{0} dan {1}", false},
    {"{0}, {1}", "{0}, {1}", "{0}, {1}", false},
    {"{0}, ...", "{0}, ...", "{0}, ...", false},
    {"This is the first stage of {0}.", "Il s'agit de la première phase de {0}.", "Ini adalah tahap pertama dari {0}.", true},
    {"The {0} is already active on this record.", "Le processus {0} est déjà actif sur cet enregistrement.",
     "{0} sudah aktif pada rekaman ini.", true},
    {"There is no {0} with id {1}.", "Aucun enregistrement {0} n'a l'ID {1}.", "Tidak ada {0} dengan ID {1}.", true},
    {"That process no longer exists.", "Ce processus n'existe plus.", "Proses tersebut sudah tidak ada.", true},
    {"{0} runs on {1} records, not {2}.", "{0} s'exécute sur les enregistrements {1}, pas {2}.",
     "{0} berjalan pada rekaman {1}, bukan {2}.", true},
    {"{0} is not activated.", "{0} n'est pas activé.", "{0} belum diaktifkan.", true},
    {"A process is a workflow record.", "Un processus est un enregistrement de workflow.", "Proses adalah rekaman alur kerja.", true},
    {"The process \"{0}\" has malformed stages: expected a non-empty JSON array.",
     "Le processus « {0} » a des phases mal formées : un tableau JSON non vide est attendu.",
     "Proses \"{0}\" memiliki tahap yang salah format: diharapkan array JSON yang tidak kosong.", true},
    {"The process \"{0}\" has malformed stages: every stage needs an \"id\".",
     "Le processus « {0} » a des phases mal formées : chaque phase doit avoir un « id ».",
     "Proses \"{0}\" memiliki tahap yang salah format: setiap tahap memerlukan \"id\".", true},
    {"The process \"{0}\" has malformed stages: \"steps\" must be an array.",
     "Le processus « {0} » a des phases mal formées : « steps » doit être un tableau.",
     "Proses \"{0}\" memiliki tahap yang salah format: \"steps\" harus berupa array.", true},
    {"The process \"{0}\" has malformed stages: every step needs an \"attribute\".",
     "Le processus « {0} » a des phases mal formées : chaque étape doit avoir un « attribute ».",
     "Proses \"{0}\" memiliki tahap yang salah format: setiap langkah memerlukan \"attribute\".", true},
    {"The process \"{0}\" has malformed stages: stage \"{1}\" appears twice.",
     "Le processus « {0} » a des phases mal formées : la phase « {1} » apparaît deux fois.",
     "Proses \"{0}\" memiliki tahap yang salah format: tahap \"{1}\" muncul dua kali.", true},

    // case_lifecycle
    {"There is no case with id {0} (it may have been deleted).",
     "Aucun incident n'a l'ID {0} (il a peut-être été supprimé).",
     "Tidak ada kasus dengan ID {0} (mungkin telah dihapus).", true},
    {"Use Resolve Case to resolve {0}: it records the resolution and the time spent.",
     "Utilisez Résoudre l'incident pour résoudre {0} : la résolution et le temps passé sont ainsi enregistrés.",
     "Gunakan Selesaikan Kasus untuk menyelesaikan {0}: resolusi dan waktu yang digunakan akan dicatat.", true},
    {"{0} is {1}; reactivate it before editing.", "{0} est {1} ; réactivez-le avant de le modifier.",
     "{0} sudah {1}; aktifkan kembali sebelum mengeditnya.", true},
    {"A case cannot be its own parent case.", "Un incident ne peut pas être son propre incident parent.",
     "Kasus tidak dapat menjadi kasus induknya sendiri.", true},
    {"The parent case no longer exists; choose another parent case.",
     "L'incident parent n'existe plus ; choisissez un autre incident parent.",
     "Kasus induk sudah tidak ada; pilih kasus induk lain.", true},
    {"{0} is itself a child case; a child case cannot have child cases.",
     "{0} est lui-même un incident enfant ; un incident enfant ne peut pas avoir d'incidents enfants.",
     "{0} sendiri adalah kasus turunan; kasus turunan tidak dapat memiliki kasus turunan.", true},
    {"{0} has child cases of its own, so it cannot become a child case.",
     "{0} a ses propres incidents enfants ; il ne peut donc pas devenir un incident enfant.",
     "{0} memiliki kasus turunan sendiri, sehingga tidak dapat menjadi kasus turunan.", true},
    {"{0} is {1}; reactivate it before adding child cases.",
     "{0} est {1} ; réactivez-le avant d'ajouter des incidents enfants.",
     "{0} sudah {1}; aktifkan kembali sebelum menambahkan kasus turunan.", true},
    {"{0} is already {1}; reactivate it before resolving it.", "{0} est déjà {1} ; réactivez-le avant de le résoudre.",
     "{0} sudah {1}; aktifkan kembali sebelum menyelesaikannya.", true},
    {"{0} is already {1}.", "{0} est déjà {1}.", "{0} sudah {1}.", true},
    {"Enter a resolution (what solved the case) before resolving it.",
     "Entrez une résolution (ce qui a résolu l'incident) avant de le résoudre.",
     "Masukkan resolusi (apa yang menyelesaikan kasus) sebelum menyelesaikannya.", true},
    {"Choose a resolution type: Problem Solved or Information Provided.",
     "Choisissez un type de résolution : Problème résolu ou Informations fournies.",
     "Pilih jenis resolusi: Masalah Terselesaikan atau Informasi Diberikan.", true},
    {"Billable time cannot be negative.", "Le temps facturable ne peut pas être négatif.",
     "Waktu yang dapat ditagih tidak boleh negatif.", true},
    {"{0} has 1 active child case ({1}); resolve or cancel them before resolving the parent case.",
     "{0} a 1 incident enfant actif ({1}) ; résolvez-le ou annulez-le avant de résoudre l'incident parent.",
     "{0} memiliki 1 kasus turunan aktif ({1}); selesaikan atau batalkan sebelum menyelesaikan kasus induk.", true},
    {"{0} has {1} active child cases ({2}); resolve or cancel them before resolving the parent case.",
     "{0} a {1} incidents enfants actifs ({2}) ; résolvez-les ou annulez-les avant de résoudre l'incident parent.",
     "{0} memiliki {1} kasus turunan aktif ({2}); selesaikan atau batalkan sebelum menyelesaikan kasus induk.", true},
    {"A case is canceled with status reason Canceled; merging uses Merged.",
     "Un incident est annulé avec la raison du statut Annulé ; la fusion utilise Fusionné.",
     "Kasus dibatalkan dengan alasan status Dibatalkan; penggabungan menggunakan Digabung.", true},
    {"{0} is already active.", "{0} est déjà actif.", "{0} sudah aktif.", true},
    {"{0} was merged into {1}; work on the case it was merged into instead.",
     "{0} a été fusionné avec {1} ; travaillez plutôt sur l'incident avec lequel il a été fusionné.",
     "{0} telah digabungkan ke {1}; kerjakan kasus tempat kasus ini digabungkan.", true},
    {"{0} was merged; work on the case it was merged into instead.",
     "{0} a été fusionné ; travaillez plutôt sur l'incident avec lequel il a été fusionné.",
     "{0} telah digabungkan; kerjakan kasus tempat kasus ini digabungkan.", true},
    {"Choose a status reason for the case.", "Choisissez une raison du statut pour l'incident.",
     "Pilih alasan status untuk kasus.", true},
    {"{0} is not a status reason of an active case; use Resolve Case, Cancel Case or Reactivate to change its state.",
     "{0} n'est pas une raison du statut d'un incident actif ; utilisez Résoudre l'incident, Annuler l'incident ou Réactiver pour changer son état.",
     "{0} bukan alasan status kasus aktif; gunakan Selesaikan Kasus, Batalkan Kasus, atau Aktifkan Kembali untuk mengubah statusnya.", true},
    {"{0} is not a status reason of a {1} case; use Resolve Case, Cancel Case or Reactivate to change its state.",
     "{0} n'est pas une raison du statut d'un incident {1} ; utilisez Résoudre l'incident, Annuler l'incident ou Réactiver pour changer son état.",
     "{0} bukan alasan status kasus yang {1}; gunakan Selesaikan Kasus, Batalkan Kasus, atau Aktifkan Kembali untuk mengubah statusnya.", true},
    {"Choose a user or team to assign the case to.", "Choisissez un utilisateur ou une équipe à qui affecter l'incident.",
     "Pilih pengguna atau tim untuk menerima penugasan kasus.", true},
    {"That user or team does not exist; choose another one.", "Cet utilisateur ou cette équipe n'existe pas ; choisissez-en un autre.",
     "Pengguna atau tim tersebut tidak ada; pilih yang lain.", true},
    {"{0} is disabled; assign the case to an active user.", "{0} est désactivé ; affectez l'incident à un utilisateur actif.",
     "{0} dinonaktifkan; tetapkan kasus ke pengguna aktif.", true},
    {"Choose at least one other case to merge into {0}.", "Choisissez au moins un autre incident à fusionner avec {0}.",
     "Pilih setidaknya satu kasus lain untuk digabungkan ke {0}.", true},
    {"{0} is {1}; only active cases can be merged.", "{0} est {1} ; seuls les incidents actifs peuvent être fusionnés.",
     "{0} sudah {1}; hanya kasus aktif yang dapat digabungkan.", true},
    {"case.merge: \"merge\" lists case ids.", "case.merge : « merge » contient la liste des ID d'incidents.",
     "case.merge: \"merge\" berisi daftar ID kasus.", true},
    {"A case to merge no longer exists (it may have been deleted).",
     "Un incident à fusionner n'existe plus (il a peut-être été supprimé).",
     "Kasus yang akan digabungkan sudah tidak ada (mungkin telah dihapus).", true},
    {"{0} is for another customer than {1}; only cases of the same customer can be merged.",
     "{0} concerne un autre client que {1} ; seuls les incidents d'un même client peuvent être fusionnés.",
     "{0} untuk pelanggan yang berbeda dari {1}; hanya kasus dari pelanggan yang sama yang dapat digabungkan.", true},

    // email_outbox
    {"{0} is run by the server's mail delivery (a System Administrator); send an email with Send instead.",
     "{0} est exécuté par la remise du courrier du serveur (un administrateur système) ; envoyez plutôt un courrier électronique avec Envoyer.",
     "{0} dijalankan oleh pengiriman email server (Administrator Sistem); kirim email dengan Kirim sebagai gantinya.", true},
    {"There is no email with id {0} (it may have been deleted).",
     "Aucun courrier électronique n'a l'ID {0} (il a peut-être été supprimé).",
     "Tidak ada email dengan ID {0} (mungkin telah dihapus).", true},
    {"The email \"{0}\" is not waiting to be sent (it was canceled or changed).",
     "Le courrier électronique « {0} » n'est pas en attente d'envoi (il a été annulé ou modifié).",
     "Email \"{0}\" tidak sedang menunggu dikirim (email dibatalkan atau diubah).", true},
    {"The email \"{0}\" has no recipient address in To; add one and send it again.",
     "Le courrier électronique « {0} » n'a aucune adresse de destinataire dans À ; ajoutez-en une et renvoyez-le.",
     "Email \"{0}\" tidak memiliki alamat penerima di Kepada; tambahkan satu lalu kirim lagi.", true},

    // conflict
    {"conflict.restore takes exactly {\"id\": \"<syncconflict id>\"}.",
     "conflict.restore attend exactement {\"id\": \"<syncconflict id>\"}.",
     "conflict.restore hanya menerima {\"id\": \"<syncconflict id>\"}.", true},
    {"There is no conflict with id {0}.", "Aucun conflit n'a l'ID {0}.", "Tidak ada konflik dengan ID {0}.", true},
    {"This conflict was already restored.", "Ce conflit a déjà été restauré.", "Konflik ini sudah dipulihkan.", true},
    {"This conflict record is incomplete and cannot be restored.",
     "Cet enregistrement de conflit est incomplet et ne peut pas être restauré.",
     "Rekaman konflik ini tidak lengkap dan tidak dapat dipulihkan.", true},
    {"The kept value of this conflict is unreadable.", "La valeur conservée de ce conflit est illisible.",
     "Nilai yang disimpan dari konflik ini tidak dapat dibaca.", true},
    {"The {0} exists again; restore its fields one by one.",
     "L'enregistrement {0} existe de nouveau ; restaurez ses champs un par un.",
     "{0} sudah ada lagi; pulihkan bidangnya satu per satu.", true},
    {"The kept record of this conflict is unreadable.", "L'enregistrement conservé de ce conflit est illisible.",
     "Rekaman yang disimpan dari konflik ini tidak dapat dibaca.", true},
    {"This {0} was deleted by {1}; the value cannot be restored.",
     "Cet enregistrement {0} a été supprimé par {1} ; la valeur ne peut pas être restaurée.",
     "{0} ini telah dihapus oleh {1}; nilai tidak dapat dipulihkan.", true},
    {"The {0} this conflict is about no longer exists.", "L'enregistrement {0} concerné par ce conflit n'existe plus.",
     "{0} yang menjadi pokok konflik ini sudah tidak ada.", true},

    // entitlements
    {"Only a System Administrator or a CSR Manager may override entitlement restrictions.",
     "Seul un administrateur système ou un responsable du service clientèle peut passer outre les restrictions de droit.",
     "Hanya Administrator Sistem atau Manajer CSR yang dapat mengesampingkan batasan hak.", true},
    {"The entitlement", "Le droit", "Hak", false},
    {"Entitlement \"{0}\"", "Le droit « {0} »", "Hak \"{0}\"", false},
    {"{0} belongs to another customer; choose another entitlement or ask a CSR Manager to override.",
     "{0} appartient à un autre client ; choisissez un autre droit ou demandez à un responsable du service clientèle de passer outre.",
     "{0} milik pelanggan lain; pilih hak lain atau minta Manajer CSR untuk mengesampingkan.", true},
    {"{0} is {1}, not Active; choose another entitlement or ask a CSR Manager to override.",
     "{0} est {1}, et non Actif ; choisissez un autre droit ou demandez à un responsable du service clientèle de passer outre.",
     "{0} berstatus {1}, bukan Aktif; pilih hak lain atau minta Manajer CSR untuk mengesampingkan.", true},
    {"{0} expired on {1}; choose another entitlement or ask a CSR Manager to override.",
     "{0} a expiré le {1} ; choisissez un autre droit ou demandez à un responsable du service clientèle de passer outre.",
     "{0} kedaluwarsa pada {1}; pilih hak lain atau minta Manajer CSR untuk mengesampingkan.", true},
    {"{0} starts on {1}; choose another entitlement or ask a CSR Manager to override.",
     "{0} commence le {1} ; choisissez un autre droit ou demandez à un responsable du service clientèle de passer outre.",
     "{0} dimulai pada {1}; pilih hak lain atau minta Manajer CSR untuk mengesampingkan.", true},
    {"{0} has no remaining terms ({1}); choose another entitlement or ask a CSR Manager to override.",
     "{0} n'a plus de conditions restantes ({1}) ; choisissez un autre droit ou demandez à un responsable du service clientèle de passer outre.",
     "{0} tidak memiliki ketentuan tersisa ({1}); pilih hak lain atau minta Manajer CSR untuk mengesampingkan.", true},
    {"{0} of {1} cases", "{0} incidents sur {1}", "{0} dari {1} kasus", false},
    {"{0} of {1} hours", "{0} heures sur {1}", "{0} dari {1} jam", false},

    // knowledge_lifecycle
    {"{0}: \"{1}\" must be a UUID.", "{0} : « {1} » doit être un UUID.", "{0}: \"{1}\" harus berupa UUID.", true},
    {"There is no knowledge article with id {0} (it may have been deleted).",
     "Aucun article de connaissances n'a l'ID {0} (il a peut-être été supprimé).",
     "Tidak ada artikel pengetahuan dengan ID {0} (mungkin telah dihapus).", true},
    {"{0} is {1}; it cannot become {2}.", "{0} est à l'état {1} ; il ne peut pas passer à l'état {2}.",
     "{0} berstatus {1}; tidak dapat menjadi {2}.", true},
    {"Only {0} articles can be {1}; {2} is {3}.",
     "Seuls les articles à l'état {0} peuvent être {1} ; {2} est à l'état {3}.",
     "Hanya artikel berstatus {0} yang dapat {1}; {2} berstatus {3}.", true},
    {"{0} is {1}; use Update or create a new version to edit it.",
     "{0} est à l'état {1} ; utilisez Mettre à jour ou créez une nouvelle version pour le modifier.",
     "{0} berstatus {1}; gunakan Perbarui atau buat versi baru untuk mengeditnya.", true},
    {"{0} is already in review.", "{0} est déjà en révision.", "{0} sudah dalam peninjauan.", true},
    {"{0} is not in review; submit it for review before approving it.",
     "{0} n'est pas en révision ; soumettez-le pour révision avant de l'approuver.",
     "{0} tidak dalam peninjauan; kirim untuk ditinjau sebelum menyetujuinya.", true},
    {"{0} is not in review; submit it for review before rejecting it.",
     "{0} n'est pas en révision ; soumettez-le pour révision avant de le rejeter.",
     "{0} tidak dalam peninjauan; kirim untuk ditinjau sebelum menolaknya.", true},
    {"{0}: \"{1}\" must be a UTC date and time.", "{0} : « {1} » doit être une date et une heure UTC.",
     "{0}: \"{1}\" harus berupa tanggal dan waktu UTC.", true},
    {"{0}: \"{1}\" is not a date ({2}).", "{0} : « {1} » n'est pas une date ({2}).", "{0}: \"{1}\" bukan tanggal ({2}).", true},
    {"{0} is in review; approve or reject it first.", "{0} est en révision ; approuvez-le ou rejetez-le d'abord.",
     "{0} sedang dalam peninjauan; setujui atau tolak terlebih dahulu.", true},
    {"The expiration date must be after the publish date.",
     "La date d'expiration doit être postérieure à la date de publication.",
     "Tanggal kedaluwarsa harus setelah tanggal terbit.", true},
    {"{0} needs \"major\" (true for a major version, false for a minor one).",
     "{0} exige « major » (true pour une version principale, false pour une version secondaire).",
     "{0} memerlukan \"major\" (true untuk versi mayor, false untuk versi minor).", true},
    {"A knowledge article with id {0} already exists.", "Un article de connaissances avec l'ID {0} existe déjà.",
     "Artikel pengetahuan dengan ID {0} sudah ada.", true},
    {"{0} already has a draft version ({1}); edit or discard it first.",
     "{0} a déjà une version brouillon ({1}) ; modifiez-la ou ignorez-la d'abord.",
     "{0} sudah memiliki versi draf ({1}); edit atau buang terlebih dahulu.", true},
    {"{0} needs \"languagecode\" (1033 English, 1036 French, 1057 Indonesian).",
     "{0} exige « languagecode » (1033 anglais, 1036 français, 1057 indonésien).",
     "{0} memerlukan \"languagecode\" (1033 Inggris, 1036 Prancis, 1057 Indonesia).", true},
    {"{0} is already in {1}.", "{0} est déjà en {1}.", "{0} sudah dalam bahasa {1}.", true},
    {"{0} already has a {1} translation of version {2}.", "{0} a déjà une traduction en {1} de la version {2}.",
     "{0} sudah memiliki terjemahan bahasa {1} untuk versi {2}.", true},
    {"An article cannot be related to itself.", "Un article ne peut pas être associé à lui-même.",
     "Artikel tidak dapat dihubungkan dengan dirinya sendiri.", true},
    {"{0} is already linked to that {1}.", "{0} est déjà lié à cet enregistrement {1}.", "{0} sudah ditautkan ke {1} tersebut.", true},
    {"There is no case with id {0}.", "Aucun incident n'a l'ID {0}.", "Tidak ada kasus dengan ID {0}.", true},
    {"{0}: \"issent\" must be true or false.", "{0} : « issent » doit être true ou false.", "{0}: \"issent\" harus true atau false.", true},
    {"{0} is already linked to this case.", "{0} est déjà lié à cet incident.", "{0} sudah ditautkan ke kasus ini.", true},
    {"A rating is a whole number of stars from 1 to 5.", "Une évaluation est un nombre entier d'étoiles de 1 à 5.",
     "Peringkat adalah bilangan bulat bintang dari 1 sampai 5.", true},
    {"{0}: \"comments\" must be text.", "{0} : « comments » doit être du texte.", "{0}: \"comments\" harus berupa teks.", true},
    {"A category cannot be placed below itself or one of its subcategories.",
     "Une catégorie ne peut pas être placée sous elle-même ni sous l'une de ses sous-catégories.",
     "Kategori tidak dapat ditempatkan di bawah dirinya sendiri atau salah satu subkategorinya.", true},

    // metadata (forms and views an administrator edits)
    {"{0} is not valid JSON.", "{0} n'est pas un JSON valide.", "{0} bukan JSON yang valid.", true},
    {"{0} must be an object with a \"{1}\" array.", "{0} doit être un objet avec un tableau « {1} ».",
     "{0} harus berupa objek dengan array \"{1}\".", true},
    {"Every form needs an \"entity\".", "Chaque formulaire doit avoir une « entity ».", "Setiap formulir memerlukan \"entity\".", true},
    {"Form of {0} has no \"tabs\" array.", "Le formulaire de {0} n'a pas de tableau « tabs ».",
     "Formulir {0} tidak memiliki array \"tabs\".", true},
    {"A tab of the {0} form has no name.", "Un onglet du formulaire {0} n'a pas de nom.", "Sebuah tab formulir {0} tidak memiliki nama.", true},
    {"Every view needs a \"name\" and an \"entity\".", "Chaque vue doit avoir un « name » et une « entity ».",
     "Setiap tampilan memerlukan \"name\" dan \"entity\".", true},
    {"View {0}: {1}", "Vue {0} : {1}", "Tampilan {0}: {1}", true},
    {"View {0} reference: {1}", "Vue {0}, référence : {1}", "Tampilan {0}, referensi: {1}", true},
    {"{0}: there is no entity \"{1}\".", "{0} : il n'existe pas d'entité « {1} ».", "{0}: tidak ada entitas \"{1}\".", true},
    {"{0}: {1} has no attribute \"{2}\".", "{0} : {1} n'a pas d'attribut « {2} ».", "{0}: {1} tidak memiliki atribut \"{2}\".", true},
    {"{0}: unknown entity.", "{0} : entité inconnue.", "{0}: entitas tidak dikenal.", true},
    {"{0}, subgrid {1} lists no entity.", "{0}, sous-grille {1} : aucune entité indiquée.", "{0}, subkisi {1} tidak mencantumkan entitas.", true},
    {"{0}, subgrid {1}: {2}.{3} cannot point at {4}.", "{0}, sous-grille {1} : {2}.{3} ne peut pas pointer vers {4}.",
     "{0}, subkisi {1}: {2}.{3} tidak dapat menunjuk ke {4}.", true},
    {"{0}: {1}", "{0}: {1}", "{0}: {1}", true},  // unchanged unless {0} or {1} translate
    {"{0} reference: {1}", "{0}, référence : {1}", "{0}, referensi: {1}", true},
    {"Form of {0}", "Formulaire de {0}", "Formulir {0}", false},
    {"View {0}", "Vue {0}", "Tampilan {0}", false},
    {"{0}, section {1}", "{0}, section {1}", "{0}, bagian {1}", false},

    // mutation (a change the server refused as malformed: shown in the rejection notice)
    {"A mutation must be a JSON object.", "Une modification doit être un objet JSON.", "Perubahan harus berupa objek JSON.", true},
    {"A mutation's \"id\" must be a UUID string.", "L'« id » d'une modification doit être une chaîne UUID.",
     "\"id\" perubahan harus berupa string UUID.", true},
    {"\"client_id\" must be a string.", "« client_id » doit être une chaîne.", "\"client_id\" harus berupa string.", true},
    {"\"client_seq\" must be an integer of at least 1.", "« client_seq » doit être un entier supérieur ou égal à 1.",
     "\"client_seq\" harus berupa bilangan bulat minimal 1.", true},
    {"A mutation's \"name\" must be a non-empty string.", "Le « name » d'une modification doit être une chaîne non vide.",
     "\"name\" perubahan harus berupa string yang tidak kosong.", true},
    {"A mutation's \"args\" must be a JSON object.", "Les « args » d'une modification doivent être un objet JSON.",
     "\"args\" perubahan harus berupa objek JSON.", true},
    {"\"client_time\" must be milliseconds since 1970 (an integer).",
     "« client_time » doit être un nombre de millisecondes depuis 1970 (un entier).",
     "\"client_time\" harus berupa milidetik sejak 1970 (bilangan bulat).", true},
    {"A mutation has no field \"{0}\".", "Une modification n'a pas de champ « {0} ».", "Perubahan tidak memiliki bidang \"{0}\".", true},
    {"A mutation needs an \"id\" (a UUID).", "Une modification doit avoir un « id » (un UUID).",
     "Perubahan memerlukan \"id\" (UUID).", true},
    {"A mutation needs a \"name\".", "Une modification doit avoir un « name ».", "Perubahan memerlukan \"name\".", true},
    {"A mutation needs a \"client_seq\".", "Une modification doit avoir un « client_seq ».", "Perubahan memerlukan \"client_seq\".", true},
    {"A mutation result must be a JSON object.", "Le résultat d'une modification doit être un objet JSON.",
     "Hasil perubahan harus berupa objek JSON.", true},
    {"\"mutation_id\" must be a string.", "« mutation_id » doit être une chaîne.", "\"mutation_id\" harus berupa string.", true},
    {"\"status\" must be \"accepted\" or \"rejected\".", "« status » doit être « accepted » ou « rejected ».",
     "\"status\" harus \"accepted\" atau \"rejected\".", true},
    {"An accepted result needs an integer \"seq\".", "Un résultat accepté doit avoir un entier « seq ».",
     "Hasil yang diterima memerlukan bilangan bulat \"seq\".", true},
    {"\"status\" must be \"accepted\" or \"rejected\", not \"{0}\".",
     "« status » doit être « accepted » ou « rejected », et non « {0} ».",
     "\"status\" harus \"accepted\" atau \"rejected\", bukan \"{0}\".", true},
    {"This server does not know the change \"{0}\"; update the app and try again.",
     "Ce serveur ne connaît pas la modification « {0} » ; mettez à jour l'application et réessayez.",
     "Server ini tidak mengenali perubahan \"{0}\"; perbarui aplikasi dan coba lagi.", true},

    // mutation_args
    {"{0} needs its arguments as a JSON object.", "{0} attend ses arguments sous forme d'objet JSON.",
     "{0} memerlukan argumennya sebagai objek JSON.", true},
    {"{0} has no argument \"{1}\".", "{0} n'a pas d'argument « {1} ».", "{0} tidak memiliki argumen \"{1}\".", true},
    {"{0} needs \"{1}\" (a non-empty string).", "{0} exige « {1} » (une chaîne non vide).",
     "{0} memerlukan \"{1}\" (string yang tidak kosong).", true},
    {"{0}: \"{1}\" must be a whole number.", "{0} : « {1} » doit être un nombre entier.", "{0}: \"{1}\" harus berupa bilangan bulat.", true},

    // queue_mutations, queue_operations
    {"{0}: \"{1}\" must be true or false.", "{0} : « {1} » doit être true ou false.", "{0}: \"{1}\" harus true atau false.", true},
    {"queue.route needs either \"queue\" (a queue id) or \"to\" (a user or team).",
     "queue.route exige « queue » (un ID de file d'attente) ou « to » (un utilisateur ou une équipe).",
     "queue.route memerlukan \"queue\" (ID antrean) atau \"to\" (pengguna atau tim).", true},
    {"{0} removed this item from the queue.", "{0} a supprimé cet élément de la file d'attente.",
     "{0} telah menghapus item ini dari antrean.", true},
    {"This queue item is no longer in any queue (it may have been removed).",
     "Cet élément de file d'attente n'est plus dans aucune file d'attente (il a peut-être été supprimé).",
     "Item antrean ini tidak lagi berada di antrean mana pun (mungkin telah dihapus).", true},
    {"This item has left {0}; it can no longer be worked from the queue.",
     "Cet élément a quitté {0} ; il ne peut plus être traité depuis la file d'attente.",
     "Item ini telah keluar dari {0}; item tidak dapat lagi dikerjakan dari antrean.", true},
    {"{0} is working on this item; only a CSR Manager may {1} it.",
     "{0} travaille sur cet élément ; seul un responsable du service clientèle peut le {1}.",
     "{0} sedang mengerjakan item ini; hanya Manajer CSR yang dapat {1}nya.", true},
    {"There is no queue with id {0} (it may have been deleted).",
     "Aucune file d'attente n'a l'ID {0} (elle a peut-être été supprimée).",
     "Tidak ada antrean dengan ID {0} (mungkin telah dihapus).", true},
    {"The queue {0} is inactive; choose an active queue or ask an administrator to activate it.",
     "La file d'attente {0} est inactive ; choisissez une file d'attente active ou demandez à un administrateur de l'activer.",
     "Antrean {0} tidak aktif; pilih antrean aktif atau minta administrator untuk mengaktifkannya.", true},
    {"There is no {0} with id {1} to put in a queue (it may have been deleted).",
     "Aucun enregistrement {0} n'a l'ID {1} à placer dans une file d'attente (il a peut-être été supprimé).",
     "Tidak ada {0} dengan ID {1} untuk dimasukkan ke antrean (mungkin telah dihapus).", true},
    {"{0} is working on this item.", "{0} travaille sur cet élément.", "{0} sedang mengerjakan item ini.", true},
    {"{0} has no queue of their own; pick the item without moving it.",
     "{0} n'a pas de file d'attente personnelle ; prenez l'élément sans le déplacer.",
     "{0} tidak memiliki antrean sendiri; ambil item tanpa memindahkannya.", true},
    {"The queue {0} is inactive; choose an active queue.",
     "La file d'attente {0} est inactive ; choisissez une file d'attente active.",
     "Antrean {0} tidak aktif; pilih antrean aktif.", true},
    {"Route an item to a user or a team.", "Routez un élément vers un utilisateur ou une équipe.",
     "Rutekan item ke pengguna atau tim.", true},
    {"There is no such team to route the item to.", "Cette équipe n'existe pas ; impossible d'y router l'élément.",
     "Tidak ada tim tersebut untuk tujuan rute item.", true},
    {"There is no such user to route the item to.", "Cet utilisateur n'existe pas ; impossible de lui router l'élément.",
     "Tidak ada pengguna tersebut untuk tujuan rute item.", true},
    {"{0} is working on this item; only they or a CSR Manager may remove it.",
     "{0} travaille sur cet élément ; seul cette personne ou un responsable du service clientèle peut le supprimer.",
     "{0} sedang mengerjakan item ini; hanya orang tersebut atau Manajer CSR yang dapat menghapusnya.", true},

    // record_creation_rules (inbound email: an administrator reads these)
    {"Records cannot be created here (record.create is not registered).",
     "Impossible de créer des enregistrements ici (record.create n'est pas inscrit).",
     "Rekaman tidak dapat dibuat di sini (record.create tidak terdaftar).", true},
    {"The email needs \"{0}\".", "Le courrier électronique doit avoir « {0} ».", "Email memerlukan \"{0}\".", true},
    {"\"{0}\" must be a string.", "« {0} » doit être une chaîne.", "\"{0}\" harus berupa string.", true},
    {"The email needs a non-empty \"{0}\".", "Le courrier électronique doit avoir un « {0} » non vide.",
     "Email memerlukan \"{0}\" yang tidak kosong.", true},
    {"\"{0}\" is longer than {1} characters.", "« {0} » dépasse {1} caractères.", "\"{0}\" lebih dari {1} karakter.", true},
    {"The email must be a JSON object.", "Le courrier électronique doit être un objet JSON.", "Email harus berupa objek JSON.", true},
    {"Unknown field \"{0}\"; an email has from, to, subject, body, messageid, inreplyto.",
     "Champ inconnu « {0} » ; un courrier électronique a from, to, subject, body, messageid, inreplyto.",
     "Bidang tidak dikenal \"{0}\"; email memiliki from, to, subject, body, messageid, inreplyto.", true},
    {"\"from\" has no email address (expected \"Name <name@example.com>\").",
     "« from » n'a pas d'adresse de messagerie (attendu : « Nom <nom@example.com> »).",
     "\"from\" tidak memiliki alamat email (diharapkan \"Nama <nama@example.com>\").", true},
    {"\"to\" has no email address.", "« to » n'a pas d'adresse de messagerie.", "\"to\" tidak memiliki alamat email.", true},
    {"The email {0} was already received.", "Le courrier électronique {0} a déjà été reçu.", "Email {0} sudah diterima.", true},
    {"No active queue receives mail for {0}; set the queue's Incoming Email address.",
     "Aucune file d'attente active ne reçoit le courrier pour {0} ; définissez l'adresse de courrier entrant de la file d'attente.",
     "Tidak ada antrean aktif yang menerima email untuk {0}; atur alamat Email Masuk antrean.", true},

    // record_mutations: record.assign
    {"Choose a user or team to assign the record to.", "Choisissez un utilisateur ou une équipe à qui affecter l'enregistrement.",
     "Pilih pengguna atau tim untuk menerima penugasan rekaman.", true},
    {"{0} is disabled; assign the record to an active user.", "{0} est désactivé ; affectez l'enregistrement à un utilisateur actif.",
     "{0} dinonaktifkan; tugaskan rekaman ke pengguna yang aktif.", true},

    // field_rules: what the write path refuses to let a plain edit change
    {"{0} is changed only by Resolve Case, Cancel Case or Reactivate; use one of those commands.",
     "{0} ne se modifie que par Résoudre l'incident, Annuler l'incident ou Réactiver ; utilisez l'une de ces commandes.",
     "{0} hanya diubah melalui Selesaikan Kasus, Batalkan Kasus, atau Aktifkan Kembali; gunakan salah satu perintah itu.", true},
    {"{0} is changed only by Mark Complete or Cancel; use one of those commands.",
     "{0} ne se modifie que par Marquer comme terminé ou Annuler ; utilisez l'une de ces commandes.",
     "{0} hanya diubah melalui Tandai Selesai atau Batalkan; gunakan salah satu perintah itu.", true},
    {"{0} is changed only by the article's lifecycle commands (Submit for Review, Approve, Publish, Update, Archive ...); use one of them.",
     "{0} ne se modifie que par les commandes du cycle de vie de l'article (Soumettre pour révision, Approuver, Publier, Mettre à jour, Archiver...) ; utilisez l'une d'elles.",
     "{0} hanya diubah melalui perintah siklus hidup artikel (Kirim untuk Ditinjau, Setujui, Terbitkan, Perbarui, Arsipkan ...); gunakan salah satunya.", true},
    {"{0} is changed only by the record's own commands, not by editing it; ask an administrator to change it.",
     "{0} ne se modifie que par les commandes propres à l'enregistrement, pas en le modifiant ; demandez à un administrateur de le changer.",
     "{0} hanya diubah melalui perintah rekaman itu sendiri, bukan dengan mengeditnya; minta administrator untuk mengubahnya.", true},
    {"Owner changes only through Assign, which needs the Assign privilege; use Assign to hand this record to someone else.",
     "Le propriétaire ne change que par Affecter, qui exige le privilège Affecter ; utilisez Affecter pour confier cet enregistrement à quelqu'un d'autre.",
     "Pemilik hanya berubah melalui Tugaskan, yang memerlukan hak istimewa Tugaskan; gunakan Tugaskan untuk menyerahkan rekaman ini kepada orang lain.", true},
    {"Owning Business Unit follows the owner and cannot be set; assign the record to a user or team of the other business unit instead.",
     "La division propriétaire suit le propriétaire et ne peut pas être définie ; affectez plutôt l'enregistrement à un utilisateur ou une équipe de l'autre division.",
     "Unit Bisnis Pemilik mengikuti pemilik dan tidak dapat diatur; sebagai gantinya, tugaskan rekaman ke pengguna atau tim dari unit bisnis lain.", true},
    {"{0} is given once when the record is created and cannot be changed.",
     "{0} est attribué une fois à la création de l'enregistrement et ne peut pas être modifié.",
     "{0} diberikan sekali saat rekaman dibuat dan tidak dapat diubah.", true},
    {"{0} {1} is already used by another record; create it with another number.",
     "{0} {1} est déjà utilisé par un autre enregistrement ; créez-le avec un autre numéro.",
     "{0} {1} sudah digunakan oleh rekaman lain; buat dengan nomor lain.", true},
    {"{0} is kept by the SLA engine from the case's SLA timers and cannot be edited.",
     "{0} est tenu par le moteur SLA d'après les minuteurs SLA de l'incident et ne peut pas être modifié.",
     "{0} dikelola oleh mesin SLA dari penghitung waktu SLA kasus dan tidak dapat diedit.", true},
    {"{0} is kept by CaseHub's own rules and cannot be edited.",
     "{0} est tenu par les règles de CaseHub et ne peut pas être modifié.",
     "{0} dikelola oleh aturan CaseHub sendiri dan tidak dapat diedit.", true},

    // record_mutations
    {"{0} needs \"{1}\" (a JSON object).", "{0} exige « {1} » (un objet JSON).", "{0} memerlukan \"{1}\" (objek JSON).", true},
    {"{0}: \"{1}\" must be a JSON object.", "{0} : « {1} » doit être un objet JSON.", "{0}: \"{1}\" harus berupa objek JSON.", true},
    {"\"{0}\" is set by CaseHub itself and cannot be changed.", "« {0} » est défini par CaseHub et ne peut pas être modifié.",
     "\"{0}\" diatur oleh CaseHub sendiri dan tidak dapat diubah.", true},
    {"This {0} was deleted by {1}; your change to it was not applied.",
     "Cet enregistrement {0} a été supprimé par {1} ; votre modification n'a pas été appliquée.",
     "{0} ini telah dihapus oleh {1}; perubahan Anda tidak diterapkan.", true},
    {"record.create: \"id\" must be a UUID.", "record.create : « id » doit être un UUID.", "record.create: \"id\" harus berupa UUID.", true},
    {"A {0} with id {1} already exists.", "Un enregistrement {0} avec l'ID {1} existe déjà.", "{0} dengan ID {1} sudah ada.", true},

    // routing_rules
    {"case.apply_routing needs {\"id\": case id}.", "case.apply_routing exige {\"id\": ID de l'incident}.",
     "case.apply_routing memerlukan {\"id\": ID kasus}.", true},
    {"case.apply_routing has no argument \"{0}\".", "case.apply_routing n'a pas d'argument « {0} ».",
     "case.apply_routing tidak memiliki argumen \"{0}\".", true},
    {"case.apply_routing needs \"id\" (the case id).", "case.apply_routing exige « id » (l'ID de l'incident).",
     "case.apply_routing memerlukan \"id\" (ID kasus).", true},
    {"{0} is closed; reactivate it before routing it.", "{0} est fermé ; réactivez-le avant de le router.",
     "{0} sudah ditutup; aktifkan kembali sebelum merutekannya.", true},
    {"The condition of rule item \"{0}\" is not a JSON object.",
     "La condition de l'élément de règle « {0} » n'est pas un objet JSON.",
     "Kondisi item aturan \"{0}\" bukan objek JSON.", true},
    {"There is no active routing rule set; ask an administrator to activate one.",
     "Aucun ensemble de règles de routage n'est actif ; demandez à un administrateur d'en activer un.",
     "Tidak ada kumpulan aturan perutean yang aktif; minta administrator untuk mengaktifkannya.", true},
    {"Rule item \"{0}\" routes nowhere; give it a queue or a user or team.",
     "L'élément de règle « {0} » ne route nulle part ; indiquez une file d'attente, un utilisateur ou une équipe.",
     "Item aturan \"{0}\" tidak merutekan ke mana pun; tetapkan antrean, pengguna, atau tim.", true},

    // security
    {"{0} may not {1}. Ask an administrator for a security role that allows it.",
     "{0} n'est pas autorisé à {1}. Demandez à un administrateur un rôle de sécurité qui le permet.",
     "{0} tidak diizinkan untuk {1}. Minta administrator untuk peran keamanan yang mengizinkannya.", true},
    {"{0} may only {1} they own; this one belongs to {2}.",
     "{0} n'est autorisé à {1} que s'il en est propriétaire ; celui-ci appartient à {2}.",
     "{0} hanya dapat {1} miliknya sendiri; yang ini milik {2}.", true},
    {"{0} may not {1} outside their business unit.", "{0} n'est pas autorisé à {1} en dehors de sa division.",
     "{0} tidak diizinkan untuk {1} di luar unit bisnisnya.", true},
    {"{0} may not {1} of business unit {2}.", "{0} n'est pas autorisé à {1} de la division {2}.",
     "{0} tidak diizinkan untuk {1} dari unit bisnis {2}.", true},
    {"create {0}", "créer {0}", "membuat {0}", false},
    {"see {0}", "voir {0}", "melihat {0}", false},
    {"change {0}", "modifier {0}", "mengubah {0}", false},
    {"delete {0}", "supprimer {0}", "menghapus {0}", false},
    {"link {0} to other records", "lier {0} à d'autres enregistrements", "menautkan {0} ke rekaman lain", false},
    {"attach records to {0}", "joindre des enregistrements à {0}", "melampirkan rekaman ke {0}", false},
    {"assign {0}", "affecter {0}", "menetapkan {0}", false},
    {"use {0}", "utiliser {0}", "menggunakan {0}", false},
    {"A record cannot be left without an owner; choose a user or team.",
     "Un enregistrement ne peut pas rester sans propriétaire ; choisissez un utilisateur ou une équipe.",
     "Rekaman tidak boleh tanpa pemilik; pilih pengguna atau tim.", true},
    {"The new owner must be a user or a team ({\"entity\":\"systemuser\",\"id\":..}).",
     "Le nouveau propriétaire doit être un utilisateur ou une équipe ({\"entity\":\"systemuser\",\"id\":..}).",
     "Pemilik baru harus berupa pengguna atau tim ({\"entity\":\"systemuser\",\"id\":..}).", true},
    {"The new owner does not exist; choose another user or team.",
     "Le nouveau propriétaire n'existe pas ; choisissez un autre utilisateur ou une autre équipe.",
     "Pemilik baru tidak ada; pilih pengguna atau tim lain.", true},
    {"Cannot assign to {0}: {1}", "Impossible d'affecter à {0} : {1}", "Tidak dapat menetapkan ke {0}: {1}", true},
    {"{0} may not see {1}, so cannot own this one; choose an owner whose role lets them read it.",
     "{0} n'est pas autorisé à voir {1} et ne peut donc pas être propriétaire de celui-ci ; choisissez un propriétaire dont le rôle permet de le lire.",
     "{0} tidak diizinkan melihat {1}, sehingga tidak dapat memiliki yang ini; pilih pemilik yang perannya dapat membacanya.", true},
    {"{0} may not release an item {1} is working on; ask a CSR Manager to release it.",
     "{0} n'est pas autorisé à libérer un élément sur lequel {1} travaille ; demandez à un responsable du service clientèle de le libérer.",
     "{0} tidak diizinkan melepaskan item yang sedang dikerjakan {1}; minta Manajer CSR untuk melepaskannya.", true},
    {"There is no user {0}; ask an administrator to add it.",
     "L'utilisateur {0} n'existe pas ; demandez à un administrateur de l'ajouter.",
     "Tidak ada pengguna {0}; minta administrator untuk menambahkannya.", true},
    {"The account of {0} is disabled; ask an administrator to enable it.",
     "Le compte de {0} est désactivé ; demandez à un administrateur de l'activer.",
     "Akun {0} dinonaktifkan; minta administrator untuk mengaktifkannya.", true},
    {"The account of {0} has no business unit; ask an administrator to set one.",
     "Le compte de {0} n'a pas de division ; demandez à un administrateur d'en définir une.",
     "Akun {0} tidak memiliki unit bisnis; minta administrator untuk menetapkannya.", true},

    // sla_engine
    {"sla.evaluate needs \"id\": the case whose SLA timers to check.",
     "sla.evaluate exige « id » : l'incident dont les minuteurs SLA sont à vérifier.",
     "sla.evaluate memerlukan \"id\": kasus yang timer SLA-nya akan diperiksa.", true},
    {"An SLA action sets an invalid value: {0}", "Une action SLA définit une valeur non valide : {0}",
     "Tindakan SLA menetapkan nilai yang tidak valid: {0}", true},

    // state_model
    {"{0} is not a statecode of {1}.", "{0} n'est pas un statecode de {1}.", "{0} bukan statecode dari {1}.", true},
    {"{0} is not a statuscode of {1}.", "{0} n'est pas un statuscode de {1}.", "{0} bukan statuscode dari {1}.", true},
    {"Status reason {0} ({1}) belongs to state {2}, not {3}.",
     "La raison du statut {0} ({1}) appartient à l'état {2}, et non {3}.",
     "Alasan status {0} ({1}) milik status {2}, bukan {3}.", true},
    {"A {0} cannot go from {1} to {2}.", "Un enregistrement {0} ne peut pas passer de l'état {1} à l'état {2}.",
     "{0} tidak dapat berubah dari {1} ke {2}.", true},
    {"statecode must be an integer.", "statecode doit être un entier.", "statecode harus berupa bilangan bulat.", true},
    {"statuscode must be an integer.", "statuscode doit être un entier.", "statuscode harus berupa bilangan bulat.", true},

    // sync_server (what reaches the rejection notice or the sync status)
    {"A change must be a JSON object.", "Une modification doit être un objet JSON.", "Perubahan harus berupa objek JSON.", true},
    {"A change needs seq (integer), op, entity and id (strings).",
     "Une modification doit avoir seq (entier), op, entity et id (chaînes).",
     "Perubahan memerlukan seq (bilangan bulat), op, entity, dan id (string).", true},
    {"An upsert change needs a record with attributes.", "Une modification upsert doit avoir un enregistrement avec des attributs.",
     "Perubahan upsert memerlukan rekaman dengan atribut.", true},
    {"Unknown change op \"{0}\".", "Opération de modification inconnue « {0} ».", "Operasi perubahan tidak dikenal \"{0}\".", true},
    {"A pull answer must be a JSON object.", "Une réponse de récupération doit être un objet JSON.",
     "Jawaban penarikan harus berupa objek JSON.", true},
    {"A pull answer needs changes (array) and cursor (integer).",
     "Une réponse de récupération doit avoir changes (tableau) et cursor (entier).",
     "Jawaban penarikan memerlukan changes (array) dan cursor (bilangan bulat).", true},
    {"A snapshot must be a JSON object.", "Un instantané doit être un objet JSON.", "Snapshot harus berupa objek JSON.", true},
    {"A snapshot needs records (array) and cursor (integer).", "Un instantané doit avoir records (tableau) et cursor (entier).",
     "Snapshot memerlukan records (array) dan cursor (bilangan bulat).", true},
    {"Each snapshot record needs entity and id strings.",
     "Chaque enregistrement d'un instantané doit avoir les chaînes entity et id.",
     "Setiap rekaman snapshot memerlukan string entity dan id.", true},
    {"Record attributes must be an object.", "Les attributs d'un enregistrement doivent être un objet.",
     "Atribut rekaman harus berupa objek.", true},
    {"The push has no client_id.", "L'envoi n'a pas de client_id.", "Pengiriman tidak memiliki client_id.", true},
    {"Sign in to sync.", "Connectez-vous pour synchroniser.", "Masuk untuk menyinkronkan.", true},
    {"This device's sync id belongs to another user; sign out and sign in again to get a new one.",
     "L'ID de synchronisation de cet appareil appartient à un autre utilisateur ; déconnectez-vous et reconnectez-vous pour en obtenir un nouveau.",
     "ID sinkronisasi perangkat ini milik pengguna lain; keluar lalu masuk lagi untuk mendapatkan yang baru.", true},
    {"Mutation {0} has client_seq {1} but the server expected {2}; this device lost changes it had not sent. Nothing was applied.",
     "La modification {0} a le client_seq {1} mais le serveur attendait {2} ; cet appareil a perdu des modifications non envoyées. Rien n'a été appliqué.",
     "Perubahan {0} memiliki client_seq {1} tetapi server mengharapkan {2}; perangkat ini kehilangan perubahan yang belum dikirim. Tidak ada yang diterapkan.", true},
    {"This device numbered two different changes {0} (the first was {1}); this one was not applied. Make the change again.",
     "Cet appareil a numéroté deux modifications différentes {0} (la première était {1}) ; celle-ci n'a pas été appliquée. Refaites la modification.",
     "Perangkat ini memberi nomor {0} pada dua perubahan berbeda (yang pertama adalah {1}); perubahan ini tidak diterapkan. Lakukan perubahan lagi.", true},
    {"This device numbered two different changes {0}; this one was not applied. Make the change again.",
     "Cet appareil a numéroté deux modifications différentes {0} ; celle-ci n'a pas été appliquée. Refaites la modification.",
     "Perangkat ini memberi nomor {0} pada dua perubahan berbeda; perubahan ini tidak diterapkan. Lakukan perubahan lagi.", true},

    // device storage (device_restore, device_journal, replica; the client's data layer:
    // the sync status' tooltip, the form's save line and the sign-in screen show these)
    {"The work stored on this device could not be read ({0}).",
     "Le travail enregistré sur cet appareil n'a pas pu être lu ({0}).",
     "Pekerjaan yang tersimpan di perangkat ini tidak dapat dibaca ({0}).", true},
    {"its meta values are not an object", "ses valeurs méta ne sont pas un objet", "nilai metanya bukan objek", false},
    {"the client id is not text", "l'ID client n'est pas du texte", "ID klien bukan teks", false},
    {"an outbox entry is not JSON", "une entrée de la file d'envoi n'est pas du JSON", "sebuah entri kotak keluar bukan JSON", false},
    {"the rejections are not JSON", "les refus ne sont pas du JSON", "daftar penolakan bukan JSON", false},
    {"a page of records is not a list", "une page d'enregistrements n'est pas une liste", "satu halaman rekaman bukan daftar", false},
    {"a stored record is malformed", "un enregistrement stocké est mal formé", "sebuah rekaman tersimpan salah format", false},
    {"Nothing is stored on this device for this user yet.", "Rien n'est encore enregistré sur cet appareil pour cet utilisateur.",
     "Belum ada yang tersimpan di perangkat ini untuk pengguna ini.", true},
    {"A saved outbox entry has no mutation.", "Une entrée enregistrée de la file d'envoi n'a pas de modification.",
     "Entri kotak keluar yang tersimpan tidak memiliki perubahan.", true},
    {"A saved outbox entry is malformed: {0}", "Une entrée enregistrée de la file d'envoi est mal formée : {0}",
     "Entri kotak keluar yang tersimpan salah format: {0}", true},
    {"The saved rejections are not a list.", "Les refus enregistrés ne sont pas une liste.",
     "Penolakan yang tersimpan bukan berupa daftar.", true},
    {"A saved rejection is malformed.", "Un refus enregistré est mal formé.", "Penolakan yang tersimpan salah format.", true},
    {"The saved replica is not a JSON object.", "La réplique enregistrée n'est pas un objet JSON.",
     "Replika yang tersimpan bukan objek JSON.", true},
    {"The saved replica is incomplete (client_id, next_client_seq, cursor, confirmed, outbox, rejections).",
     "La réplique enregistrée est incomplète (client_id, next_client_seq, cursor, confirmed, outbox, rejections).",
     "Replika yang tersimpan tidak lengkap (client_id, next_client_seq, cursor, confirmed, outbox, rejections).", true},
    {"This device has no storage space left for CaseHub, so your latest changes are not saved on it yet. Free some space "
     "(close other tabs, clear other sites' data); they are saved as soon as there is room. Keep this tab open until then.",
     "Cet appareil n'a plus d'espace de stockage pour CaseHub : vos dernières modifications n'y sont donc pas encore "
     "enregistrées. Libérez de l'espace (fermez d'autres onglets, effacez les données d'autres sites) ; elles seront "
     "enregistrées dès qu'il y aura de la place. Gardez cet onglet ouvert d'ici là.",
     "Perangkat ini tidak memiliki ruang penyimpanan lagi untuk CaseHub, jadi perubahan terbaru Anda belum tersimpan di "
     "perangkat ini. Kosongkan sebagian ruang (tutup tab lain, hapus data situs lain); perubahan akan disimpan begitu ada "
     "ruang. Biarkan tab ini terbuka sampai saat itu.", true},
    {"The browser closed CaseHub's storage on this device ({0}), so your latest changes are not saved on it yet. Keep this "
     "tab open and reload when they are synced.",
     "Le navigateur a fermé le stockage de CaseHub sur cet appareil ({0}) : vos dernières modifications n'y sont donc pas "
     "encore enregistrées. Gardez cet onglet ouvert et rechargez la page une fois qu'elles sont synchronisées.",
     "Browser menutup penyimpanan CaseHub di perangkat ini ({0}), jadi perubahan terbaru Anda belum tersimpan di perangkat "
     "ini. Biarkan tab ini terbuka dan muat ulang setelah perubahan tersinkron.", true},
    {"Saving on this device failed ({0}), so your latest changes are not saved on it yet; retrying. Keep this tab open "
     "until the status says saved.",
     "L'enregistrement sur cet appareil a échoué ({0}) : vos dernières modifications n'y sont donc pas encore "
     "enregistrées ; nouvelle tentative en cours. Gardez cet onglet ouvert jusqu'à ce que l'état indique « enregistré ».",
     "Penyimpanan di perangkat ini gagal ({0}), jadi perubahan terbaru Anda belum tersimpan di perangkat ini; sedang "
     "dicoba lagi. Biarkan tab ini terbuka sampai status menyatakan tersimpan.", true},
    {"This browser refuses to store CaseHub's data on this device ({0}; a private window does this). Your changes are kept "
     "only while this tab is open and are sent when online. Open CaseHub in a normal window to work offline safely.",
     "Ce navigateur refuse de stocker les données de CaseHub sur cet appareil ({0} ; une fenêtre de navigation privée le "
     "fait). Vos modifications ne sont conservées que tant que cet onglet reste ouvert et sont envoyées une fois en ligne. "
     "Ouvrez CaseHub dans une fenêtre normale pour travailler hors connexion en toute sécurité.",
     "Browser ini menolak menyimpan data CaseHub di perangkat ini ({0}; jendela pribadi melakukan ini). Perubahan Anda "
     "hanya disimpan selama tab ini terbuka dan dikirim saat online. Buka CaseHub di jendela biasa agar dapat bekerja "
     "offline dengan aman.", true},
    {"Your data on this device could not be read ({0}). Reload the page to try again.",
     "Vos données sur cet appareil n'ont pas pu être lues ({0}). Rechargez la page pour réessayer.",
     "Data Anda di perangkat ini tidak dapat dibaca ({0}). Muat ulang halaman untuk mencoba lagi.", true},
    {"This browser cleared CaseHub's local data since your last visit; changes not synced before then could not be kept.",
     "Ce navigateur a effacé les données locales de CaseHub depuis votre dernière visite ; les modifications non "
     "synchronisées avant cela n'ont pas pu être conservées.",
     "Browser ini menghapus data lokal CaseHub sejak kunjungan terakhir Anda; perubahan yang belum tersinkron sebelum itu "
     "tidak dapat disimpan.", true},
    {"Your data on this device is still loading ({0} of {1} records); try again in a moment.",
     "Vos données sur cet appareil sont encore en cours de chargement ({0} enregistrements sur {1}) ; réessayez dans un "
     "instant.",
     "Data Anda di perangkat ini masih dimuat ({0} dari {1} rekaman); coba lagi sebentar lagi.", true},

    // validation
    {"{0} ({1}) must be {2}; got {3}.", "{0} ({1}) doit être {2} ; reçu : {3}.", "{0} ({1}) harus berupa {2}; diterima {3}.", true},
    {"{0} is limited to {1} characters; shorten it.", "{0} est limité à {1} caractères ; raccourcissez-le.",
     "{0} dibatasi {1} karakter; persingkat.", true},
    {"Case Number must look like CAS-01042-X1Y2Z3; got \"{0}\".",
     "Le numéro d'incident doit être de la forme CAS-01042-X1Y2Z3 ; reçu : « {0} ».",
     "Nomor Kasus harus seperti CAS-01042-X1Y2Z3; diterima \"{0}\".", true},
    {"{0} must be a UTC date and time such as \"2026-11-24T09:37:38Z\"; got \"{1}\".",
     "{0} doit être une date et une heure UTC telle que « 2026-11-24T09:37:38Z » ; reçu : « {1} ».",
     "{0} harus berupa tanggal dan waktu UTC seperti \"2026-11-24T09:37:38Z\"; diterima \"{1}\".", true},
    {"{0} is not a valid {1}; use one of {2}.", "{0} n'est pas une valeur valide pour {1} ; utilisez l'une des valeurs {2}.",
     "{0} bukan {1} yang valid; gunakan salah satu dari {2}.", true},
    {"{0} or {1}", "{0} ou {1}", "{0} atau {1}", false},
    {"{0} must point at {1}; got {2}.", "{0} doit pointer vers {1} ; reçu : {2}.", "{0} harus menunjuk ke {1}; diterima {2}.", true},
    {"{0} has a malformed id \"{1}\".", "{0} a un ID mal formé « {1} ».", "{0} memiliki ID yang salah format \"{1}\".", true},
    {"{0} points at a {1} ({2}) that does not exist or was deleted.",
     "{0} pointe vers un enregistrement {1} ({2}) qui n'existe pas ou a été supprimé.",
     "{0} menunjuk ke {1} ({2}) yang tidak ada atau telah dihapus.", true},
    {"{0} has no attribute \"{1}\".", "{0} n'a pas d'attribut « {1} ».", "{0} tidak memiliki atribut \"{1}\".", true},
    {"\"in\" on {0} needs an array of values.", "« in » sur {0} exige un tableau de valeurs.",
     "\"in\" pada {0} memerlukan array nilai.", true},
    {"There is no entity named \"{0}\".", "Il n'existe aucune entité nommée « {0} ».", "Tidak ada entitas bernama \"{0}\".", true},
    {"Record id must be a UUID such as 8f0c...-...; got \"{0}\".",
     "L'ID d'un enregistrement doit être un UUID tel que 8f0c...-... ; reçu : « {0} ».",
     "ID rekaman harus berupa UUID seperti 8f0c...-...; diterima \"{0}\".", true},
    {"Record attributes must be a JSON object.", "Les attributs d'un enregistrement doivent être un objet JSON.",
     "Atribut rekaman harus berupa objek JSON.", true},
    {"{0} is required.", "{0} est obligatoire.", "{0} wajib diisi.", true},
    {"{0} has no attribute \"{1}\" to sort on.", "{0} n'a pas d'attribut « {1} » pour le tri.",
     "{0} tidak memiliki atribut \"{1}\" untuk pengurutan.", true},
};

// Words and short phrases core code splices into messages, from a closed set.
struct ValueWord {
    const char* en;
    const char* fr;
    const char* id;
};
const ValueWord kValues[] = {
    {"active", "actif", "aktif"},
    {"resolved", "résolu", "diselesaikan"},
    {"canceled", "annulé", "dibatalkan"},
    {"completed", "terminé", "selesai"},
    {"not active", "inactif", "tidak aktif"},
    {"team", "équipe", "tim"},
    {"user", "utilisateur", "pengguna"},
    {"release", "libérer", "melepaskan"},
    {"route", "router", "merutekan"},
    {"pick", "prendre", "mengambil"},
    {"remove", "supprimer", "menghapus"},
    {"English", "anglais", "Inggris"},
    {"French", "français", "Prancis"},
    {"Indonesian", "indonésien", "Indonesia"},
    {"that language", "cette langue", "bahasa tersebut"},
    {"submitted for review", "soumis pour révision", "dikirim untuk ditinjau"},
    {"published", "publiés", "diterbitkan"},
    {"given a new version", "dotés d'une nouvelle version", "diberi versi baru"},
    {"translated", "traduits", "diterjemahkan"},
    {"linked to a case", "liés à un incident", "ditautkan ke kasus"},
    {"rated", "évalués", "diberi peringkat"},
    {"Draft", "Brouillon", "Draf"},
    {"Approved", "Approuvé", "Disetujui"},
    {"Scheduled", "Planifié", "Terjadwal"},
    {"Published", "Publié", "Diterbitkan"},
    {"Expired", "Expiré", "Kedaluwarsa"},
    {"Archived", "Archivé", "Diarsipkan"},
    {"Discarded", "Ignoré", "Dibuang"},
    {"Draft, Approved or Scheduled", "Brouillon, Approuvé ou Planifié", "Draf, Disetujui, atau Terjadwal"},
    {"non-discarded", "non ignorés", "yang tidak dibuang"},
    {"article", "article", "artikel"},
    {"case", "incident", "kasus"},
    {"This case", "Cet incident", "Kasus ini"},
    {"nobody", "personne", "tidak seorang pun"},
    {"another agent", "un autre agent", "agen lain"},
    {"cases", "les incidents", "kasus"},
    {"accounts", "les comptes", "akun"},
    {"contacts", "les contacts", "kontak"},
    {"emails", "les courriers électroniques", "email"},
    {"tasks", "les tâches", "tugas"},
    {"appointments", "les rendez-vous", "janji temu"},
    {"phone calls", "les appels téléphoniques", "panggilan telepon"},
    {"social activities", "les activités sociales", "aktivitas sosial"},
    {"notes", "les notes", "catatan"},
    {"case resolutions", "les résolutions d'incident", "resolusi kasus"},
    {"queues", "les files d'attente", "antrean"},
    {"queue items", "les éléments de file d'attente", "item antrean"},
    {"knowledge articles", "les articles de connaissances", "artikel pengetahuan"},
    // Stages of the Phone to Case process.
    {"Identify", "Identifier", "Identifikasi"},
    {"Research", "Rechercher", "Riset"},
    {"Resolve", "Résoudre", "Selesaikan"},
    // What validation expected of a value.
    {"text", "du texte", "teks"},
    {"a whole number", "un nombre entier", "bilangan bulat"},
    {"a number", "un nombre", "angka"},
    {"true or false", "true ou false", "true atau false"},
    {"a UTC date and time such as \"2026-11-24T09:37:38Z\"", "une date et une heure UTC telle que « 2026-11-24T09:37:38Z »",
     "tanggal dan waktu UTC seperti \"2026-11-24T09:37:38Z\""},
    {"an option value (integer)", "une valeur de groupe d'options (entier)", "nilai set opsi (bilangan bulat)"},
};

struct Segment {
    std::string literal;  // empty for a placeholder
    int placeholder = -1;
};

struct Compiled {
    std::vector<Segment> segments;
    std::size_t literal_chars = 0;
    bool anchored = false;  // starts with literal text
    const MessageTemplate* source = nullptr;
};

std::vector<Segment> split(std::string_view text) {
    std::vector<Segment> out;
    std::string literal;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '{' && i + 2 < text.size() && text[i + 1] >= '0' && text[i + 1] <= '9' && text[i + 2] == '}') {
            if (!literal.empty()) out.push_back({std::move(literal), -1});
            literal.clear();
            out.push_back({{}, text[i + 1] - '0'});
            i += 2;
        } else {
            literal += text[i];
        }
    }
    if (!literal.empty()) out.push_back({std::move(literal), -1});
    return out;
}

const std::vector<Compiled>& compiled() {
    static const std::vector<Compiled> all = [] {
        std::vector<Compiled> out;
        for (const MessageTemplate& t : message_templates()) {
            Compiled c;
            c.segments = split(t.en);
            for (const Segment& s : c.segments) c.literal_chars += s.literal.size();
            c.anchored = !c.segments.empty() && c.segments.front().placeholder < 0;
            c.source = &t;
            out.push_back(std::move(c));
        }
        return out;
    }();
    return all;
}

using Captures = std::vector<std::string_view>;

bool match_from(const std::vector<Segment>& segs, std::size_t si, std::string_view text, std::size_t pos,
                Captures& caps) {
    if (si == segs.size()) return pos == text.size();
    const Segment& s = segs[si];
    if (s.placeholder < 0) {
        if (text.compare(pos, s.literal.size(), s.literal) != 0) return false;
        return match_from(segs, si + 1, text, pos + s.literal.size(), caps);
    }
    auto& slot = caps[static_cast<std::size_t>(s.placeholder)];
    if (si + 1 == segs.size()) {
        if (pos >= text.size()) return false;
        slot = text.substr(pos);
        return true;
    }
    // The next segment is a literal (templates never put two placeholders side by side):
    // try each place it occurs, shortest capture first.
    const std::string& next = segs[si + 1].literal;
    for (std::size_t at = text.find(next, pos + 1); at != std::string_view::npos; at = text.find(next, at + 1)) {
        slot = text.substr(pos, at - pos);
        if (match_from(segs, si + 1, text, at, caps)) return true;
    }
    return false;
}

const char* in(const MessageTemplate& t, Language language) {
    return language == Language::fr ? t.fr : t.id;
}

// Schema labels (entity, attribute, option, state and status labels, and entity logical
// names) plus kValues, English -> translation. The first label wins on a clash.
const std::string* value_word(std::string_view english, Language language) {
    using Table = std::map<std::string, std::string, std::less<>>;
    static const std::pair<Table, Table> tables = [] {
        std::pair<Table, Table> t;
        auto add = [&t](const std::string& en, const std::string& fr, const std::string& id) {
            if (en.empty()) return;
            if (!fr.empty()) t.first.emplace(en, fr);
            if (!id.empty()) t.second.emplace(en, id);
        };
        for (const ValueWord& v : kValues) add(v.en, v.fr, v.id);
        for (const EntityDef& e : casehub_schema().entities) {
            add(e.label.en, e.label.fr, e.label.id);
            add(e.plural.en, e.plural.fr, e.plural.id);
            add(e.name, e.label.fr, e.label.id);
            for (const OptionValue& o : e.states) add(o.label.en, o.label.fr, o.label.id);
            for (const OptionValue& o : e.statuses) add(o.label.en, o.label.fr, o.label.id);
            for (const AttributeDef& a : e.attributes) {
                add(a.label.en, a.label.fr, a.label.id);
                for (const OptionValue& o : a.options) add(o.label.en, o.label.fr, o.label.id);
            }
        }
        return t;
    }();
    const Table& table = language == Language::fr ? tables.first : tables.second;
    auto it = table.find(english);
    return it == table.end() ? nullptr : &it->second;
}

// Top: a whole message. Phrase: a placeholder value, matched against phrase templates
// only. Nested: a placeholder that ends its template after ": " carries a whole message
// of its own ("View {0}: {1}"), matched against everything.
enum class Scope { top, phrase, nested };

std::optional<std::string> translate(std::string_view english, Language language, Scope scope, int depth);

// A placeholder value in `language`, and whether it changed.
std::pair<std::string, bool> translate_value(std::string_view value, Language language, Scope scope, int depth) {
    if (const std::string* word = value_word(value, language)) return {*word, true};
    if (depth < 3)
        if (auto nested = translate(value, language, scope, depth + 1)) return {*nested, true};
    return {std::string(value), false};
}

std::optional<std::string> translate(std::string_view english, Language language, Scope scope, int depth) {
    const Compiled* best = nullptr;
    Captures best_caps;
    Captures caps(10);
    for (const Compiled& c : compiled()) {
        if ((scope == Scope::top && !c.source->whole) || (scope == Scope::phrase && c.source->whole)) continue;
        // A template anchored by its opening words beats one that starts with a placeholder
        // ("Cannot assign to {0}: {1}" over "{0} may not see {1}, ..." whose {0} would swallow
        // the opening words); then the one with the most literal text is the most specific.
        if (best && std::make_pair(c.anchored, c.literal_chars) <= std::make_pair(best->anchored, best->literal_chars))
            continue;
        if (match_from(c.segments, 0, english, 0, caps)) {
            best = &c;
            best_caps = caps;
        }
    }
    if (!best) return std::nullopt;
    std::vector<std::optional<Scope>> scope_of(10);
    for (std::size_t i = 0; i < best->segments.size(); ++i) {
        const Segment& s = best->segments[i];
        if (s.placeholder < 0) continue;
        const bool after_colon = i > 0 && i + 1 == best->segments.size() && best->segments[i - 1].literal.size() >= 2 &&
                                 best->segments[i - 1].literal.compare(best->segments[i - 1].literal.size() - 2, 2, ": ") == 0;
        scope_of[static_cast<std::size_t>(s.placeholder)] = after_colon ? Scope::nested : Scope::phrase;
    }
    std::string out;
    bool any_changed = false;
    for (const Segment& s : split(in(*best->source, language))) {
        if (s.placeholder < 0) {
            out += s.literal;
            continue;
        }
        const auto p = static_cast<std::size_t>(s.placeholder);
        auto [text, changed] = translate_value(best_caps[p], language, scope_of[p].value_or(Scope::phrase), depth);
        out += text;
        any_changed = any_changed || changed;
    }
    // A short connective phrase ("{0} and {1}") inside a record name ("Smith and Sons")
    // is not the phrase core code built: it counts only when its parts are known words.
    if (scope == Scope::phrase && best->literal_chars < 8 && !any_changed) return std::nullopt;
    return out;
}

}  // namespace

const std::vector<MessageTemplate>& message_templates() {
    static const std::vector<MessageTemplate> all(std::begin(kTemplates), std::end(kTemplates));
    return all;
}

std::vector<std::string> message_catalog_literals() {
    std::vector<std::string> out;
    for (const MessageTemplate& t : message_templates())
        for (Segment& s : split(t.en))
            if (s.placeholder < 0) out.push_back(std::move(s.literal));
    for (const ValueWord& v : kValues) out.emplace_back(v.en);
    return out;
}

std::string localize_message(std::string_view english, Language language) {
    if (language == Language::en || english.empty()) return std::string(english);
    // Per thread: the server may call this from its worker threads; a frame asks for the
    // same few messages again and again.
    thread_local std::unordered_map<std::string, std::string> cache[2];
    auto& memo = cache[language == Language::fr ? 0 : 1];
    const std::string key(english);
    if (auto it = memo.find(key); it != memo.end()) return it->second;
    std::string out = translate(english, language, Scope::top, 0).value_or(key);
    if (memo.size() > 512) memo.clear();
    memo.emplace(key, out);
    return out;
}

}  // namespace casehub
