using System.Text.Json;
using System.Text.Json.Nodes;
using IspPortal.Core.Billing.Payments;

namespace IspPortal.Infrastructure.Billing.Payments;

/// <summary>
/// Midtrans Core API's charge for each <see cref="PaymentChannels"/> channel: the request's
/// <c>payment_type</c> and its object, and where the answer puts what the customer pays with
/// (<c>qr_string</c>; <c>va_numbers</c> or Permata's <c>permata_va_number</c>; Mandiri's
/// <c>bill_key</c> and <c>biller_code</c>; the e-wallets' <c>actions</c>).
/// </summary>
public static class MidtransCharges
{
    public const string Qris = "qris";
    public const string BankTransfer = "bank_transfer";
    public const string Echannel = "echannel";
    public const string GoPay = "gopay";
    public const string ShopeePay = "shopeepay";

    /// <summary>The banks <c>bank_transfer</c> takes; Mandiri's bill payment is <c>echannel</c>.</summary>
    public static readonly IReadOnlyList<string> TransferBanks = ["bca", "bni", "bri", "permata"];

    public const string DeeplinkAction = "deeplink-redirect";
    public const string QrCodeAction = "generate-qr-code";

    /// <summary>Mandiri shows thirty characters of a bill's value (and ten of its label).</summary>
    private const int BillValueMaxLength = 30;

    /// <summary>Midtrans' limit for an item name and a customer's first name.</summary>
    private const int NameMaxLength = 50;

    /// <returns>The payment type and, for a bank transfer, the bank; null for a channel Midtrans is not asked for.</returns>
    public static (string PaymentType, string? Bank)? KindOf(string channel) => channel switch
    {
        PaymentChannels.Qris => (Qris, null),
        PaymentChannels.VaBca => (BankTransfer, "bca"),
        PaymentChannels.VaBni => (BankTransfer, "bni"),
        PaymentChannels.VaBri => (BankTransfer, "bri"),
        PaymentChannels.VaPermata => (BankTransfer, "permata"),
        PaymentChannels.VaMandiri => (Echannel, null),
        PaymentChannels.GoPay => (GoPay, null),
        PaymentChannels.ShopeePay => (ShopeePay, null),
        _ => null,
    };

    public static JsonObject Body(ChargeRequest request, string paymentType, string? bank)
    {
        var grossAmount = (long)request.Amount;
        return new JsonObject
        {
            ["payment_type"] = paymentType,
            ["transaction_details"] = new JsonObject { ["order_id"] = request.OrderId, ["gross_amount"] = grossAmount },
            ["item_details"] = new JsonArray(new JsonObject
            {
                ["id"] = request.OrderId, ["price"] = grossAmount, ["quantity"] = 1, ["name"] = Shorten(request.ItemName, NameMaxLength),
            }),
            ["customer_details"] = new JsonObject
            {
                ["first_name"] = Shorten(request.CustomerName, NameMaxLength), ["email"] = request.CustomerEmail, ["phone"] = request.CustomerPhone,
            },
            [paymentType] = paymentType switch
            {
                Qris => new JsonObject { ["acquirer"] = "gopay" },
                BankTransfer => new JsonObject { ["bank"] = bank },
                Echannel => new JsonObject { ["bill_info1"] = "Pembayaran", ["bill_info2"] = Shorten(request.ItemName, BillValueMaxLength) },
                GoPay when request.ReturnUrl is { } url => new JsonObject { ["enable_callback"] = true, ["callback_url"] = url.ToString() },
                ShopeePay when request.ReturnUrl is { } url => new JsonObject { ["callback_url"] = url.ToString() },
                _ => new JsonObject(),
            },
            ["custom_expiry"] = new JsonObject { ["expiry_duration"] = (int)Math.Ceiling(request.ExpiresIn.TotalMinutes), ["unit"] = "minute" },
        };
    }

    /// <summary>The virtual account number of <paramref name="bank"/> in an answer: <c>va_numbers</c>, or Permata's own field.</summary>
    public static string? VaNumber(JsonElement json, string? bank)
    {
        if (MidtransGateway.Text(json, "permata_va_number") is { } permata)
            return permata;
        if (!json.TryGetProperty("va_numbers", out var numbers) || numbers.ValueKind != JsonValueKind.Array)
            return null;
        var entries = numbers.EnumerateArray().Where(n => n.ValueKind == JsonValueKind.Object).ToList();
        var match = entries.FirstOrDefault(n => bank is null || MidtransGateway.Text(n, "bank") == bank);
        return match.ValueKind == JsonValueKind.Object ? MidtransGateway.Text(match, "va_number") : null;
    }

    /// <summary>The URL of the answer's action of that name (<c>deeplink-redirect</c>, <c>generate-qr-code</c>).</summary>
    public static string? ActionUrl(JsonElement json, string name) =>
        json.TryGetProperty("actions", out var actions) && actions.ValueKind == JsonValueKind.Array
            ? actions.EnumerateArray().Where(a => MidtransGateway.Text(a, "name") == name).Select(a => MidtransGateway.Text(a, "url")).FirstOrDefault(u => u is not null)
            : null;

    /// <summary>What the customer pays with, read from a charge's answer.</summary>
    public static (string? QrString, string? VaNumber, string? BillerCode, string? ActionUrl) PayableOf(JsonElement json, string paymentType, string? bank) => paymentType switch
    {
        BankTransfer => (null, VaNumber(json, bank), null, null),
        Echannel => (null, MidtransGateway.Text(json, "bill_key"), MidtransGateway.Text(json, "biller_code"), null),
        GoPay or ShopeePay => (MidtransGateway.Text(json, "qr_string"), null, null, ActionUrl(json, DeeplinkAction)),
        _ => (MidtransGateway.Text(json, "qr_string"), null, null, null),
    };

    private static string Shorten(string text, int maxLength) => text.Length > maxLength ? text[..maxLength] : text;
}
