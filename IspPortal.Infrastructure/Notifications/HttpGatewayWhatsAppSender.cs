using System.Net.Http.Json;
using System.Text.Json;
using IspPortal.Core.Common;
using IspPortal.Core.Notifications;
using IspPortal.Core.Notifications.Sending;
using IspPortal.Core.Settings;

namespace IspPortal.Infrastructure.Notifications;

/// <summary>
/// A generic Indonesian WhatsApp gateway (Fonnte-like by default: token header without "Bearer",
/// form fields <c>target</c> and <c>message</c>, <c>{"status":false,"reason":…}</c> on failure).
/// It sends text only, without a message's document: file fields differ per vendor and many want a
/// public URL; the e-mail carries the PDF and the text its payment link.
/// </summary>
public sealed class HttpGatewayWhatsAppSender(IHttpClientFactory http, ISecretProtector secrets) : IWhatsAppSender
{
    public string Provider => nameof(WhatsAppProvider.HttpGateway);

    public bool SendsFiles => false;

    public async Task<SendResult> SendAsync(NotificationSettings settings, WhatsAppOutgoing message, CancellationToken cancellationToken = default)
    {
        var fields = new Dictionary<string, string>
        {
            [settings.GatewayNumberField] = message.ToE164.TrimStart('+'),
            [settings.GatewayMessageField] = message.Text,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.GatewayUrl)
        {
            Content = settings.GatewayBodyFormat == GatewayBodyFormat.Json ? JsonContent.Create(fields) : new FormUrlEncodedContent(fields),
        };
        if (settings.GatewayTokenEncrypted is { } token)
            request.Headers.TryAddWithoutValidation(settings.GatewayTokenHeader, secrets.Unprotect(SecretKind.NotificationCredential, token));
        try
        {
            using var response = await http.CreateClient(CloudApiWhatsAppSender.HttpClientName).SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var json = TryParse(text);
            var accepted = response.IsSuccessStatusCode && !(json?.TryGetProperty("status", out var status) == true && status.ValueKind == JsonValueKind.False);
            if (accepted)
                return SendResult.Sent(json is { } body && body.TryGetProperty("id", out var id) ? IdText(id) : null);
            var reason = json is { } failure && failure.TryGetProperty("reason", out var why) ? why.ToString() : text;
            var transient = (int)response.StatusCode >= 500 || (int)response.StatusCode == 429;
            return new SendResult(transient ? SendOutcome.Transient : SendOutcome.Permanent,
                ErrorCode: ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Error: $"Gateway WhatsApp menolak ({(int)response.StatusCode}): {reason}");
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return new SendResult(SendOutcome.Transient, ErrorCode: "network", Error: $"Gateway WhatsApp tidak dapat dihubungi: {exception.Message}");
        }
    }

    private static JsonElement? TryParse(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<JsonElement>(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Fonnte answers <c>"id":["123"]</c>; others a string or a number.</summary>
    private static string? IdText(JsonElement id) => id.ValueKind switch
    {
        JsonValueKind.Array when id.GetArrayLength() > 0 => id[0].ToString(),
        JsonValueKind.String or JsonValueKind.Number => id.ToString(),
        _ => null,
    };
}
