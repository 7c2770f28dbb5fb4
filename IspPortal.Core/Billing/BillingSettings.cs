using IspPortal.Core.Common;
using IspPortal.Core.Settings;

namespace IspPortal.Core.Billing;

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

    /// <summary>Days a pay link still opens after its invoice is paid or void (for the receipt), then it expires.</summary>
    public int PayLinkDaysAfterSettled { get; init; } = CustomerLinkRules.DefaultDays;

    /// <summary>The installation fee of a package that sets none (may be zero).</summary>
    public decimal DefaultInstallationFee { get; init; }

    /// <summary>How a new customer's first month is billed on the invoice made at registration.</summary>
    public FirstInvoiceMode FirstInvoice { get; init; } = FirstInvoiceMode.Prorated;

    /// <summary>
    /// Customers change their package themselves in the portal, from the next month (the invoice run
    /// bills it, a job applies it on the month's first day); off: their request opens an UPGRADE ticket.
    /// </summary>
    public bool CustomersChangePackage { get; init; }

    public const decimal MaxInstallationFee = 1_000_000_000m;

    public FieldErrors Validate()
    {
        var errors = new FieldErrors()
            .When(DefaultInstallationFee is < 0 or > MaxInstallationFee || decimal.Round(DefaultInstallationFee, 2) != DefaultInstallationFee, nameof(DefaultInstallationFee),
                "Biaya instalasi harus antara Rp 0 dan Rp 1.000.000.000, paling banyak dua angka desimal.")
            .When(!Enum.IsDefined(FirstInvoice), nameof(FirstInvoice), "Pilih cara menagih bulan pertama.")
            .When(BillingDay is < 1 or > 28, nameof(BillingDay), "Tanggal tagihan harus 1–28.")
            .When(DueDay is < 1 or > 28, nameof(DueDay), "Tanggal jatuh tempo harus 1–28.")
            .When(IsolirAfterDays is < 1 or > 60, nameof(IsolirAfterDays), "Isolir harus 1–60 hari setelah jatuh tempo.")
            .When(PpnRatePercent is < 0 or > 100, nameof(PpnRatePercent), "Tarif PPN harus 0–100%.")
            .When(PayLinkDaysAfterSettled is < CustomerLinkRules.MinDays or > CustomerLinkRules.MaxDays, nameof(PayLinkDaysAfterSettled),
                $"Link bayar berlaku {CustomerLinkRules.MinDays}–{CustomerLinkRules.MaxDays} hari setelah tagihan lunas atau dibatalkan.");
        foreach (var problem in Billing.Documents.DocumentNumberFormat.Problems(InvoiceNumberFormat, Billing.Invoice.NumberMaxLength))
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

/// <summary>What the invoice made at registration charges for the service's first month.</summary>
public enum FirstInvoiceMode
{
    /// <summary>Installation fee and the days from the service start to the month's end.</summary>
    Prorated,
    /// <summary>Installation fee only; the service is billed from the first whole month (the rest of the starting month is free).</summary>
    NextPeriod,
}

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

public sealed record CompanyLogo : ISettingsGroup<CompanyLogo>
{
    public static string Key => "company-logo";

    public const int MaxBytes = 512 * 1024;

    /// <summary>Pixels per side: plenty for print at the logo's size on an A4 invoice.</summary>
    public const int MaxSide = 2000;

    /// <summary>The PNG or JPEG file, base64; empty for no logo.</summary>
    public string Base64 { get; init; } = "";

    public byte[]? Bytes() => Base64.Length == 0 ? null : Convert.FromBase64String(Base64);

    public static CompanyLogo From(byte[] image) => new() { Base64 = Convert.ToBase64String(image) };

    public FieldErrors Validate()
    {
        var image = new byte[Base64.Length * 3 / 4];
        if (!Convert.TryFromBase64String(Base64, image, out var length))
            return new FieldErrors().Add(nameof(Base64), "Logo harus berkas PNG atau JPEG.");
        var file = image.AsSpan(0, length);
        var isImage = length == 0 || (IsPngOrJpeg(file) && Documents.ImageDimensions.Read(file) is not null);
        return new FieldErrors()
            .When(!isImage, nameof(Base64), "Logo harus berkas PNG atau JPEG.")
            .When(length > MaxBytes, nameof(Base64), $"Logo paling besar {MaxBytes / 1024} KB.")
            .When(Documents.ImageDimensions.Read(file) is { } size && (size.Width is < 1 or > MaxSide || size.Height is < 1 or > MaxSide),
                nameof(Base64), $"Logo paling besar {MaxSide}×{MaxSide} piksel.");
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

public sealed record PaymentGatewaySettings : ISettingsGroup<PaymentGatewaySettings>
{
    public static string Key => "payment-gateway";

    public const string MidtransSandboxUrl = "https://api.sandbox.midtrans.com";
    public const string MidtransProductionUrl = "https://api.midtrans.com";

    public PaymentGatewayProvider Provider { get; init; } = PaymentGatewayProvider.None;

    public string? MidtransServerKeyEncrypted { get; init; }

    /// <summary>Sandbox by default, so a new portal never charges real money by accident.</summary>
    public string MidtransBaseUrl { get; init; } = MidtransSandboxUrl;

    /// <summary>How long a QRIS code or an e-wallet payment can be paid (a virtual account stays open a day).</summary>
    public int QrisExpiryMinutes { get; init; } = 60;

    public bool IsConfigured => Provider == PaymentGatewayProvider.Midtrans && MidtransServerKeyEncrypted is not null;

    public FieldErrors Validate() => new FieldErrors()
        .When(!Uri.TryCreate(MidtransBaseUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"), nameof(MidtransBaseUrl),
            "URL API Midtrans harus http(s), misalnya " + MidtransSandboxUrl + " atau " + MidtransProductionUrl + ".")
        .When(Provider == PaymentGatewayProvider.Midtrans && MidtransServerKeyEncrypted is null, nameof(MidtransServerKeyEncrypted), "Midtrans memerlukan server key.")
        .When(QrisExpiryMinutes is < 5 or > 1440, nameof(QrisExpiryMinutes), "Masa berlaku QRIS harus 5–1440 menit.");
}
