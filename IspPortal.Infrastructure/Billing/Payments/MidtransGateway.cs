using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IspPortal.Core.Billing;
using IspPortal.Core.Billing.Payments;
using IspPortal.Core.Common;
using IspPortal.Core.Settings;

namespace IspPortal.Infrastructure.Billing.Payments;

/// <summary>
/// Midtrans Core API: charges by QRIS, virtual account and e-wallet (<c>POST /v2/charge</c>, shapes in <see cref="MidtransCharges"/>), status (<c>GET /v2/{order_id}/status</c>)
/// and the HTTP notification, whose <c>signature_key</c> is SHA-512 of order id, status code, gross
/// amount (as received) and the server key. Settings are read per call, so a new key applies at once.
/// </summary>
public sealed class MidtransGateway(IHttpClientFactory http, PortalSettings settings, ISecretProtector secrets, TimeProvider clock) : IPaymentGateway
{
    public const string GatewayName = PaymentGatewayNames.Midtrans;
    public const string HttpClientName = "midtrans";

    /// <summary>Midtrans writes its times in Jakarta time, without an offset.</summary>
    public static readonly TimeSpan Wib = TimeSpan.FromHours(7);
    public const string TimeFormat = "yyyy-MM-dd HH:mm:ss";

    public string Name => GatewayName;

    public async Task<GatewayCharge> CreateChargeAsync(ChargeRequest request, CancellationToken cancellationToken = default)
    {
        var channel = PaymentChannels.Find(request.Channel);
        if (channel is null || MidtransCharges.KindOf(request.Channel) is not { } kind)
            throw new PaymentGatewayException($"Metode pembayaran {request.Channel} tidak tersedia di Midtrans.");
        var (paymentType, bank) = kind;
        if (request.Amount != decimal.Truncate(request.Amount) || request.Amount <= 0)
            throw new PaymentGatewayException($"{channel.Label} hanya untuk rupiah utuh; jumlah {request.Amount} tidak bisa ditagihkan.");
        var json = await SendAsync(HttpMethod.Post, "v2/charge", JsonContent.Create(MidtransCharges.Body(request, paymentType, bank)), cancellationToken);
        var statusCode = Text(json, "status_code");
        if (statusCode is not ("200" or "201"))
            throw new PaymentGatewayException($"Midtrans menolak {channel.Label} ({statusCode}): {Text(json, "status_message") ?? "tanpa keterangan"}");
        var (qr, vaNumber, billerCode, actionUrl) = MidtransCharges.PayableOf(json, paymentType, bank);
        if (Text(json, "transaction_id") is not { } transactionId || !channel.IsPayableWith(qr, vaNumber, billerCode, actionUrl))
            throw new PaymentGatewayException($"Jawaban Midtrans untuk {channel.Label} tidak memuat transaction_id dan cara membayarnya.");
        var expiresAt = ParseTime(Text(json, "expiry_time")) ?? clock.GetUtcNow().Add(request.ExpiresIn);
        return new GatewayCharge(transactionId, Text(json, "order_id") ?? request.OrderId, channel.Code, qr, vaNumber, billerCode, actionUrl, expiresAt,
            Text(json, "transaction_status") ?? "pending");
    }

    public async Task<GatewayNotification?> ReadNotificationAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default)
    {
        if (await ServerKeyAsync(cancellationToken) is not { } serverKey)
            return null;
        JsonElement json;
        try
        {
            json = JsonSerializer.Deserialize<JsonElement>(body.Span);
        }
        catch (JsonException)
        {
            return null;
        }
        if (json.ValueKind != JsonValueKind.Object
            || Text(json, "order_id") is not { } orderId || Text(json, "status_code") is not { } statusCode
            || Text(json, "gross_amount") is not { } grossAmount || Text(json, "signature_key") is not { } signature
            || !SignatureMatches(signature, orderId, statusCode, grossAmount, serverKey))
            return null;
        return Read(json);
    }

    public async Task<GatewayNotification> GetStatusAsync(string orderId, CancellationToken cancellationToken = default)
    {
        var json = await SendAsync(HttpMethod.Get, $"v2/{Uri.EscapeDataString(orderId)}/status", null, cancellationToken);
        if (Text(json, "transaction_status") is null)
            throw new PaymentGatewayException($"Midtrans tidak mengenal order {orderId} ({Text(json, "status_code")}): {Text(json, "status_message")}");
        return Read(json);
    }

    /// <summary>Lowercase hex SHA-512 of what Midtrans signs, with the gross amount exactly as it is written.</summary>
    public static string Signature(string orderId, string statusCode, string grossAmount, string serverKey) =>
        Convert.ToHexStringLower(SHA512.HashData(Encoding.UTF8.GetBytes(orderId + statusCode + grossAmount + serverKey)));

    public static bool SignatureMatches(string given, string orderId, string statusCode, string grossAmount, string serverKey) =>
        CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Signature(orderId, statusCode, grossAmount, serverKey)),
            Encoding.ASCII.GetBytes(given.ToLowerInvariant()));

    /// <summary>Settlement, or a card capture the fraud check accepted, is money received.</summary>
    public static GatewayPaymentState StateOf(string transactionStatus, string? fraudStatus) => transactionStatus switch
    {
        "settlement" => GatewayPaymentState.Paid,
        "capture" => fraudStatus is null or "accept" ? GatewayPaymentState.Paid : GatewayPaymentState.Pending,
        "pending" or "authorize" => GatewayPaymentState.Pending,
        "expire" => GatewayPaymentState.Expired,
        _ => GatewayPaymentState.Failed,
    };

    public static string FormatTime(DateTimeOffset at) => at.ToOffset(Wib).ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseTime(string? text) =>
        DateTime.TryParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, Wib).ToUniversalTime()
            : null;

    private static GatewayNotification Read(JsonElement json)
    {
        var status = Text(json, "transaction_status") ?? "";
        var state = StateOf(status, Text(json, "fraud_status"));
        var gross = decimal.TryParse(Text(json, "gross_amount"), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? amount : 0m;
        var paidAt = state == GatewayPaymentState.Paid ? ParseTime(Text(json, "settlement_time")) ?? ParseTime(Text(json, "transaction_time")) : null;
        return new GatewayNotification(GatewayName, Text(json, "order_id") ?? "", Text(json, "transaction_id") ?? "", status, state, gross, paidAt);
    }

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        var configured = await settings.GetAsync<PaymentGatewaySettings>(cancellationToken);
        var serverKey = await ServerKeyAsync(cancellationToken) ?? throw new PaymentGatewayException("Server key Midtrans belum diisi.");
        using var request = new HttpRequestMessage(method, new Uri(new Uri(configured.MidtransBaseUrl.TrimEnd('/') + "/"), path)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(serverKey + ":")));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        try
        {
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException)
        {
            throw new PaymentGatewayException($"Midtrans tidak dapat dihubungi: {exception.Message}", exception);
        }
    }

    private async Task<string?> ServerKeyAsync(CancellationToken cancellationToken)
    {
        var configured = await settings.GetAsync<PaymentGatewaySettings>(cancellationToken);
        return configured.MidtransServerKeyEncrypted is { } stored ? secrets.Unprotect(SecretKind.PaymentGatewayCredential, stored) : null;
    }

    internal static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? JsonText.CleanedOrNull(value) : null;
}
