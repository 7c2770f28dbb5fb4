
namespace IspPortal.Core.Tickets.Intake;

/// <summary>An e-mail to the support address, as the mail relay delivered it (parsed from its raw MIME).</summary>
/// <param name="MessageId">Its Message-ID header, without angle brackets.</param>
/// <param name="ThreadIds">In-Reply-To and References: the messages it answers.</param>
/// <param name="Text">The plain text (or the HTML's text), not yet stripped of the quoted history.</param>
/// <param name="IsAutomatic">An auto-reply, bounce or list mail (Auto-Submitted, Precedence…): never a ticket, or two auto-responders would write to each other forever.</param>
public sealed record InboundEmail(
    string MessageId, IReadOnlyList<string> ThreadIds, string FromAddress, string? FromName, string Subject, string Text, bool IsAutomatic,
    IReadOnlyList<InboundEmailAttachment> Attachments)
{
    /// <summary>
    /// The customer's mail must not be lost for a stray control character: every text is
    /// <see cref="Common.SafeText.Clean"/>ed (tab and line breaks kept), not refused.
    /// </summary>
    public InboundEmail Cleaned() => this with
    {
        MessageId = Common.SafeText.Clean(MessageId),
        ThreadIds = [.. ThreadIds.Select(Common.SafeText.Clean)],
        FromAddress = Common.SafeText.Clean(FromAddress),
        FromName = Common.SafeText.CleanOrNull(FromName),
        Subject = Common.SafeText.Clean(Subject),
        Text = Common.SafeText.Clean(Text),
        Attachments = [.. Attachments.Select(a => a with { FileName = Common.SafeText.Clean(a.FileName), ContentType = Common.SafeText.Clean(a.ContentType) })],
    };
}

public sealed record InboundEmailAttachment(string FileName, string ContentType, byte[] Content);

public enum EmailIntakeResult
{
    Opened,
    Joined,
    Duplicate,
    Ignored,
}

public sealed record EmailIntakeOutcome(EmailIntakeResult Result, int? TicketId, string? TicketNumber, string? Reason = null);
