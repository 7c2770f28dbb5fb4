
namespace IspPortal.Core.Tickets.Intake;

/// <summary>An e-mail to the support address, as the mail relay delivered it (parsed from its raw MIME).</summary>
/// <param name="MessageId">Its Message-ID header, without angle brackets.</param>
/// <param name="ThreadIds">In-Reply-To and References: the messages it answers.</param>
/// <param name="Text">The plain text (or the HTML's text), not yet stripped of the quoted history.</param>
/// <param name="IsAutomatic">An auto-reply, bounce or list mail (Auto-Submitted, Precedence…): never a ticket, or two auto-responders would write to each other forever.</param>
public sealed record InboundEmail(
    string MessageId, IReadOnlyList<string> ThreadIds, string FromAddress, string? FromName, string Subject, string Text, bool IsAutomatic,
    IReadOnlyList<InboundEmailAttachment> Attachments);

public sealed record InboundEmailAttachment(string FileName, string ContentType, byte[] Content);

public enum EmailIntakeResult
{
    Opened,
    Joined,
    Duplicate,
    Ignored,
}

public sealed record EmailIntakeOutcome(EmailIntakeResult Result, int? TicketId, string? TicketNumber, string? Reason = null);
