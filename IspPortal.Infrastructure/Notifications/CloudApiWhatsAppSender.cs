using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using IspPortal.Core.Common;
using IspPortal.Core.Notifications;
using IspPortal.Core.Notifications.Sending;
using IspPortal.Core.Settings;

namespace IspPortal.Infrastructure.Notifications;

/// <summary>
/// WhatsApp Business Cloud API (Graph API): approved templates outside the 24-hour window, text
/// inside it. A document (invoice PDF) is uploaded to the media endpoint first, then sent as the
/// template's document header or, as free text, as a document with the text as its caption.
/// </summary>
public sealed class CloudApiWhatsAppSender(IHttpClientFactory http, ISecretProtector secrets) : IWhatsAppSender
{
    public const string HttpClientName = "whatsapp";

    // INTEGRATIONS.md: codes that retrying cannot fix, and codes that say "later".
    private static readonly HashSet<int> Transient = [1, 2, 4, 80007, 130429, 131016, 131056, 133004];

    public string Provider => nameof(WhatsAppProvider.CloudApi);

    public bool SendsFiles => true;

    public async Task<SendResult> SendAsync(NotificationSettings settings, WhatsAppOutgoing message, CancellationToken cancellationToken = default)
    {
        if (settings.CloudApiAccessTokenEncrypted is null || string.IsNullOrWhiteSpace(settings.CloudApiPhoneNumberId))
            return new SendResult(SendOutcome.Permanent, ErrorCode: "config", Error: "Cloud API belum dikonfigurasi (Phone Number ID dan access token).");
        var phoneNumber = $"{settings.CloudApiBaseUrl.TrimEnd('/')}/{settings.CloudApiVersion}/{Uri.EscapeDataString(settings.CloudApiPhoneNumberId)}";
        var token = new AuthenticationHeaderValue("Bearer", secrets.Unprotect(SecretKind.NotificationCredential, settings.CloudApiAccessTokenEncrypted));
        var client = http.CreateClient(HttpClientName);
        try
        {
            string? mediaId = null;
            if (message.Document is { } document)
            {
                using var upload = new HttpRequestMessage(HttpMethod.Post, phoneNumber + "/media") { Content = MediaForm(document) };
                upload.Headers.Authorization = token;
                using var uploaded = await client.SendAsync(upload, cancellationToken);
                var media = await uploaded.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
                if (!uploaded.IsSuccessStatusCode || !media.TryGetProperty("id", out var id))
                    return Failure(uploaded.StatusCode, media);
                mediaId = id.GetString();
            }
            using var request = new HttpRequestMessage(HttpMethod.Post, phoneNumber + "/messages") { Content = JsonContent.Create(Body(message, mediaId)) };
            request.Headers.Authorization = token;
            using var response = await client.SendAsync(request, cancellationToken);
            var json = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            if (response.IsSuccessStatusCode && json.TryGetProperty("messages", out var messages) && messages.GetArrayLength() > 0)
                return SendResult.Sent(messages[0].GetProperty("id").GetString());
            return Failure(response.StatusCode, json);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException)
        {
            return new SendResult(SendOutcome.Transient, ErrorCode: "network", Error: $"Cloud API tidak dapat dihubungi: {exception.Message}");
        }
    }

    /// <summary>WhatsApp's limit for a document's caption.</summary>
    public const int CaptionMaxLength = 1024;

    private static MultipartFormDataContent MediaForm(OutgoingFile document)
    {
        var file = new ByteArrayContent(document.Content);
        file.Headers.ContentType = new MediaTypeHeaderValue(document.ContentType);
        return new MultipartFormDataContent
        {
            { new StringContent("whatsapp"), "messaging_product" },
            { new StringContent(document.ContentType), "type" },
            { file, "file", document.FileName },
        };
    }

    private static object Body(WhatsAppOutgoing message, string? mediaId)
    {
        var to = message.ToE164.TrimStart('+');
        var document = mediaId is null ? null : new { id = mediaId, filename = message.Document!.FileName };
        if (message.TemplateName is { } name)
        {
            var body = new { type = "body", parameters = message.TemplateParameters.Select(p => (object)new { type = "text", text = p }).ToArray() };
            object[] components = document is null
                ? [body]
                : [new { type = "header", parameters = new object[] { new { type = "document", document } } }, body];
            return new
            {
                messaging_product = "whatsapp", recipient_type = "individual", to, type = "template",
                template = new { name, language = new { code = message.TemplateLanguage }, components },
            };
        }
        if (document is not null)
        {
            var caption = message.Text.Length <= CaptionMaxLength ? message.Text : message.Text[..(CaptionMaxLength - 1)] + "…";
            return new { messaging_product = "whatsapp", recipient_type = "individual", to, type = "document", document = new { document.id, document.filename, caption } };
        }
        return new { messaging_product = "whatsapp", recipient_type = "individual", to, type = "text", text = new { preview_url = false, body = message.Text } };
    }

    private static SendResult Failure(HttpStatusCode status, JsonElement json)
    {
        var error = json.ValueKind == JsonValueKind.Object && json.TryGetProperty("error", out var e) ? e : default;
        var code = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("code", out var c) && c.TryGetInt32(out var number) ? number : (int?)null;
        var text = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var m) ? m.GetString() : null;
        var transient = code is { } known ? Transient.Contains(known) : (int)status >= 500 || status == HttpStatusCode.TooManyRequests;
        return new SendResult(transient ? SendOutcome.Transient : SendOutcome.Permanent,
            ErrorCode: code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Error: $"Cloud API menolak ({(int)status}{(code is null ? "" : $", kode {code}")}): {text ?? "tanpa keterangan"}");
    }
}
