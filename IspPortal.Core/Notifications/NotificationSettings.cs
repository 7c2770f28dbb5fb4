using IspPortal.Core.Common;
using IspPortal.Core.Settings;

namespace IspPortal.Core.Notifications;

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
