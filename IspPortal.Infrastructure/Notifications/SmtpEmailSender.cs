using IspPortal.Core.Common;
using IspPortal.Core.Notifications;
using IspPortal.Core.Notifications.Sending;
using IspPortal.Core.Settings;
using IspPortal.Infrastructure.Security;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace IspPortal.Infrastructure.Notifications;

/// <summary>
/// MailKit SMTP, one connection per message: TLS on connect (465) or STARTTLS required (587),
/// never "when available" (which falls back to plaintext); a pinned certificate for a private
/// server; HTML and text bodies, attachments.
/// </summary>
public sealed class SmtpEmailSender(ISecretProtector secrets) : IEmailSender
{
    public async Task<SendResult> SendAsync(NotificationSettings settings, EmailOutgoing message, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(settings.SmtpHost) || string.IsNullOrWhiteSpace(settings.EmailFromAddress))
            return new SendResult(SendOutcome.Permanent, ErrorCode: "config", Error: "Email belum dikonfigurasi (server SMTP dan alamat pengirim).");
        var mail = new MimeMessage();
        mail.From.Add(new MailboxAddress(settings.EmailFromName ?? settings.EmailFromAddress, settings.EmailFromAddress));
        if (!MailboxAddress.TryParse(message.To, out var to))
            return new SendResult(SendOutcome.Permanent, ErrorCode: "address", Error: $"Alamat email tujuan tidak valid: {message.To}");
        mail.To.Add(to);
        mail.Subject = message.Subject;
        var body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html };
        foreach (var attachment in message.Attachments)
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        mail.Body = body.ToMessageBody();

        using var client = new SmtpClient
        {
            ServerCertificateValidationCallback = (_, certificate, _, errors) =>
                CertificatePinning.IsTrusted(settings.SmtpCertificateFingerprint, certificate, errors),
        };
        try
        {
            await client.ConnectAsync(settings.SmtpHost, settings.SmtpPort,
                settings.SmtpSslOnConnect ? SecureSocketOptions.SslOnConnect : StartTlsPolicy(settings.SmtpHost), cancellationToken);
            if (!string.IsNullOrEmpty(settings.SmtpUser) && settings.SmtpPasswordEncrypted is { } password)
                await client.AuthenticateAsync(settings.SmtpUser, secrets.Unprotect(SecretKind.NotificationCredential, password), cancellationToken);
            var reply = await client.SendAsync(mail, cancellationToken);
            await client.DisconnectAsync(true, cancellationToken);
            return SendResult.Sent(mail.MessageId ?? reply);
        }
        catch (SmtpCommandException exception) when (exception.StatusCode is SmtpStatusCode.MailboxUnavailable or SmtpStatusCode.MailboxNameNotAllowed)
        {
            return new SendResult(SendOutcome.Permanent, ErrorCode: ((int)exception.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), Error: $"Server email menolak alamat: {exception.Message}");
        }
        catch (AuthenticationException exception)
        {
            return new SendResult(SendOutcome.Permanent, ErrorCode: "auth", Error: $"Login SMTP ditolak: {exception.Message}");
        }
        catch (Exception exception) when (exception is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or IOException or System.Net.Sockets.SocketException or SslHandshakeException)
        {
            return new SendResult(SendOutcome.Transient, ErrorCode: "smtp", Error: $"Server email tidak dapat dipakai saat ini: {exception.Message}");
        }
    }

    /// <summary>
    /// STARTTLS is required, except to a server on this machine (a local relay or a test sink): the
    /// mail never crosses a network there, so STARTTLS is used when offered and plain SMTP otherwise.
    /// </summary>
    private static SecureSocketOptions StartTlsPolicy(string host) =>
        host is "127.0.0.1" or "localhost" or "::1" ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.StartTls;
}
