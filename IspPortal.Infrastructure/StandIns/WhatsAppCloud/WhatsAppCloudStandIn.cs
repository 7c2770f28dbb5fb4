using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IspPortal.Infrastructure.StandIns.WhatsAppCloud;

/// <summary>One message the stand-in accepted (or refused), as the Cloud API received it.</summary>
public sealed record StandInMessage(
    string Wamid, string To, string Type, string? Text, string? TemplateName, IReadOnlyList<string> TemplateParameters, DateTimeOffset ReceivedAt,
    StandInMedia? Document = null);

/// <summary>One message as <c>GET /messages</c> lists it.</summary>
public sealed record StandInListedMessage(
    [property: System.Text.Json.Serialization.JsonPropertyName("to")] string To,
    [property: System.Text.Json.Serialization.JsonPropertyName("type")] string Type,
    [property: System.Text.Json.Serialization.JsonPropertyName("text")] string? Text,
    [property: System.Text.Json.Serialization.JsonPropertyName("template")] string? Template,
    [property: System.Text.Json.Serialization.JsonPropertyName("parameters")] IReadOnlyList<string> Parameters,
    [property: System.Text.Json.Serialization.JsonPropertyName("at")] DateTimeOffset At);

/// <summary>A file uploaded to the media endpoint; a message names it by id.</summary>
public sealed record StandInMedia(string Id, string FileName, string ContentType, byte[] Content);

/// <summary>
/// A loopback HTTP server with the WhatsApp Cloud API's send path and JSON shapes, for the tests
/// and the demo: it checks the bearer token, records every message, answers with a wamid, fails on
/// demand with the Graph error shape, and posts signed webhooks (statuses, inbound messages) back.
/// </summary>
public sealed class WhatsAppCloudStandIn : IAsyncDisposable
{
    private readonly ConcurrentQueue<StandInMessage> _received = new();
    private readonly ConcurrentDictionary<string, (int Status, int Code, string Message)> _failures = new();
    private readonly ConcurrentDictionary<string, StandInMedia> _media = new();
    private readonly string _accessToken;
    private LoopbackHost _host = null!;
    private int _sequence;

    public const string MessagesPath = "/messages";

    private WhatsAppCloudStandIn(string accessToken) => _accessToken = accessToken;

    public Uri BaseAddress => _host.BaseAddress;

    public IReadOnlyCollection<StandInMessage> Received => [.. _received];

    /// <summary>Called for each message accepted (not for one refused on demand), after the reply is decided.</summary>
    public Action<StandInMessage>? Accepted { get; set; }

    /// <summary>Starts on 127.0.0.1 and a free port (or <paramref name="port"/>).</summary>
    public static async Task<WhatsAppCloudStandIn> StartAsync(string accessToken, int port = 0, CancellationToken cancellationToken = default)
    {
        var standIn = new WhatsAppCloudStandIn(accessToken);
        standIn._host = await LoopbackHost.StartAsync(port, app =>
        {
            app.MapPost("/{version}/{phoneNumberId}/messages", (Delegate)standIn.SendAsync);
            app.MapPost("/{version}/{phoneNumberId}/media", (Delegate)standIn.UploadAsync);
            // Not a Cloud API path: what a demo user or a test reads to see what was "sent" (a sign-in code).
            app.MapGet(MessagesPath, (string? to) => Results.Json(standIn.Listing(to)));
        }, cancellationToken);
        return standIn;
    }

    /// <summary>The next messages to <paramref name="toE164"/> are refused with this Graph error (e.g. 131026 undeliverable, 131016 transient).</summary>
    public void FailFor(string toE164, int httpStatus, int code, string message) => _failures[toE164.TrimStart('+')] = (httpStatus, code, message);

    public void StopFailingFor(string toE164) => _failures.TryRemove(toE164.TrimStart('+'), out _);

    /// <summary>Posts a delivery status for a sent message to the portal's webhook, signed with the app secret.</summary>
    public static Task<HttpResponseMessage> PostStatusAsync(HttpClient client, Uri webhook, string appSecret, string wamid, string status, string recipient) =>
        PostSignedAsync(client, webhook, appSecret, new
        {
            @object = "whatsapp_business_account",
            entry = new[] { new { id = "standin", changes = new[] { new { field = "messages", value = new
            {
                messaging_product = "whatsapp",
                metadata = new { display_phone_number = "6280000000000", phone_number_id = "standin" },
                statuses = new[] { new { id = wamid, status, timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), recipient_id = recipient } },
            } } } } },
        });

    /// <summary>Posts an inbound text message from <paramref name="fromE164"/> to the portal's webhook, signed with the app secret.</summary>
    public static Task<HttpResponseMessage> PostInboundAsync(HttpClient client, Uri webhook, string appSecret, string fromE164, string name, string text, string? messageId = null) =>
        PostSignedAsync(client, webhook, appSecret, new
        {
            @object = "whatsapp_business_account",
            entry = new[] { new { id = "standin", changes = new[] { new { field = "messages", value = new
            {
                messaging_product = "whatsapp",
                metadata = new { display_phone_number = "6280000000000", phone_number_id = "standin" },
                contacts = new[] { new { profile = new { name }, wa_id = fromE164.TrimStart('+') } },
                messages = new[] { new { from = fromE164.TrimStart('+'), id = messageId ?? $"wamid.IN{Guid.NewGuid():N}", timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), type = "text", text = new { body = text } } },
            } } } } },
        });

    /// <summary>Every message received, oldest first, in the shape of <c>GET /messages</c>; <paramref name="to"/> in any form filters by number.</summary>
    public IReadOnlyList<StandInListedMessage> Listing(string? to = null)
    {
        var digits = to is null ? null : new string(to.Where(char.IsAsciiDigit).ToArray());
        return [.. _received
            .Where(m => string.IsNullOrEmpty(digits) || m.To.TrimStart('+') == digits)
            .Select(m => new StandInListedMessage(m.To, m.Type, m.Text, m.TemplateName, m.TemplateParameters, m.ReceivedAt))];
    }

    public static string Signature(byte[] body, string appSecret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body));

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static async Task<HttpResponseMessage> PostSignedAsync(HttpClient client, Uri webhook, string appSecret, object payload)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(payload);
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Hub-Signature-256", Signature(body, appSecret));
        return await client.SendAsync(request);
    }

    /// <summary>The uploaded file a message names, under the file name the message gives; an unknown id has an empty one.</summary>
    private StandInMedia MediaOf(JsonElement document)
    {
        var id = document.TryGetProperty("id", out var given) ? given.GetString() ?? "" : "";
        return _media.TryGetValue(id, out var media)
            ? media with { FileName = document.TryGetProperty("filename", out var name) ? name.GetString() ?? media.FileName : media.FileName }
            : new StandInMedia("", "", "", []);
    }

    private string NewWamid() => $"wamid.STANDIN{Interlocked.Increment(ref _sequence):D10}";

    private bool Authorized(HttpContext context) => context.Request.Headers.Authorization.ToString() == "Bearer " + _accessToken;

    private static IResult Unauthorized() =>
        Results.Json(new { error = new { message = "Invalid OAuth access token.", type = "OAuthException", code = 190, fbtrace_id = "standin" } }, statusCode: 401);

    private async Task<IResult> UploadAsync(HttpContext context)
    {
        if (!Authorized(context))
            return Unauthorized();
        var form = await context.Request.ReadFormAsync();
        if (form["messaging_product"] != "whatsapp" || form.Files.GetFile("file") is not { } file)
            return Results.Json(new { error = new { message = "(#100) The parameter messaging_product and file are required.", type = "OAuthException", code = 100, fbtrace_id = "standin" } }, statusCode: 400);
        using var content = new MemoryStream();
        await file.CopyToAsync(content);
        var id = $"media{Interlocked.Increment(ref _sequence):D10}";
        _media[id] = new StandInMedia(id, file.FileName, form["type"].ToString() is { Length: > 0 } type ? type : file.ContentType, content.ToArray());
        return Results.Json(new { id });
    }

    private async Task<IResult> SendAsync(HttpContext context)
    {
        if (!Authorized(context))
            return Unauthorized();
        var json = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body);
        var to = json.GetProperty("to").GetString() ?? "";
        var type = json.GetProperty("type").GetString() ?? "";
        var wamid = NewWamid();
        string? text = null, template = null;
        StandInMedia? document = null;
        List<string> parameters = [];
        if (type == "text")
            text = json.GetProperty("text").GetProperty("body").GetString();
        else if (type == "document")
        {
            document = MediaOf(json.GetProperty("document"));
            text = json.GetProperty("document").TryGetProperty("caption", out var caption) ? caption.GetString() : null;
        }
        else if (type == "template")
        {
            var t = json.GetProperty("template");
            template = t.GetProperty("name").GetString();
            foreach (var component in t.TryGetProperty("components", out var components) ? components.EnumerateArray() : default)
                foreach (var parameter in component.GetProperty("parameters").EnumerateArray())
                {
                    if (parameter.GetProperty("type").GetString() == "document")
                        document = MediaOf(parameter.GetProperty("document"));
                    else
                        parameters.Add(parameter.GetProperty("text").GetString() ?? "");
                }
        }
        if (document is { Id: "" })
            return Results.Json(new { error = new { message = "(#131053) Media upload error: unknown media id.", type = "OAuthException", code = 131053, fbtrace_id = "standin" } }, statusCode: 400);
        var received = new StandInMessage(wamid, to, type, text, template, parameters, DateTimeOffset.UtcNow, document);
        _received.Enqueue(received);
        if (_failures.TryGetValue(to, out var failure))
            return Results.Json(new { error = new { message = failure.Message, type = "OAuthException", code = failure.Code, fbtrace_id = "standin" } }, statusCode: failure.Status);
        Accepted?.Invoke(received);
        return Results.Json(new { messaging_product = "whatsapp", contacts = new[] { new { input = to, wa_id = to } }, messages = new[] { new { id = wamid } } });
    }
}
