using IspPortal.Core.Settings;
using IspPortal.Core.Common;

namespace IspPortal.Core.Notifications.Sending;

public enum SendOutcome
{
    Sent,
    /// <summary>Worth retrying later (network, rate limit, provider hiccup).</summary>
    Transient,
    /// <summary>Retrying cannot help (invalid number, template rejected, bad credentials).</summary>
    Permanent,
}

public sealed record SendResult(SendOutcome Outcome, string? ProviderMessageId = null, string? ErrorCode = null, string? Error = null)
{
    public static SendResult Sent(string? providerMessageId) => new(SendOutcome.Sent, providerMessageId);
}

/// <param name="TemplateName">An approved template at Meta; null sends <paramref name="Text"/> as free text.</param>
/// <param name="TemplateParameters">The template's {{1}}, {{2}}… in order.</param>
/// <param name="Document">A file (invoice PDF) to send with it: the template's document header, or the text as its caption.</param>
public sealed record WhatsAppOutgoing(
    string ToE164, string Text, string? TemplateName, string TemplateLanguage, IReadOnlyList<string> TemplateParameters, OutgoingFile? Document = null);

public sealed record EmailOutgoing(string To, string Subject, string Text, string Html, IReadOnlyList<OutgoingFile> Attachments);

/// <summary>A file sent with a message (e-mail attachment or WhatsApp document).</summary>
[FeatureApi]
public sealed record OutgoingFile(string FileName, string ContentType, byte[] Content);

/// <summary>One way out to WhatsApp (Cloud API or an HTTP gateway), configured from the settings of the moment.</summary>
[FeatureApi]
public interface IWhatsAppSender
{
    string Provider { get; }

    /// <summary>Whether <see cref="WhatsAppOutgoing.Document"/> reaches the customer (an HTTP gateway sends the text only).</summary>
    bool SendsFiles { get; }

    Task<SendResult> SendAsync(NotificationSettings settings, WhatsAppOutgoing message, CancellationToken cancellationToken = default);
}

public interface IEmailSender
{
    Task<SendResult> SendAsync(NotificationSettings settings, EmailOutgoing message, CancellationToken cancellationToken = default);
}

/// <summary>Claims due outbox messages for one dispatcher: each message is held by one worker at a time, across instances.</summary>
public interface IOutboxClaims
{
    /// <param name="channels">Only these channels (a channel not configured yet keeps its messages waiting).</param>
    /// <returns>The ids claimed: status Sending, locked until <paramref name="lockedUntil"/>, attempt counted.</returns>
    Task<IReadOnlyList<long>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset lockedUntil, int limit, IReadOnlyCollection<NotificationChannel> channels,
        CancellationToken cancellationToken = default);
}
