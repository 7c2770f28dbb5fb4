using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using IspPortal.Infrastructure.Billing.Payments;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IspPortal.Infrastructure.StandIns.Midtrans;

/// <summary>
/// A loopback HTTP server with Midtrans Core API's charge and status paths and JSON shapes, for the
/// tests and the demo: it checks the Basic-auth server key, answers charges by QRIS (a QRIS payload),
/// bank transfer (a virtual account number), Mandiri bill (bill key and biller code), GoPay and
/// ShopeePay (deeplinks on its own address), refuses an unknown payment type or bank (400) and a
/// repeated order id (406) as Midtrans does, reports status, and "pays" an order by posting the signed
/// notification to <see cref="NotificationUrl"/>, as often as asked.
/// </summary>
public sealed class MidtransStandIn : IAsyncDisposable
{
    public const string DemoPayPath = "/demo/pay/";
    public const string DemoOrderPath = "/demo/orders/";

    private static readonly Dictionary<string, string> ChargeMessages = new(StringComparer.Ordinal)
    {
        [MidtransCharges.Qris] = "QRIS transaction is created",
        [MidtransCharges.BankTransfer] = "Success, Bank Transfer transaction is created",
        [MidtransCharges.Echannel] = "OK, Mandiri Bill transaction is successful",
        [MidtransCharges.GoPay] = "GoPay transaction is created",
        [MidtransCharges.ShopeePay] = "ShopeePay transaction is created",
    };

    private readonly ConcurrentDictionary<string, StandInOrder> _orders = new();
    private readonly HttpClient _notifications = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly string _serverKey;
    private LoopbackHost _host = null!;
    private int _charges;
    private long _vaSequence;

    private MidtransStandIn(string serverKey) => _serverKey = serverKey;

    public Uri BaseAddress => _host.BaseAddress;

    /// <summary>Where notifications go: the portal's <c>/api/payments/midtrans/notification</c>.</summary>
    public Uri? NotificationUrl { get; set; }

    /// <summary>Charges accepted (a refused one does not count).</summary>
    public int Charges => _charges;

    public IReadOnlyCollection<StandInOrder> Orders => [.. _orders.Values];

    public static async Task<MidtransStandIn> StartAsync(string serverKey, int port = 0, CancellationToken cancellationToken = default)
    {
        var standIn = new MidtransStandIn(serverKey);
        standIn._host = await LoopbackHost.StartAsync(port, app =>
        {
            app.MapPost("/v2/charge", (Delegate)standIn.ChargeAsync);
            app.MapGet("/v2/{orderId}/status", (Delegate)standIn.Status);
            app.MapPost(DemoPayPath + "{orderId}", async (string orderId) =>
            {
                if (!standIn._orders.ContainsKey(orderId))
                    return Results.NotFound();
                using var delivered = await standIn.PayAsync(orderId);
                return Results.Json(new { order_id = orderId, notification_status = (int)delivered.StatusCode });
            });
            // For a demo visitor to look an order up (the e-wallets' deeplinks lead here too); it pays nothing.
            app.MapGet(DemoOrderPath + "{orderId}", (string orderId) =>
                standIn._orders.TryGetValue(orderId, out var order) ? Results.Json(order) : Results.NotFound());
        }, cancellationToken);
        return standIn;
    }

    public StandInOrder Order(string orderId) => _orders[orderId];

    /// <summary>The gateway loses the order: its status API answers 404 (a test of a notification it cannot confirm).</summary>
    public void Forget(string orderId) => _orders.TryRemove(orderId, out _);

    /// <summary>The customer paid: the order settles and its notification is posted.</summary>
    public Task<HttpResponseMessage> PayAsync(string orderId) => SendAsync(orderId, "settlement");

    /// <summary>Moves the order to <paramref name="transactionStatus"/> (settlement, expire, deny, …) and posts its notification.</summary>
    public Task<HttpResponseMessage> SendAsync(string orderId, string transactionStatus) => PostNotificationAsync(Notification(orderId, transactionStatus));

    /// <summary>Posts a notification body as Midtrans does (the same bytes may be posted again: Midtrans resends).</summary>
    public async Task<HttpResponseMessage> PostNotificationAsync(byte[] body)
    {
        var url = NotificationUrl ?? throw new InvalidOperationException("The stand-in has no notification URL.");
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return await _notifications.PostAsync(url, content);
    }

    /// <summary>
    /// The signed notification Midtrans would send when the order moves to <paramref name="transactionStatus"/>;
    /// the order moves there too, as Midtrans notifies after the change, so its status API agrees. A
    /// forgery (another amount or key) leaves the order as it is.
    /// </summary>
    /// <param name="grossAmount">Another amount than the order's, signed as Midtrans would sign it.</param>
    public byte[] Notification(string orderId, string transactionStatus, string? grossAmount = null, string? serverKey = null)
    {
        var order = _orders[orderId];
        if (grossAmount is null && serverKey is null)
            order.Status = transactionStatus;
        var statusCode = StatusCodeOf(transactionStatus);
        var gross = grossAmount ?? order.GrossAmountText;
        var now = MidtransGateway.FormatTime(DateTimeOffset.UtcNow);
        var body = new Dictionary<string, object?>
        {
            ["transaction_time"] = MidtransGateway.FormatTime(order.CreatedAt),
            ["transaction_status"] = transactionStatus,
            ["transaction_id"] = order.TransactionId,
            ["status_message"] = "midtrans payment notification",
            ["status_code"] = statusCode,
            ["signature_key"] = MidtransGateway.Signature(orderId, statusCode, gross, serverKey ?? _serverKey),
            ["settlement_time"] = transactionStatus == "settlement" ? now : null,
            ["payment_type"] = order.PaymentType,
            ["order_id"] = orderId,
            ["merchant_id"] = "G000000000",
            ["gross_amount"] = gross,
            ["fraud_status"] = "accept",
            ["currency"] = "IDR",
            ["expiry_time"] = MidtransGateway.FormatTime(order.ExpiresAt),
        };
        return JsonSerializer.SerializeToUtf8Bytes(With(body, order.PaymentFields()));
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _notifications.Dispose();
    }

    private bool Authorized(HttpContext context) =>
        context.Request.Headers.Authorization.ToString() == "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(_serverKey + ":"));

    private static IResult Refusal(string statusCode, string message) =>
        Results.Json(new { status_code = statusCode, status_message = message, id = Guid.NewGuid().ToString() }, statusCode: int.Parse(statusCode, CultureInfo.InvariantCulture));

    private async Task<IResult> ChargeAsync(HttpContext context)
    {
        if (!Authorized(context))
            return Refusal("401", "Unknown Merchant server_key/id");
        var json = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body);
        if (MidtransGateway.Text(json, "payment_type") is not { } paymentType || !ChargeMessages.TryGetValue(paymentType, out var created)
            || !json.TryGetProperty("transaction_details", out var details)
            || MidtransGateway.Text(details, "order_id") is not { Length: > 0 } orderId
            || !details.TryGetProperty("gross_amount", out var grossElement) || grossElement.ValueKind != JsonValueKind.Number || !grossElement.TryGetInt64(out var gross) || gross < 1)
            return Refusal("400", "One or more parameters in the payload is invalid.");
        var bank = paymentType == MidtransCharges.BankTransfer && json.TryGetProperty("bank_transfer", out var transfer) ? MidtransGateway.Text(transfer, "bank") : null;
        if (paymentType == MidtransCharges.BankTransfer && !MidtransCharges.TransferBanks.Contains(bank))
            return Refusal("400", "One or more parameters in the payload is invalid. bank_transfer.bank is not supported.");
        if (paymentType == MidtransCharges.Echannel
            && (!json.TryGetProperty("echannel", out var bill) || MidtransGateway.Text(bill, "bill_info1") is null || MidtransGateway.Text(bill, "bill_info2") is null))
            return Refusal("400", "One or more parameters in the payload is invalid. echannel.bill_info1 and bill_info2 are required.");

        var minutes = json.TryGetProperty("custom_expiry", out var expiry) && expiry.TryGetProperty("expiry_duration", out var duration) ? duration.GetInt32() : 15;
        var now = DateTimeOffset.UtcNow;
        var transactionId = Guid.NewGuid().ToString();
        var sequence = Interlocked.Increment(ref _vaSequence);
        var order = new StandInOrder(orderId, transactionId, gross, paymentType, now, now.AddMinutes(minutes))
        {
            Bank = bank,
            VaNumber = paymentType switch
            {
                MidtransCharges.BankTransfer => StandInOrder.VaNumberFor(bank!, sequence),
                MidtransCharges.Echannel => StandInOrder.VaNumberFor("mandiri", sequence),
                _ => null,
            },
            BillerCode = paymentType == MidtransCharges.Echannel ? StandInOrder.MandiriBillerCode : null,
            QrString = paymentType is MidtransCharges.Qris or MidtransCharges.GoPay ? QrisPayload(orderId, gross) : null,
            CallbackUrl = json.TryGetProperty(paymentType, out var wallet) ? MidtransGateway.Text(wallet, "callback_url") : null,
            DeeplinkUrl = paymentType is MidtransCharges.GoPay or MidtransCharges.ShopeePay
                ? new Uri(BaseAddress, $"{DemoOrderPath.TrimStart('/')}{orderId}?app={paymentType}").ToString()
                : null,
        };
        if (!_orders.TryAdd(orderId, order))
            return Refusal("406", "The request could not be completed due to a conflict with the current state of the target resource, please try again");
        Interlocked.Increment(ref _charges);
        var answer = new Dictionary<string, object?>
        {
            ["status_code"] = "201",
            ["status_message"] = created,
            ["transaction_id"] = transactionId,
            ["order_id"] = orderId,
            ["merchant_id"] = "G000000000",
            ["gross_amount"] = order.GrossAmountText,
            ["currency"] = "IDR",
            ["payment_type"] = paymentType,
            ["transaction_time"] = MidtransGateway.FormatTime(now),
            ["transaction_status"] = "pending",
            ["fraud_status"] = "accept",
            ["expiry_time"] = MidtransGateway.FormatTime(order.ExpiresAt),
        };
        if (order.QrString is not null)
            answer["qr_string"] = order.QrString;
        if (Actions(order) is { Length: > 0 } actions)
            answer["actions"] = actions;
        return Results.Json(With(answer, order.PaymentFields()));
    }

    private object[] Actions(StandInOrder order)
    {
        object Action(string name, string method, string path) => new { name, method, url = new Uri(BaseAddress, path).ToString() };
        return order.PaymentType switch
        {
            MidtransCharges.Qris => [Action(MidtransCharges.QrCodeAction, "GET", $"v2/qris/{order.TransactionId}/qr-code")],
            MidtransCharges.GoPay =>
            [
                Action(MidtransCharges.QrCodeAction, "GET", $"v2/gopay/{order.TransactionId}/qr-code"),
                new { name = MidtransCharges.DeeplinkAction, method = "GET", url = order.DeeplinkUrl },
                Action("get-status", "GET", $"v2/{order.TransactionId}/status"),
                Action("cancel", "POST", $"v2/{order.TransactionId}/cancel"),
            ],
            MidtransCharges.ShopeePay => [new { name = MidtransCharges.DeeplinkAction, method = "GET", url = order.DeeplinkUrl }],
            _ => [],
        };
    }

    private IResult Status(HttpContext context, string orderId)
    {
        if (!Authorized(context))
            return Refusal("401", "Unknown Merchant server_key/id");
        if (!_orders.TryGetValue(orderId, out var order))
            return Refusal("404", "Transaction doesn't exist.");
        return Results.Json(With(new Dictionary<string, object?>
        {
            ["status_code"] = StatusCodeOf(order.Status),
            ["transaction_id"] = order.TransactionId,
            ["order_id"] = orderId,
            ["gross_amount"] = order.GrossAmountText,
            ["currency"] = "IDR",
            ["payment_type"] = order.PaymentType,
            ["transaction_time"] = MidtransGateway.FormatTime(order.CreatedAt),
            ["transaction_status"] = order.Status,
            ["fraud_status"] = "accept",
            ["expiry_time"] = MidtransGateway.FormatTime(order.ExpiresAt),
        }, order.PaymentFields()));
    }

    private static string StatusCodeOf(string transactionStatus) => transactionStatus switch
    {
        "pending" => "201",
        "deny" or "failure" => "202",
        "expire" => "407",
        _ => "200",
    };

    private static Dictionary<string, object?> With(Dictionary<string, object?> body, IReadOnlyDictionary<string, object?> fields)
    {
        foreach (var (name, value) in fields)
            body[name] = value;
        return body;
    }

    /// <summary>A dynamic QRIS payload in EMVCo's tag-length-value form with its CRC, as a real one looks.</summary>
    public static string QrisPayload(string orderId, long amount)
    {
        static string Field(string tag, string value) => tag + value.Length.ToString("D2", CultureInfo.InvariantCulture) + value;
        var reference = orderId.Length > 25 ? orderId[^25..] : orderId;
        var payload = Field("00", "01") + Field("01", "12")
            + Field("26", Field("00", "COM.GO-JEK.WWW") + Field("01", "936009140000000001") + Field("02", "G000000000") + Field("03", "UMI"))
            + Field("51", Field("00", "ID.CO.QRIS.WWW") + Field("02", "ID1020000000001") + Field("03", "UMI"))
            + Field("52", "4899") + Field("53", "360") + Field("54", amount.ToString(CultureInfo.InvariantCulture)) + Field("58", "ID")
            + Field("59", "ISPPORTAL DEMO") + Field("60", "KARAWANG") + Field("62", Field("01", reference))
            + "6304";
        return payload + Crc16(payload).ToString("X4", CultureInfo.InvariantCulture);
    }

    /// <summary>CRC-16/CCITT-FALSE, the checksum QRIS ends with.</summary>
    private static ushort Crc16(string text)
    {
        ushort crc = 0xFFFF;
        foreach (var b in Encoding.ASCII.GetBytes(text))
        {
            crc ^= (ushort)(b << 8);
            for (var i = 0; i < 8; i++)
                crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ 0x1021) : (ushort)(crc << 1);
        }
        return crc;
    }
}
