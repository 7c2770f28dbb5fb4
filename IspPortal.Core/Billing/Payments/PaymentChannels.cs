using IspPortal.Core.Common;

namespace IspPortal.Core.Billing.Payments;

/// <summary>
/// One way a customer can pay an invoice through the gateway: its code (what the portal sends and
/// <c>payments.gateway_channel</c> stores), its Indonesian label and how to pay, step by step.
/// </summary>
[FeatureApi]
public sealed record PaymentChannel(string Code, string Label, PaymentMethod Method, IReadOnlyList<string> Instructions)
{
    /// <summary>Whether a charge gives the customer what this channel needs: a QR, a VA number (Mandiri: bill key and biller code) or the app's link.</summary>
    public bool IsPayableWith(string? qrString, string? vaNumber, string? billerCode, string? actionUrl) => Code switch
    {
        PaymentChannels.Qris => qrString is not null,
        PaymentChannels.VaMandiri => vaNumber is not null && billerCode is not null,
        PaymentChannels.GoPay => actionUrl is not null || qrString is not null,
        PaymentChannels.ShopeePay => actionUrl is not null,
        _ => vaNumber is not null,
    };
}

/// <summary>The channels a customer can choose to pay an invoice through the gateway.</summary>
[FeatureApi]
public static class PaymentChannels
{
    public const int CodeMaxLength = 16;

    public const string Qris = "qris";
    public const string VaBca = "va_bca";
    public const string VaBni = "va_bni";
    public const string VaBri = "va_bri";
    public const string VaMandiri = "va_mandiri";
    public const string VaPermata = "va_permata";
    public const string GoPay = "gopay";
    public const string ShopeePay = "shopeepay";

    /// <summary>Banks' virtual accounts stay open a day, as Midtrans' default: the customer may pay from an ATM later.</summary>
    public static readonly TimeSpan VirtualAccountExpiry = TimeSpan.FromHours(24);

    public static readonly IReadOnlyList<PaymentChannel> All =
    [
        new(Qris, "QRIS", PaymentMethod.Qris,
        [
            "Buka aplikasi m-banking atau e-wallet yang mendukung QRIS.",
            "Pilih menu Scan atau Bayar QRIS, lalu pindai kode QR di layar.",
            "Periksa nama penerima dan jumlah tagihan.",
            "Konfirmasi pembayaran dan masukkan PIN.",
        ]),
        VirtualAccount(VaBca, "BCA",
        [
            "Buka aplikasi BCA mobile, pilih m-BCA lalu m-Transfer.",
            "Pilih BCA Virtual Account.",
            "Masukkan nomor Virtual Account yang tertera.",
            "Periksa nama dan jumlah tagihan, lalu konfirmasi dengan PIN.",
        ]),
        VirtualAccount(VaBni, "BNI",
        [
            "Buka aplikasi BNI Mobile Banking, lalu pilih Transfer.",
            "Pilih Virtual Account Billing.",
            "Masukkan nomor Virtual Account yang tertera.",
            "Periksa nama dan jumlah tagihan, lalu konfirmasi dengan password transaksi.",
        ]),
        VirtualAccount(VaBri, "BRI",
        [
            "Buka aplikasi BRImo, lalu pilih BRIVA.",
            "Masukkan nomor BRIVA (Virtual Account) yang tertera.",
            "Periksa nama dan jumlah tagihan.",
            "Konfirmasi pembayaran dengan PIN.",
        ]),
        VirtualAccount(VaMandiri, "Mandiri",
        [
            "Buka aplikasi Livin' by Mandiri, lalu pilih Bayar dan e-Commerce / Multipayment.",
            "Masukkan kode perusahaan (biller code) yang tertera.",
            "Masukkan kode bayar (bill key) yang tertera.",
            "Periksa nama dan jumlah tagihan, lalu konfirmasi dengan PIN.",
        ]),
        VirtualAccount(VaPermata, "Permata",
        [
            "Buka aplikasi PermataMobile X, lalu pilih Bayar Tagihan.",
            "Pilih Virtual Account.",
            "Masukkan nomor Virtual Account yang tertera.",
            "Periksa nama dan jumlah tagihan, lalu konfirmasi pembayaran.",
        ]),
        new(GoPay, "GoPay", PaymentMethod.EWallet,
        [
            "Di ponsel, ketuk tombol Bayar dengan GoPay untuk membuka aplikasi Gojek atau GoPay.",
            "Di komputer, pindai kode QR dengan aplikasi Gojek atau GoPay.",
            "Periksa jumlah tagihan.",
            "Konfirmasi pembayaran dengan PIN GoPay.",
        ]),
        new(ShopeePay, "ShopeePay", PaymentMethod.EWallet,
        [
            "Ketuk tombol Bayar dengan ShopeePay untuk membuka aplikasi Shopee.",
            "Periksa jumlah tagihan.",
            "Konfirmasi pembayaran dengan PIN ShopeePay.",
            "Kembali ke halaman ini setelah pembayaran berhasil.",
        ]),
    ];

    public static IReadOnlyList<string> Codes { get; } = [.. All.Select(c => c.Code)];

    public static PaymentChannel? Find(string? code) => All.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.Ordinal));

    public static string UnknownChannelMessage(string? code) =>
        $"Metode pembayaran \"{code}\" tidak tersedia. Pilih salah satu: {string.Join(", ", All.Select(c => c.Label))}.";

    private static PaymentChannel VirtualAccount(string code, string bank, IReadOnlyList<string> instructions) =>
        new(code, "Virtual Account " + bank, PaymentMethod.VirtualAccount, instructions);
}
