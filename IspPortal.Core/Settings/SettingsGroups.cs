using IspPortal.Core.Common;

namespace IspPortal.Core.Settings;

/// <summary>A group of settings stored as one JSON row in <c>settings</c> under <see cref="Key"/>.</summary>
public interface ISettingsGroup<TSelf> where TSelf : ISettingsGroup<TSelf>, new()
{
    static abstract string Key { get; }

    FieldErrors Validate();
}

public sealed record CompanyProfile : ISettingsGroup<CompanyProfile>
{
    public static string Key => "company";

    public string Name { get; init; } = "ISP Saya";
    public string Address { get; init; } = "";
    public string City { get; init; } = "";
    public string Phone { get; init; } = "";
    public string Email { get; init; } = "";
    public string Npwp { get; init; } = "";
    public string Website { get; init; } = "";

    public FieldErrors Validate() => new FieldErrors()
        .When(string.IsNullOrWhiteSpace(Name), nameof(Name), "Nama perusahaan wajib diisi.")
        .When(Name.Length > 120, nameof(Name), "Nama perusahaan paling banyak 120 karakter.")
        .When(Email.Length > 0 && !Email.Contains('@', StringComparison.Ordinal), nameof(Email), "Alamat email tidak valid.")
        .When(Npwp.Length > 0 && Npwp.Count(char.IsDigit) is not (15 or 16), nameof(Npwp), "NPWP harus 15 atau 16 digit.");
}

public sealed record RegionalSettings : ISettingsGroup<RegionalSettings>
{
    public static string Key => "regional";

    /// <summary>WIB, WITA and WIT: the zones an Indonesian ISP works in.</summary>
    public static readonly IReadOnlyDictionary<string, string> IndonesianTimeZones = new Dictionary<string, string>
    {
        ["Asia/Jakarta"] = "WIB (Asia/Jakarta, UTC+7)",
        ["Asia/Makassar"] = "WITA (Asia/Makassar, UTC+8)",
        ["Asia/Jayapura"] = "WIT (Asia/Jayapura, UTC+9)",
    };

    public string TimeZone { get; init; } = "Asia/Jakarta";

    public string DefaultCulture { get; init; } = Identity.PortalCultures.Indonesian;

    public FieldErrors Validate() => new FieldErrors()
        .When(!IndonesianTimeZones.ContainsKey(TimeZone), nameof(TimeZone), "Zona waktu harus WIB, WITA atau WIT.")
        .When(!Identity.PortalCultures.All.Contains(DefaultCulture), nameof(DefaultCulture), "Bahasa harus id atau en.");
}

public sealed record BillingSettings : ISettingsGroup<BillingSettings>
{
    public static string Key => "billing";

    /// <summary>Day of the month invoices are generated (1–28 so every month has it).</summary>
    public int BillingDay { get; init; } = 1;

    /// <summary>Day of the month an invoice falls due.</summary>
    public int DueDay { get; init; } = 10;

    /// <summary>Days relative to the due date when reminders go out: negative before, positive after.</summary>
    public IReadOnlyList<int> ReminderOffsets { get; init; } = [-7, -3, -1, 3, 7];

    /// <summary>Days after the due date when an unpaid customer is isolated.</summary>
    public int IsolirAfterDays { get; init; } = 10;

    public bool PpnEnabled { get; init; }

    public decimal PpnRatePercent { get; init; } = 11m;

    public string InvoiceNumberFormat { get; init; } = "INV/{yyyy}/{MM}/{seq:6}";

    public FieldErrors Validate()
    {
        var errors = new FieldErrors()
            .When(BillingDay is < 1 or > 28, nameof(BillingDay), "Tanggal tagihan harus 1–28.")
            .When(DueDay is < 1 or > 28, nameof(DueDay), "Tanggal jatuh tempo harus 1–28.")
            .When(IsolirAfterDays is < 1 or > 60, nameof(IsolirAfterDays), "Isolir harus 1–60 hari setelah jatuh tempo.")
            .When(PpnRatePercent is < 0 or > 100, nameof(PpnRatePercent), "Tarif PPN harus 0–100%.");
        foreach (var problem in Billing.Invoicing.DocumentNumberFormat.Problems(InvoiceNumberFormat, Billing.Invoice.NumberMaxLength))
            errors.Add(nameof(InvoiceNumberFormat), problem);
        if (ReminderOffsets.Any(o => o is 0 or < -30 or > 30))
            errors.Add(nameof(ReminderOffsets), "Pengingat harus antara H-30 dan H+30, bukan H-0.");
        if (ReminderOffsets.Distinct().Count() != ReminderOffsets.Count)
            errors.Add(nameof(ReminderOffsets), "Hari pengingat tidak boleh sama.");
        if (ReminderOffsets.Any(o => o >= IsolirAfterDays))
            errors.Add(nameof(ReminderOffsets), "Pengingat setelah jatuh tempo harus sebelum hari isolir.");
        return errors;
    }
}

public sealed record NetworkSettings : ISettingsGroup<NetworkSettings>
{
    public static string Key => "network";

    /// <summary>Minutes between two syncs of every router (the brief: 5).</summary>
    public int SyncIntervalMinutes { get; init; } = 5;

    /// <summary>Routers read at the same time; more is faster but loads the database and the uplink.</summary>
    public int SyncParallelism { get; init; } = 8;

    /// <summary>A mass-outage alert when online sessions on a router drop by at least this share between two syncs…</summary>
    public int MassOutageDropPercent { get; init; } = 30;

    /// <summary>…and the router had at least this many online before (a small router losing 2 of 4 is not an outage).</summary>
    public int MassOutageMinSessions { get; init; } = 20;

    public const string OpenStreetMapTiles = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    /// <summary>Map tiles for the customer map and the registration pin (a Leaflet URL template).</summary>
    public string MapTileUrl { get; init; } = OpenStreetMapTiles;

    public FieldErrors Validate() => new FieldErrors()
        .When(SyncIntervalMinutes is < 1 or > 60, nameof(SyncIntervalMinutes), "Interval sinkronisasi harus 1–60 menit.")
        .When(SyncParallelism is < 1 or > 32, nameof(SyncParallelism), "Router paralel harus 1–32.")
        .When(MassOutageDropPercent is < 5 or > 100, nameof(MassOutageDropPercent), "Ambang gangguan massal harus 5–100%.")
        .When(MassOutageMinSessions is < 1 or > 100_000, nameof(MassOutageMinSessions), "Minimal sesi untuk gangguan massal harus 1–100.000.")
        .When(!IsTileTemplate(MapTileUrl), nameof(MapTileUrl), "URL tile peta harus http(s) dan memuat {z}, {x} dan {y}, contoh " + OpenStreetMapTiles + ".");

    private static bool IsTileTemplate(string? url) =>
        url is { Length: <= 500 } && Uri.TryCreate(url.Replace("{s}", "a", StringComparison.Ordinal), UriKind.Absolute, out var uri)
        && uri.Scheme is "https" or "http" && url.Contains("{z}", StringComparison.Ordinal) && url.Contains("{x}", StringComparison.Ordinal) && url.Contains("{y}", StringComparison.Ordinal);
}

public enum WhatsAppProvider
{
    /// <summary>WhatsApp messages stay in the outbox (cancelled at send time with the reason).</summary>
    Disabled,
    /// <summary>Meta's WhatsApp Business Cloud API (Graph API).</summary>
    CloudApi,
    /// <summary>A generic HTTP gateway of the kind many Indonesian ISPs use (Fonnte-like by default).</summary>
    HttpGateway,
}

public enum GatewayBodyFormat
{
    Form,
    Json,
}

/// <summary>
/// How notifications go out. Tokens and passwords are stored encrypted (<c>…Encrypted</c>, with
/// <see cref="Common.ISecretProtector"/>); the settings JSON and its audit trail never hold them in clear.
/// </summary>
public sealed record NotificationSettings : ISettingsGroup<NotificationSettings>
{
    public static string Key => "notifications";

    public WhatsAppProvider WhatsAppProvider { get; init; } = WhatsAppProvider.Disabled;

    public string CloudApiBaseUrl { get; init; } = "https://graph.facebook.com";

    public string CloudApiVersion { get; init; } = "v23.0";

    public string? CloudApiPhoneNumberId { get; init; }

    public string? CloudApiAccessTokenEncrypted { get; init; }

    /// <summary>Signs the webhooks Meta posts (X-Hub-Signature-256).</summary>
    public string? CloudApiAppSecretEncrypted { get; init; }

    /// <summary>The token Meta echoes in the webhook verification handshake.</summary>
    public string? WebhookVerifyTokenEncrypted { get; init; }

    public string GatewayUrl { get; init; } = "https://api.fonnte.com/send";

    public string GatewayTokenHeader { get; init; } = "Authorization";

    public string? GatewayTokenEncrypted { get; init; }

    public GatewayBodyFormat GatewayBodyFormat { get; init; } = GatewayBodyFormat.Form;

    public string GatewayNumberField { get; init; } = "target";

    public string GatewayMessageField { get; init; } = "message";

    /// <summary>Reminders wait outside these hours (local time); service messages and receipts do not.</summary>
    public TimeOnly QuietHoursStart { get; init; } = new(21, 0);

    public TimeOnly QuietHoursEnd { get; init; } = new(7, 0);

    /// <summary>Transient failures are retried with growing pauses up to this many attempts.</summary>
    public int MaxAttempts { get; init; } = 8;

    public string? SmtpHost { get; init; }

    public int SmtpPort { get; init; } = 587;

    /// <summary>True: TLS from the first byte (port 465); false: STARTTLS, required (port 587).</summary>
    public bool SmtpSslOnConnect { get; init; }

    /// <summary>
    /// SHA-256 of the mail server's certificate, for a private server with its own certificate: then
    /// only that certificate is accepted. Empty: the system's trust decides.
    /// </summary>
    public string? SmtpCertificateFingerprint { get; init; }

    public string? SmtpUser { get; init; }

    public string? SmtpPasswordEncrypted { get; init; }

    public string? EmailFromAddress { get; init; }

    public string? EmailFromName { get; init; }

    /// <summary>Whether local time <paramref name="at"/> falls in the quiet hours (which may span midnight).</summary>
    public bool IsQuiet(TimeOnly at) =>
        QuietHoursStart != QuietHoursEnd
        && (QuietHoursStart < QuietHoursEnd ? at >= QuietHoursStart && at < QuietHoursEnd : at >= QuietHoursStart || at < QuietHoursEnd);

    public FieldErrors Validate() => new FieldErrors()
        .When(MaxAttempts is < 1 or > 20, nameof(MaxAttempts), "Percobaan kirim harus 1–20.")
        .When(!Uri.TryCreate(CloudApiBaseUrl, UriKind.Absolute, out var graph) || graph.Scheme is not ("https" or "http"), nameof(CloudApiBaseUrl), "URL Cloud API harus http(s).")
        .When(WhatsAppProvider == WhatsAppProvider.CloudApi && (string.IsNullOrWhiteSpace(CloudApiPhoneNumberId) || CloudApiAccessTokenEncrypted is null),
            nameof(CloudApiPhoneNumberId), "Cloud API memerlukan Phone Number ID dan access token.")
        .When(WhatsAppProvider == WhatsAppProvider.HttpGateway && (!Uri.TryCreate(GatewayUrl, UriKind.Absolute, out var gateway) || gateway.Scheme is not ("https" or "http")),
            nameof(GatewayUrl), "URL gateway harus http(s).")
        .When(SmtpPort is < 1 or > 65535, nameof(SmtpPort), "Port SMTP harus 1–65535.")
        .When(SmtpCertificateFingerprint is { Length: > 0 } && CertificateFingerprint.Normalize(SmtpCertificateFingerprint) is null,
            nameof(SmtpCertificateFingerprint), "Sidik jari sertifikat harus SHA-256: 64 digit heksadesimal (boleh dengan ':').");
}

/// <summary>What invoices tell the customer about paying: bank accounts and the ISP's static QRIS.</summary>
public sealed record PaymentInstructions : ISettingsGroup<PaymentInstructions>
{
    public static string Key => "payment-instructions";

    public const int BankTransferMaxLength = 1000;

    /// <summary>Printed as typed, e.g. "BCA 1234567890 a.n. PT Net Karawang", one account per line.</summary>
    public string BankTransfer { get; init; } = "";

    /// <summary>The EMVCo payload of the QRIS sticker; when set, invoices carry its QR code.</summary>
    public string? StaticQrisPayload { get; init; }

    public FieldErrors Validate()
    {
        var errors = new FieldErrors()
            .When(BankTransfer.Length > BankTransferMaxLength, nameof(BankTransfer), $"Instruksi transfer paling banyak {BankTransferMaxLength} karakter.");
        if (StaticQrisPayload is { Length: > 0 } payload && Billing.Documents.StaticQris.Problem(payload) is { } problem)
            errors.Add(nameof(StaticQrisPayload), problem);
        return errors;
    }
}

/// <summary>
/// The logo on invoices and receipts. A group of its own rather than a field of the company profile
/// or the payment instructions: the audit trail stores each saved group whole, and a logo of up to
/// 512 KB in base64 would be copied into it every time someone corrects a phone number or a bank account.
/// </summary>
public sealed record CompanyLogo : ISettingsGroup<CompanyLogo>
{
    public static string Key => "company-logo";

    public const int MaxBytes = 512 * 1024;

    /// <summary>The PNG or JPEG file, base64; empty for no logo.</summary>
    public string Base64 { get; init; } = "";

    public byte[]? Bytes() => Base64.Length == 0 ? null : Convert.FromBase64String(Base64);

    public static CompanyLogo From(byte[] image) => new() { Base64 = Convert.ToBase64String(image) };

    public FieldErrors Validate()
    {
        var image = new byte[Base64.Length * 3 / 4];
        if (!Convert.TryFromBase64String(Base64, image, out var length))
            return new FieldErrors().Add(nameof(Base64), "Logo harus berkas PNG atau JPEG.");
        return new FieldErrors()
            .When(length > 0 && !IsPngOrJpeg(image.AsSpan(0, length)), nameof(Base64), "Logo harus berkas PNG atau JPEG.")
            .When(length > MaxBytes, nameof(Base64), $"Logo paling besar {MaxBytes / 1024} KB.");
    }

    public static bool IsPngOrJpeg(ReadOnlySpan<byte> image) =>
        image.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A])
        || image.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]);
}

public enum PaymentGatewayProvider
{
    /// <summary>No online payment: the pay page shows the invoice without a QRIS button.</summary>
    None,
    /// <summary>Midtrans Core API (QRIS).</summary>
    Midtrans,
}

/// <summary>
/// The payment gateway customers pay QRIS through. The server key is stored encrypted
/// (<see cref="SecretKind.PaymentGatewayCredential"/>) and never shown back.
/// </summary>
public sealed record PaymentGatewaySettings : ISettingsGroup<PaymentGatewaySettings>
{
    public static string Key => "payment-gateway";

    public const string MidtransSandboxUrl = "https://api.sandbox.midtrans.com";
    public const string MidtransProductionUrl = "https://api.midtrans.com";

    public PaymentGatewayProvider Provider { get; init; } = PaymentGatewayProvider.None;

    public string? MidtransServerKeyEncrypted { get; init; }

    /// <summary>Sandbox by default, so a new portal never charges real money by accident.</summary>
    public string MidtransBaseUrl { get; init; } = MidtransSandboxUrl;

    /// <summary>How long a QRIS code can be paid.</summary>
    public int QrisExpiryMinutes { get; init; } = 60;

    public bool IsConfigured => Provider == PaymentGatewayProvider.Midtrans && MidtransServerKeyEncrypted is not null;

    public FieldErrors Validate() => new FieldErrors()
        .When(!Uri.TryCreate(MidtransBaseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"), nameof(MidtransBaseUrl),
            "URL API Midtrans harus http(s), misalnya " + MidtransSandboxUrl + " atau " + MidtransProductionUrl + ".")
        .When(Provider == PaymentGatewayProvider.Midtrans && MidtransServerKeyEncrypted is null, nameof(MidtransServerKeyEncrypted), "Midtrans memerlukan server key.")
        .When(QrisExpiryMinutes is < 5 or > 1440, nameof(QrisExpiryMinutes), "Masa berlaku QRIS harus 5–1440 menit.");
}

/// <summary>
/// When the ISP's support works: SLA targets (first response, resolution) count only these hours,
/// so a ticket opened on Saturday evening is not late on Sunday morning.
/// </summary>
public sealed record BusinessHoursSettings : ISettingsGroup<BusinessHoursSettings>
{
    public static string Key => "business-hours";

    /// <summary>Monday to Saturday, as most Indonesian ISPs' offices.</summary>
    public IReadOnlyList<DayOfWeek> WorkingDays { get; init; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday];

    public TimeOnly Opens { get; init; } = new(8, 0);

    public TimeOnly Closes { get; init; } = new(17, 0);

    /// <summary>Public holidays and collective leave (cuti bersama): no SLA time passes on them.</summary>
    public IReadOnlyList<DateOnly> Holidays { get; init; } = [];

    public bool IsWorkingDay(DateOnly day) => WorkingDays.Contains(day.DayOfWeek) && !Holidays.Contains(day);

    public FieldErrors Validate() => new FieldErrors()
        .When(WorkingDays.Count == 0, nameof(WorkingDays), "Pilih paling sedikit satu hari kerja.")
        .When(WorkingDays.Distinct().Count() != WorkingDays.Count, nameof(WorkingDays), "Hari kerja tidak boleh sama.")
        .When(Closes <= Opens, nameof(Closes), "Jam tutup harus setelah jam buka (jam kerja tidak melewati tengah malam).")
        .When(Holidays.Distinct().Count() != Holidays.Count, nameof(Holidays), "Tanggal libur tidak boleh sama.")
        .When(Holidays.Count > 100, nameof(Holidays), "Paling banyak 100 tanggal libur.");
}

public sealed record TicketSettings : ISettingsGroup<TicketSettings>
{
    public static string Key => "tickets";

    /// <summary>A resolved ticket the customer has not answered is taken as verified after this many days, then closed.</summary>
    public int AutoVerifyAfterDays { get; init; } = 3;

    /// <summary>How long after closing a bare "1"–"5" on WhatsApp is read as the rating, not as a new problem.</summary>
    public int RatingReplyDays { get; init; } = 7;

    public FieldErrors Validate() => new FieldErrors()
        .When(AutoVerifyAfterDays is < 1 or > 30, nameof(AutoVerifyAfterDays), "Verifikasi otomatis 1 sampai 30 hari setelah selesai.")
        .When(RatingReplyDays is < 1 or > 30, nameof(RatingReplyDays), "Batas waktu penilaian 1 sampai 30 hari setelah ditutup.");
}
