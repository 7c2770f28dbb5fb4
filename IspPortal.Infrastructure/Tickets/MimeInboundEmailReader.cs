using System.Net;
using System.Security.Cryptography;
using System.Text;
using IspPortal.Core.Tickets.Intake;
using MimeKit;
using MimeKit.Text;

namespace IspPortal.Infrastructure.Tickets;

/// <summary>Reads a raw RFC 5322 message (what Postfix pipes, or a provider's "raw MIME" forward) into an <see cref="InboundEmail"/>.</summary>
public sealed class MimeInboundEmailReader : IInboundEmailReader
{
    private static readonly HashSet<HtmlTagId> LineBreaking = [HtmlTagId.Br, HtmlTagId.P, HtmlTagId.Div, HtmlTagId.LI, HtmlTagId.TR, HtmlTagId.H1, HtmlTagId.H2, HtmlTagId.H3, HtmlTagId.BlockQuote];

    public async Task<InboundEmail> ReadAsync(Stream raw, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await raw.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        using var message = await MimeMessage.LoadAsync(buffer, cancellationToken);
        var from = message.From.Mailboxes.FirstOrDefault();
        List<string> threadIds = [.. message.References];
        if (!string.IsNullOrWhiteSpace(message.InReplyTo))
            threadIds.Insert(0, message.InReplyTo);
        // Without a Message-ID, the same bytes posted twice still get one key.
        var messageId = string.IsNullOrWhiteSpace(message.MessageId)
            ? $"sha256-{Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()))}@ispportal"
            : message.MessageId;
        var attachments = new List<InboundEmailAttachment>();
        foreach (var part in message.Attachments.OfType<MimePart>())
        {
            using var content = new MemoryStream();
            if (part.Content is { } body)
                await body.DecodeToAsync(content, cancellationToken);
            attachments.Add(new InboundEmailAttachment(part.FileName ?? "lampiran", part.ContentType.MimeType, content.ToArray()));
        }
        return new InboundEmail(messageId, threadIds, from?.Address ?? "", string.IsNullOrWhiteSpace(from?.Name) ? null : from.Name,
            message.Subject ?? "", message.TextBody ?? TextOf(message.HtmlBody), IsAutomatic(message.Headers), attachments);
    }

    /// <summary>RFC 3834 Auto-Submitted, the older Precedence and X-Auto* conventions, and delivery reports.</summary>
    private static bool IsAutomatic(HeaderList headers) =>
        headers["Auto-Submitted"] is { Length: > 0 } submitted && !submitted.Trim().Equals("no", StringComparison.OrdinalIgnoreCase)
        || headers["Precedence"]?.Trim().ToLowerInvariant() is "bulk" or "junk" or "list" or "auto_reply"
        || headers.Contains("X-Autoreply") || headers.Contains("X-Autorespond") || headers.Contains("List-Id")
        || headers["Content-Type"]?.Contains("multipart/report", StringComparison.OrdinalIgnoreCase) == true;

    private static string TextOf(string? html)
    {
        if (string.IsNullOrEmpty(html))
            return "";
        var text = new StringBuilder();
        var tokenizer = new HtmlTokenizer(new StringReader(html));
        var hidden = 0;
        while (tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlTagToken tag when tag.Id is HtmlTagId.Style or HtmlTagId.Script or HtmlTagId.Head:
                    hidden += tag.IsEndTag ? -1 : tag.IsEmptyElement ? 0 : 1;
                    break;
                case HtmlTagToken tag when LineBreaking.Contains(tag.Id):
                    text.Append('\n');
                    break;
                case HtmlDataToken data when hidden <= 0:
                    text.Append(WebUtility.HtmlDecode(data.Data));
                    break;
            }
        }
        return string.Join('\n', text.ToString().Split('\n').Select(l => l.Trim())).Trim();
    }
}
