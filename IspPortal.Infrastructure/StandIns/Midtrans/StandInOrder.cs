using System.Globalization;
using System.Text.Json.Serialization;
using IspPortal.Infrastructure.Billing.Payments;

namespace IspPortal.Infrastructure.StandIns.Midtrans;

/// <summary>One order the stand-in accepted, by whichever payment type it was charged.</summary>
/// <param name="PaymentType">Midtrans' <c>payment_type</c>: qris, bank_transfer, echannel, gopay or shopeepay.</param>
public sealed record StandInOrder(string OrderId, string TransactionId, long GrossAmount, string PaymentType, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt)
{
    public const string MandiriBillerCode = "70012";

    public string Status { get; set; } = "pending";

    /// <summary>What the status API reports as paid; a test sets another amount to play a gateway that settled the wrong one.</summary>
    public long GrossAmount { get; set; } = GrossAmount;

    /// <summary>bca, bni, bri or permata for a bank transfer.</summary>
    public string? Bank { get; init; }

    /// <summary>The virtual account number; Mandiri's bill key.</summary>
    public string? VaNumber { get; init; }

    public string? BillerCode { get; init; }

    /// <summary>The QRIS payload (QRIS and GoPay).</summary>
    public string? QrString { get; init; }

    /// <summary>Where an e-wallet's <c>deeplink-redirect</c> action points.</summary>
    public string? DeeplinkUrl { get; init; }

    /// <summary>The e-wallet's <c>callback_url</c>: where its app sends the customer back.</summary>
    public string? CallbackUrl { get; init; }

    /// <summary>Midtrans writes amounts as strings with two decimals.</summary>
    [JsonIgnore]
    public string GrossAmountText => GrossAmount.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>
    /// What Midtrans adds for the payment type to a charge's answer, the status and the notification:
    /// <c>va_numbers</c> (Permata: <c>permata_va_number</c>), Mandiri's <c>bill_key</c> and <c>biller_code</c>, QRIS' acquirer.
    /// </summary>
    public IReadOnlyDictionary<string, object?> PaymentFields() => PaymentType switch
    {
        MidtransCharges.BankTransfer when Bank == "permata" => new Dictionary<string, object?> { ["permata_va_number"] = VaNumber },
        MidtransCharges.BankTransfer => new Dictionary<string, object?>
        {
            ["va_numbers"] = new[] { new { bank = Bank, va_number = VaNumber } },
            ["payment_amounts"] = Array.Empty<object>(),
        },
        MidtransCharges.Echannel => new Dictionary<string, object?> { ["bill_key"] = VaNumber, ["biller_code"] = BillerCode },
        MidtransCharges.Qris => new Dictionary<string, object?> { ["acquirer"] = "gopay" },
        _ => new Dictionary<string, object?>(),
    };

    /// <summary>A virtual account number as the bank writes it: its prefix, then the sequence, to the bank's length.</summary>
    public static string VaNumberFor(string bank, long sequence)
    {
        var (prefix, length) = bank switch
        {
            "bca" => ("39002", 11),
            "bni" => ("9888", 16),
            "bri" => ("8881", 18),
            "permata" => ("8562", 12),
            _ => ("8900", 12), // Mandiri's bill key
        };
        return prefix + sequence.ToString(CultureInfo.InvariantCulture).PadLeft(length - prefix.Length, '0');
    }
}
