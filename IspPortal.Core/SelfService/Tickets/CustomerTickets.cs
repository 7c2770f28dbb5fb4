using System.Linq.Expressions;
using IspPortal.Core.Common;
using IspPortal.Core.Tickets;
using IspPortal.Core.Tickets.Chat;
using IspPortal.Core.Tickets.Lifecycle;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.SelfService.Tickets;

public sealed record PortalTicketCategory(string Code, string Name);

/// <param name="StatusText">The status as the customer reads it ("sedang dikerjakan"), the words of the <c>ticket_update</c> message.</param>
/// <param name="UpdatedAt">The last change or message, the customer's own included.</param>
/// <param name="AwaitsConfirmation">Resolved: the customer is asked whether it is fixed.</param>
/// <param name="AwaitsRating">Solved and not rated yet.</param>
/// <param name="NewReplies">Staff replies since the customer last wrote (since it was opened, when they never did).</param>
public sealed record PortalTicketSummary(
    string Number, string Subject, string? CategoryName, TicketStatus Status, string StatusText, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    bool AwaitsConfirmation, bool AwaitsRating, int? Rating, int NewReplies)
{
    /// <summary>Messages may still be added (not closed or cancelled).</summary>
    public bool Writable => Status is not (TicketStatus.Closed or TicketStatus.Cancelled);
}

/// <summary>
/// The Tiket page's list and lookups: the caller's own tickets, whatever channel they came by. Every
/// lookup is by ticket number within the caller's customer (as printed, or with dashes for slashes),
/// so another customer's number answers exactly as one that does not exist.
/// </summary>
public sealed class CustomerTickets(IIspDbFactory dbs, CustomerTicketAnswers links)
{
    /// <summary>What every refusal says for a number the caller has no ticket with.</summary>
    public const string NotFound = "Tiket tidak ditemukan.";

    public const int MaxRows = 100;

    /// <summary>Newest first.</summary>
    public async Task<IReadOnlyList<PortalTicketSummary>> ListAsync(SelfServiceCaller caller, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var rows = await Summaries(db, db.Tickets.Where(t => t.CustomerId == caller.CustomerId)
                .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).Take(MaxRows))
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => r.ToSummary())];
    }

    /// <returns>Null when the caller has no ticket with that number.</returns>
    public async Task<PortalTicketSummary?> FindAsync(SelfServiceCaller caller, string number, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        return await FindAsync(db, caller, number, cancellationToken);
    }

    /// <summary>The ticket's id, to pick its events from the ticket chat feed (<see cref="ITicketChatBus"/>); null when the caller has no such ticket.</summary>
    public async Task<int?> TicketIdAsync(SelfServiceCaller caller, string number, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        return await Owned(db, caller, number).Select(t => (int?)t.Id).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The active categories a customer may pick when opening a ticket, in the settings' order.</summary>
    /// <summary>
    /// The caller's ticket a WhatsApp or e-mail link opens, so a signed-in customer who taps it lands in
    /// the portal's conversation; null for someone else's ticket or a link that no longer opens.
    /// </summary>
    public async Task<string?> NumberByLinkAsync(SelfServiceCaller caller, string token, CancellationToken cancellationToken = default)
    {
        if (await links.OpenNumberAsync(token, cancellationToken) is not { } number)
            return null;
        await using var db = await dbs.CreateAsync(cancellationToken);
        return await Owned(db, caller, number).AnyAsync(cancellationToken) ? number : null;
    }

    public async Task<IReadOnlyList<PortalTicketCategory>> CategoriesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        return await db.TicketCategories.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Select(c => new PortalTicketCategory(c.Code, c.Name)).ToListAsync(cancellationToken);
    }

    internal static async Task<PortalTicketSummary?> FindAsync(IIspDb db, SelfServiceCaller caller, string number, CancellationToken cancellationToken) =>
        (await Summaries(db, Owned(db, caller, number)).SingleOrDefaultAsync(cancellationToken))?.ToSummary();

    /// <summary>The caller's ticket with <paramref name="number"/> (as printed, or with dashes for slashes), tracked when the query is.</summary>
    internal static IQueryable<Ticket> Owned(IIspDb db, SelfServiceCaller caller, string? number)
    {
        var wanted = number?.Trim() ?? "";
        return db.Tickets.Where(t => t.CustomerId == caller.CustomerId && (t.Number == wanted || t.Number.Replace("/", "-") == wanted));
    }

    private static IQueryable<SummaryRow> Summaries(IIspDb db, IQueryable<Ticket> tickets) =>
        tickets.AsNoTracking().Select(Row(db));

    private static Expression<Func<Ticket, SummaryRow>> Row(IIspDb db) => t => new SummaryRow(
        t.Id, t.Number, t.Subject, t.Category != null ? t.Category.Name : null, t.Status, t.CreatedAt,
        t.LastCustomerMessageAt != null && t.LastCustomerMessageAt > t.UpdatedAt ? t.LastCustomerMessageAt.Value : t.UpdatedAt,
        t.ResolvedAt, t.Rating,
        db.TicketComments.Count(c => c.TicketId == t.Id && c.AuthorKind == CommentAuthor.Agent && !c.IsInternal
            && c.CreatedAt > (t.LastCustomerMessageAt ?? t.CreatedAt)));

    private sealed record SummaryRow(
        int Id, string Number, string Subject, string? CategoryName, TicketStatus Status, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
        DateTimeOffset? ResolvedAt, int? Rating, int NewReplies)
    {
        public PortalTicketSummary ToSummary() => new(Number, Subject, CategoryName, Status, TicketStatusText.Of(Status), CreatedAt, UpdatedAt,
            Status == TicketStatus.Resolved, CustomerTicketAnswers.MayRate(Status, ResolvedAt, Rating), Rating, NewReplies);
    }
}
