using IspPortal.Core.Common;
using IspPortal.Core.Tickets;
using IspPortal.Core.Tickets.Chat;
using IspPortal.Core.Tickets.Lifecycle;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.SelfService.Tickets;

/// <summary>A photo the customer picked; the store reads it to the end and decides whether it is one.</summary>
public sealed record PortalPhoto(string FileName, Stream Content)
{
    /// <summary>A phone photo; a page refuses larger files before it reads them.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;
}

/// <summary>
/// A signed-in customer reports a problem: a ticket on the customer portal channel, in the category
/// they picked (else the keyword rules pick, as for every channel) with its SLA, their description as
/// their first message in the agents' chat and up to <see cref="MaxPhotos"/> photos after it, the
/// <c>ticket_opened</c> notice with the ticket's link, and a line on the customer's timeline, in one
/// transaction. Photos are decoded and stored again without their metadata before it starts.
/// </summary>
public sealed class OpenCustomerTicket(IIspDbFactory dbs, OpenTicket open, ITicketAttachmentStore files, ITicketLinks links, ITicketChatBus chat, TimeProvider clock)
{
    public const int MaxPhotos = 3;
    public const int SubjectWords = 60;

    public async Task<Outcome<PortalTicketSummary>> ExecuteAsync(
        SelfServiceCaller caller, string? categoryCode, string? description, IReadOnlyList<PortalPhoto>? photos = null, CancellationToken cancellationToken = default)
    {
        var text = description?.Trim() ?? "";
        var code = categoryCode?.Trim() ?? "";
        photos ??= [];
        var errors = new FieldErrors()
            .When(text.Length == 0, "Description", "Ceritakan masalah Anda.")
            .When(text.Length > Ticket.DescriptionMaxLength, "Description", $"Cerita masalah paling banyak {Ticket.DescriptionMaxLength} karakter.")
            .When(!SafeText.IsAcceptable(text, multiLine: true), "Description", SafeText.RefusedMessage)
            .When(code.Length > TicketCategory.CodeMaxLength || !SafeText.IsAcceptable(code, multiLine: false), "Category", "Kategori tidak ditemukan.")
            .When(photos.Count > MaxPhotos, "Photos", $"Paling banyak {MaxPhotos} foto.");
        if (errors.Any)
            return Outcome.Refused<PortalTicketSummary>(errors);

        await using var db = await dbs.CreateAsync(cancellationToken);
        TicketCategory? category = null;
        if (code.Length > 0)
        {
            var upper = code.ToUpperInvariant();
            category = await db.TicketCategories.SingleOrDefaultAsync(c => c.IsActive && c.Code == upper, cancellationToken);
            if (category is null)
                return Outcome.Refused<PortalTicketSummary>("Category", "Kategori tidak ditemukan.");
        }
        var stored = new List<StoredAttachment>();
        for (var i = 0; i < photos.Count; i++)
        {
            var saved = await files.SaveImageAsync(photos[i].Content, photos[i].FileName, cancellationToken);
            if (!saved.Succeeded)
                errors.Add($"Photos[{i}]", saved.FirstError);
            else
                stored.Add(saved.Value!);
        }
        if (errors.Any)
            return Outcome.Refused<PortalTicketSummary>(errors);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ticket = await WriteAsync(db, caller, category, Subject(category, text), text, stored, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done((await CustomerTickets.FindAsync(db, caller, ticket.Number, cancellationToken))!);
    }

    /// <summary>
    /// The ticket of checked input in <paramref name="db"/>'s open transaction: its first messages, the
    /// <c>ticket_opened</c> notice and the timeline line, saved; the caller commits.
    /// </summary>
    internal async Task<Ticket> WriteAsync(IIspDb db, SelfServiceCaller caller, TicketCategory? category, string subject, string text,
        IReadOnlyList<StoredAttachment> stored, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var ticket = await open.CreateAsync(db, new TicketInput(caller.CustomerCode, subject, text, TicketChannel.CustomerPortal), caller.CustomerId, cancellationToken, category);
        ticket.RecordCustomerMessage(now);
        await db.SaveChangesAsync(cancellationToken);
        // One file per message, as e-mail intake does: the first rides with the description, the rest follow.
        db.TicketComments.Add(ChatInput.Attach(new TicketComment(ticket.Id, CommentAuthor.Customer, null, text, false, now), stored.Count > 0 ? stored[0] : null));
        foreach (var photo in stored.Skip(1))
            db.TicketComments.Add(ChatInput.Attach(new TicketComment(ticket.Id, CommentAuthor.Customer, null, "", false, now), photo));
        var contact = await db.Tickets.Where(t => t.Id == ticket.Id).Select(TicketContact.Projection).SingleAsync(cancellationToken);
        if (TicketNotices.Opened(contact, links.ForCustomer(ticket.Number, ticket.CustomerLinkVersion), now) is { } notice)
            db.OutboxMessages.Add(notice);
        db.SelfServiceActivities.Add(new SelfServiceActivity(caller.CustomerId, SelfServiceAction.TicketOpened, ticket.Number, null, now));
        await db.SaveChangesAsync(cancellationToken);
        await chat.PublishCustomerMessageAsync(db, ticket.Id, cancellationToken);
        return ticket;
    }

    /// <summary>"Gangguan: Internet mati sejak pagi, lampu LOS…": the category and the first words, cut at a word.</summary>
    public static string Subject(TicketCategory? category, string description)
    {
        var firstLine = SafeText.Clean(description.Split('\n', 2)[0].Replace('\t', ' ')).Trim();
        var words = firstLine.Length <= SubjectWords ? firstLine : Cut(firstLine);
        // A category's name and the cut description together stay far below Ticket.SubjectMaxLength.
        return category is null ? words : words.Length == 0 ? category.Name : $"{category.Name}: {words}";
    }

    private static string Cut(string text)
    {
        var space = text.LastIndexOf(' ', SubjectWords);
        var end = space > SubjectWords / 2 ? space : char.IsLowSurrogate(text[SubjectWords]) ? SubjectWords - 1 : SubjectWords;
        return text[..end].TrimEnd(' ', ',', '.', ';', ':') + "…";
    }
}
