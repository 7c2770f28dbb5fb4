using System.ComponentModel;
using IspPortal.Core.SelfService.Tickets;

namespace IspPortal.Web.Features.SelfService.Endpoints;

/// <param name="ContentBase64">The file's bytes in base64 (a <c>data:image/…;base64,</c> prefix is allowed), at most 5 MB decoded.</param>
public sealed record PortalPhotoUpload([property: DefaultValue("foto-ont.jpg")] string? FileName, string? ContentBase64);

public sealed record NewPortalTicketRequest(
    [property: Description("A category code from GET /api/portal/ticket-categories; leave it out to let the portal choose"), DefaultValue("GANGGUAN")] string? Category,
    [property: DefaultValue("Internet mati sejak pagi, lampu LOS merah.")] string? Description,
    [property: Description("Up to 3 JPEG, PNG or WebP photos")] IReadOnlyList<PortalPhotoUpload>? Photos);

public sealed record PortalMessageRequest([property: DefaultValue("Sudah saya restart, masih mati.")] string? Text, PortalPhotoUpload? Photo);

/// <param name="Comment">When not resolved: what is still wrong.</param>
public sealed record PortalConfirmationRequest(bool? Resolved, string? Comment);

public sealed record PortalRatingRequest([property: DefaultValue(5)] int? Stars, string? Comment);

public sealed record PortalTicketCategoryResponse(string Code, string Name);

/// <param name="Status">The lifecycle state (Open … Closed, Cancelled); <paramref name="StatusText"/> says it in the customer's words.</param>
/// <param name="NewReplies">Staff replies since the customer last wrote.</param>
public sealed record PortalTicket(
    string Number, string Subject, string? Category, string Status, string StatusText, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    bool AwaitsConfirmation, bool AwaitsRating, int? Rating, int NewReplies, bool Writable)
{
    public static PortalTicket From(PortalTicketSummary t) => new(
        t.Number, t.Subject, t.CategoryName, t.Status.ToString(), t.StatusText, t.CreatedAt, t.UpdatedAt, t.AwaitsConfirmation, t.AwaitsRating, t.Rating, t.NewReplies, t.Writable);
}

/// <param name="Url">The download, for the ticket's customer only.</param>
public sealed record PortalMessageAttachment(string Url, string Name, string ContentType, long? Size);

/// <param name="Author">customer, staff or system.</param>
public sealed record PortalMessage(string Key, string Author, string? AuthorName, DateTimeOffset At, string Body, PortalMessageAttachment? Attachment);

/// <param name="Messages">Oldest first.</param>
public sealed record PortalTicketDetail(PortalTicket Ticket, string Description, IReadOnlyList<PortalMessage> Messages)
{
    public static PortalTicketDetail From(PortalConversation conversation) => new(
        PortalTicket.From(conversation.Ticket), conversation.Description,
        [.. conversation.Items.Select(i => new PortalMessage(i.Key, i.Author.ToString().ToLowerInvariant(), i.AuthorName, i.At, i.Body,
            i.Attachment is { } a ? new PortalMessageAttachment(PortalTicketEndpoints.AttachmentUrl(conversation.Ticket.Number, a.CommentId), a.Name, a.ContentType, a.Size) : null))]);
}

public sealed record PortalMessageSent(long Id);
