using IspPortal.Core.Common;

namespace IspPortal.Core.Notifications.Templates;

/// <summary>
/// One kind of message the portal sends, with the placeholders its text may use and the Indonesian
/// default text used until an admin edits it.
/// </summary>
/// <param name="Key">Stored in <c>notification_outbox.template</c>, e.g. <c>invoice_reminder</c>.</param>
/// <param name="Service">A service message (credentials, isolation, payments, tickets, the portal): sent even to customers
/// who opted out; what is left (invoice notices, reminders, and any promotion) is what they can switch off.</param>
/// <param name="QuietHours">Held back during the quiet hours from the settings (reminders, not receipts).</param>
[FeatureApi]
public sealed record NotificationEvent(
    string Key, string Label, IReadOnlyList<string> Placeholders, string DefaultBody, string DefaultSubject, bool Service = false, bool QuietHours = false);

[FeatureApi]
public static class NotificationEvents
{
    public const string CompanyName = "nama_isp";
    public const string PppoePassword = "password_pppoe";
    public const string SignInCode = "kode_otp";

    public static readonly NotificationEvent CustomerWelcome = new("customer_welcome", "Selamat datang (akun PPPoE)",
        ["nama", "kode_pelanggan", "paket", "username_pppoe", PppoePassword, "tanggal_instalasi"],
        "Halo {nama}, selamat bergabung di {nama_isp}! Kode pelanggan Anda {kode_pelanggan}, paket {paket}. " +
        "Akun internet (PPPoE): username {username_pppoe}, password {password_pppoe}. Teknisi kami akan memasang perangkat pada {tanggal_instalasi}.",
        "Selamat datang di {nama_isp}", Service: true);

    public static readonly NotificationEvent PppoePasswordReset = new("pppoe_password_reset", "Password PPPoE diganti",
        ["nama", "username_pppoe", PppoePassword],
        "Halo {nama}, password internet (PPPoE) {username_pppoe} telah diganti menjadi {password_pppoe}. Perangkat Anda akan tersambung ulang dengan password baru.",
        "Password internet Anda telah diganti", Service: true);

    public static readonly NotificationEvent InvoiceIssued = new("invoice_issued", "Tagihan terbit",
        ["nama", "kode_pelanggan", "nomor_tagihan", "periode", "total", "jatuh_tempo", "link_bayar"],
        "Halo {nama}, tagihan {nomor_tagihan} periode {periode} sebesar {total} telah terbit dan jatuh tempo {jatuh_tempo}. Bayar di {link_bayar}.",
        "Tagihan {nomor_tagihan} dari {nama_isp}", QuietHours: true);

    public static readonly NotificationEvent InvoiceReminder = new("invoice_reminder", "Pengingat tagihan (H-7/H-3/H-1)",
        ["nama", "nomor_tagihan", "total", "jatuh_tempo", "sisa_hari", "link_bayar"],
        "Halo {nama}, pengingat: tagihan {nomor_tagihan} sebesar {total} jatuh tempo {jatuh_tempo} ({sisa_hari} hari lagi). Bayar di {link_bayar}.",
        "Pengingat tagihan {nomor_tagihan}", QuietHours: true);

    public static readonly NotificationEvent InvoiceOverdue = new("invoice_overdue", "Tagihan lewat jatuh tempo (H+3/H+7)",
        ["nama", "nomor_tagihan", "total", "jatuh_tempo", "hari_terlambat", "link_bayar"],
        "Halo {nama}, tagihan {nomor_tagihan} sebesar {total} sudah lewat {hari_terlambat} hari dari jatuh tempo {jatuh_tempo}. Layanan dapat diisolir bila belum dibayar. Bayar di {link_bayar}.",
        "Tagihan {nomor_tagihan} lewat jatuh tempo", QuietHours: true);

    public static readonly NotificationEvent IsolationNotice = new("isolation_notice", "Pemberitahuan isolir",
        ["nama", "kode_pelanggan", "alasan"],
        "Halo {nama}, layanan internet {kode_pelanggan} diisolir: {alasan}. Setelah pembayaran diterima, layanan aktif kembali otomatis.",
        "Layanan {kode_pelanggan} diisolir", Service: true);

    public static readonly NotificationEvent PaymentReceipt = new("payment_receipt", "Tanda terima pembayaran",
        ["nama", "nomor_tagihan", "jumlah", "tanggal_bayar", "metode"],
        "Terima kasih {nama}, pembayaran {jumlah} untuk tagihan {nomor_tagihan} via {metode} telah kami terima pada {tanggal_bayar}.",
        "Pembayaran {nomor_tagihan} diterima", Service: true);

    public static readonly NotificationEvent Reactivation = new("reactivation", "Layanan aktif kembali",
        ["nama", "kode_pelanggan"],
        "Halo {nama}, layanan internet {kode_pelanggan} telah aktif kembali. Terima kasih.",
        "Layanan {kode_pelanggan} aktif kembali", Service: true);

    public static readonly NotificationEvent TicketUpdate = new("ticket_update", "Perkembangan tiket",
        ["nama", "nomor_tiket", "status", "pesan"],
        "Halo {nama}, tiket {nomor_tiket} ({status}): {pesan}",
        "Tiket {nomor_tiket}: {status}", Service: true);

    public static readonly NotificationEvent TicketOpened = new("ticket_opened", "Tiket diterima",
        ["nama", "nomor_tiket", "subjek", "link_tiket"],
        "Halo {nama}, laporan Anda kami terima dengan nomor tiket {nomor_tiket} ({subjek}). Kami segera menindaklanjutinya. Pantau perkembangannya di {link_tiket}.",
        "[{nomor_tiket}] {subjek}", Service: true);

    public static readonly NotificationEvent TicketResolved = new("ticket_resolved", "Tiket selesai, minta konfirmasi",
        ["nama", "nomor_tiket", "subjek", "catatan", "hari", "link_tiket"],
        "Halo {nama}, tiket {nomor_tiket} ({subjek}) telah kami selesaikan: {catatan}. Balas YA bila layanan sudah normal atau BELUM bila masih bermasalah, atau buka {link_tiket}. Tanpa jawaban, tiket kami tutup dalam {hari} hari.",
        "[{nomor_tiket}] Selesai: {subjek}", Service: true);

    public static readonly NotificationEvent TicketRatingRequest = new("ticket_rating", "Permintaan penilaian tiket",
        ["nama", "nomor_tiket", "subjek", "link_tiket"],
        "Terima kasih {nama}, tiket {nomor_tiket} ({subjek}) telah ditutup. Seberapa puas Anda dengan penanganan kami? Balas angka 1 (kecewa) sampai 5 (sangat puas), atau beri nilai di {link_tiket}.",
        "[{nomor_tiket}] Bagaimana penanganan kami?", Service: true);

    /// <summary>To staff in the category's escalation role, and the assignee.</summary>
    public static readonly NotificationEvent TicketEscalated = new("ticket_escalated", "Eskalasi tiket (ke petugas)",
        ["nama", "nomor_tiket", "subjek", "level", "alasan", "batas_waktu", "link_tiket"],
        "Halo {nama}, eskalasi level {level}: tiket {nomor_tiket} ({subjek}) {alasan}. Batas waktu {batas_waktu}. Buka {link_tiket}.",
        "Eskalasi level {level}: {nomor_tiket}", Service: true);

    /// <summary>To the staff of the roles chosen for the alert's kind (Pengaturan → Peringatan); never held for quiet hours.</summary>
    public static readonly NotificationEvent NetworkAlertOpened = new("network_alert_opened", "Peringatan jaringan dibuka (ke petugas)",
        ["nama", "jenis", "router", "pesan", "mulai", "link_monitoring"],
        "Halo {nama}, PERINGATAN {jenis} di router {router} sejak {mulai}: {pesan}. Pantau di {link_monitoring}.",
        "[{jenis}] {router}", Service: true);

    public static readonly NotificationEvent NetworkAlertResolved = new("network_alert_resolved", "Peringatan jaringan selesai (ke petugas)",
        ["nama", "jenis", "router", "mulai", "durasi", "link_monitoring"],
        "Halo {nama}, peringatan {jenis} di router {router} sudah selesai setelah {durasi} (sejak {mulai}). {link_monitoring}",
        "[Selesai] {jenis} {router} ({durasi})", Service: true);

    /// <summary>A router that keeps going down and up: one summary an hour instead of a message per change.</summary>
    public static readonly NotificationEvent NetworkAlertFlapping = new("network_alert_flapping", "Router naik-turun (ke petugas)",
        ["nama", "router", "jumlah_peringatan", "link_monitoring"],
        "Halo {nama}, router {router} naik-turun: {jumlah_peringatan} peringatan dalam satu jam terakhir. Pemberitahuan per kejadian ditahan sampai router stabil. Pantau di {link_monitoring}.",
        "[Naik-turun] {router}", Service: true);

    public static readonly NotificationEvent BackupFailed = new("backup_failed", "Pencadangan gagal (ke petugas)",
        ["nama", "mulai", "pesan", "link_monitoring"],
        "Halo {nama}, pencadangan data portal yang dimulai {mulai} GAGAL: {pesan}. Periksa di {link_monitoring}.",
        "[Gagal] Pencadangan {mulai}", Service: true);

    public static readonly NotificationEvent BudgetThreshold = new("budget_threshold", "Anggaran terlampaui (ke Keuangan)",
        ["nama", "akun", "bulan", "persen", "realisasi", "anggaran", "link_anggaran"],
        "Halo {nama}, realisasi {akun} bulan {bulan} sudah {persen}% dari anggaran: {realisasi} dari {anggaran}. Lihat {link_anggaran}.",
        "[Anggaran {persen}%] {akun} {bulan}", Service: true);
    /// <summary>To the technician given a PSB installation (chosen at registration or later).</summary>
    public static readonly NotificationEvent InstallationWorkOrder = new("installation_work_order", "Perintah kerja instalasi (ke teknisi)",
        ["nama", "nama_pelanggan", "kode_pelanggan", "alamat", "link_peta", "paket", "jadwal"],
        "Halo {nama}, perintah kerja instalasi baru: {nama_pelanggan} ({kode_pelanggan}), paket {paket}. Alamat: {alamat}. Peta: {link_peta}. Jadwal: {jadwal}.",
        "Instalasi {kode_pelanggan}: {jadwal}", Service: true);

    /// <summary>To the technician an installation was taken from.</summary>
    public static readonly NotificationEvent InstallationWorkOrderCancelled = new("installation_work_order_cancelled", "Perintah kerja instalasi dibatalkan (ke teknisi)",
        ["nama", "nama_pelanggan", "kode_pelanggan", "alamat", "jadwal"],
        "Halo {nama}, instalasi {nama_pelanggan} ({kode_pelanggan}) di {alamat} pada {jadwal} TIDAK lagi ditugaskan kepada Anda. Abaikan perintah kerja sebelumnya.",
        "Instalasi {kode_pelanggan} dibatalkan untuk Anda", Service: true);

    /// <summary>A saved report sent on its schedule (Laporan tersimpan), with the PDF or xlsx attached.</summary>
    public static readonly NotificationEvent ReportDelivery = new("report_delivery", "Laporan terjadwal (ke petugas)",
        ["nama", "laporan", "periode", "nama_laporan", "link_laporan"],
        "Halo {nama}, terlampir laporan {laporan} {periode} dari laporan tersimpan \"{nama_laporan}\". Buka di portal: {link_laporan}",
        "Laporan {laporan} — {periode}", Service: true);

    /// <summary>The self-service portal's one-time sign-in code; the code is read from its encrypted row when sent.</summary>
    public static readonly NotificationEvent PortalOtp = new("portal_otp", "Kode masuk portal pelanggan",
        ["nama", SignInCode, "menit"],
        "Kode masuk portal pelanggan {nama_isp}: {kode_otp}. Berlaku {menit} menit. Jangan berikan kode ini kepada siapa pun, termasuk petugas kami.",
        "Kode masuk portal {nama_isp}", Service: true);

    /// <summary>Proves the customer holds a new WhatsApp number before it replaces the old one (sent to the new number only).</summary>
    public static readonly NotificationEvent PortalPhoneCode = new("portal_phone_code", "Kode verifikasi nomor WhatsApp baru",
        ["nama", SignInCode, "menit"],
        "Kode verifikasi nomor WhatsApp baru untuk portal pelanggan {nama_isp}: {kode_otp}. Berlaku {menit} menit. Abaikan pesan ini bila Anda tidak sedang mengganti nomor.",
        "Kode verifikasi nomor baru {nama_isp}", Service: true);

    /// <summary>To the old number once a new one is confirmed, so a hijacked account does not go unnoticed.</summary>
    public static readonly NotificationEvent PortalPhoneChanged = new("portal_phone_changed", "Nomor WhatsApp pelanggan diganti",
        ["nama", "kode_pelanggan", "nomor_baru"],
        "Halo {nama}, nomor WhatsApp untuk pelanggan {kode_pelanggan} di {nama_isp} telah diganti ke {nomor_baru} lewat portal pelanggan. Bila bukan Anda yang menggantinya, segera hubungi kami.",
        "Nomor WhatsApp {kode_pelanggan} diganti", Service: true);

    /// <summary>Sent by staff from the customer's page ("Kirim tautan portal").</summary>
    public static readonly NotificationEvent PortalLink = new("portal_link", "Tautan portal pelanggan",
        ["nama", "kode_pelanggan", "link_portal"],
        "Halo {nama}, cek tagihan, bayar, dan laporkan gangguan sendiri di portal pelanggan {nama_isp}: {link_portal}. Masuk dengan kode pelanggan {kode_pelanggan} atau nomor WhatsApp ini.",
        "Portal pelanggan {nama_isp}", Service: true);

    /// <summary>Free text typed by an agent (API or ticket chat); its only placeholder is the text itself.</summary>
    public static readonly NotificationEvent FreeText = new("text", "Pesan bebas", ["pesan"], "{pesan}", "Pesan dari {nama_isp}", Service: true);

    public static readonly IReadOnlyList<NotificationEvent> All =
        [CustomerWelcome, PppoePasswordReset, InvoiceIssued, InvoiceReminder, InvoiceOverdue, IsolationNotice, PaymentReceipt, Reactivation, TicketUpdate, TicketOpened, TicketResolved, TicketRatingRequest, TicketEscalated,
         NetworkAlertOpened, NetworkAlertResolved, NetworkAlertFlapping, BackupFailed, InstallationWorkOrder, InstallationWorkOrderCancelled, BudgetThreshold,
         ReportDelivery, PortalOtp, PortalPhoneCode, PortalPhoneChanged, PortalLink, FreeText];

    /// <summary>What each placeholder looks like in a real message, for the editor's preview.</summary>
    public static readonly IReadOnlyDictionary<string, string> Examples = new Dictionary<string, string>
    {
        ["nama"] = "Budi Santoso",
        ["kode_pelanggan"] = "KCB-CKP010225-001",
        ["paket"] = "Rumahan 20 Mbps",
        ["username_pppoe"] = "CKP123",
        [PppoePassword] = "Xy7k2mQa",
        ["tanggal_instalasi"] = "3 Februari 2025",
        ["nomor_tagihan"] = "INV/2025/02/000123",
        ["periode"] = "Februari 2025",
        ["total"] = "Rp 222.000",
        ["jatuh_tempo"] = "10 Februari 2025",
        ["sisa_hari"] = "3",
        ["hari_terlambat"] = "7",
        ["link_bayar"] = "https://bayar.netkita.co.id/INV-2025-02-000123",
        ["alasan"] = "tagihan Februari 2025 belum dibayar",
        ["jumlah"] = "Rp 222.000",
        ["tanggal_bayar"] = "8 Februari 2025 14:05",
        ["metode"] = "QRIS",
        ["nomor_tiket"] = "TKT-2025-000045",
        ["status"] = "sedang dikerjakan",
        ["pesan"] = "Teknisi kami menuju lokasi Anda hari ini.",
        ["subjek"] = "Internet mati sejak pagi",
        ["catatan"] = "kabel fiber di tiang depan rumah sudah kami sambung ulang",
        ["hari"] = "3",
        ["link_tiket"] = "https://portal.netkita.co.id/tiket/Q2ZESjhK",
        ["level"] = "2",
        ["batas_waktu"] = "3 Februari 2025 14:00",
        ["jenis"] = "Router tidak terjangkau",
        ["router"] = "KCB-01",
        ["mulai"] = "3 Februari 2025 02:14",
        ["durasi"] = "1 jam 25 menit",
        ["jumlah_peringatan"] = "5",
        ["link_monitoring"] = "https://portal.netkita.co.id/network/monitoring",
        ["akun"] = "5-1100 Beban bandwidth / upstream",
        ["bulan"] = "Februari 2025",
        ["persen"] = "92",
        ["realisasi"] = "Rp 46.000.000",
        ["anggaran"] = "Rp 50.000.000",
        ["link_anggaran"] = "https://portal.netkita.co.id/finance/budgets",
        ["nama_pelanggan"] = "Siti Nurhaliza",
        ["alamat"] = "Jl. Ahmad Yani No. 12, Dawuan, Cikampek, Karawang",
        ["link_peta"] = "https://www.google.com/maps?q=-6.41,107.45",
        ["jadwal"] = "Senin, 3 Februari 2025",
        ["laporan"] = "Laba rugi",
        ["nama_laporan"] = "Laba rugi bulanan",
        [SignInCode] = "483920",
        ["menit"] = "5",
        ["link_portal"] = "https://portal.netkita.co.id/pelanggan",
        ["nomor_baru"] = "+62813****5678",
        ["link_laporan"] = "https://portal.netkita.co.id/reports/profit-loss?from=2025-01-01&to=2025-01-31",
    };

    public static NotificationEvent? Find(string key) => All.FirstOrDefault(e => e.Key == key);
}
