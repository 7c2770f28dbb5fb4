using IspPortal.Core.Common;
using IspPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Tickets.Lifecycle;

/// <summary>What the customer's ticket page shows.</summary>
public sealed record CustomerTicketView(
    string CompanyName, string Number, string Subject, TicketStatus Status, string CustomerName, DateTimeOffset CreatedAt, DateTimeOffset? ResolvedAt, string? ResolutionNote,
    int? Rating, bool MayConfirm, bool MayRate);

/// <summary>
/// The customer's side of a resolved ticket, from the public ticket page or a WhatsApp reply: confirm
/// the fix (verified, then closed, which asks for a rating), say it is not fixed (back in progress,
/// with their words as the note), or rate a closed ticket once. The customer acts as nobody: the
/// activities carry no user. The page's link opens nothing once revoked or
/// <see cref="TicketSettings.CustomerLinkDaysAfterClosed"/> after the ticket was closed. The
/// signed-in customer portal answers through the same rules.
/// </summary>
[FeatureApi]
public sealed class CustomerTicketAnswers(IIspDbFactory dbs, ITicketLinks links, PortalSettings settings, Chat.ITicketChatBus chat, TimeProvider clock)
{
    public const string LinkClosed = "Tautan tiket ini sudah tidak berlaku.";

    public async Task<LinkOpening<CustomerTicketView>> OpenAsync(string token, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var (state, number) = await JudgeAsync(db, token, cancellationToken);
        if (state != LinkState.Open)
            return LinkOpening.Closed<CustomerTicketView>(state);
        var view = await db.Tickets.AsNoTracking().Where(t => t.Number == number)
            .Select(t => new CustomerTicketView("", t.Number, t.Subject, t.Status,
                t.Customer != null ? t.Customer.FullName : t.ContactName ?? "Pelanggan", t.CreatedAt, t.ResolvedAt,
                t.Activities.Where(a => a.Kind == TicketActivityKind.StatusChanged && a.ToValue == nameof(TicketStatus.Resolved))
                    .OrderByDescending(a => a.OccurredAt).Select(a => a.Note).FirstOrDefault(),
                t.Rating, t.Status == TicketStatus.Resolved, false))
            .SingleAsync(cancellationToken);
        return LinkOpening.Open(view with
        {
            CompanyName = (await settings.GetAsync<CompanyProfile>(cancellationToken)).Name,
            MayRate = MayRate(view.Status, view.ResolvedAt, view.Rating),
        });
    }

    public async Task<Outcome<TicketStatus>> AnswerAsync(string token, bool isFixed, string? comment, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        return await AnswerAsync(db, await OpenTicketAsync(db, token, cancellationToken), LinkClosed, "halaman tiket", isFixed, comment, cancellationToken);
    }

    public async Task<Outcome<int>> RateAsync(string token, int stars, string? comment, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        return await RateAsync(db, await OpenTicketAsync(db, token, cancellationToken), LinkClosed, stars, comment, cancellationToken);
    }

    /// <summary>
    /// The customer confirms the fix of their resolved <paramref name="ticket"/> (tracked in
    /// <paramref name="db"/>) or says it is not fixed: saved, and the ticket's page told, on
    /// <paramref name="db"/>, so inside the caller's transaction when it opened one. The one rule for
    /// the ticket link and the signed-in portal.
    /// </summary>
    /// <param name="ticket">Null when the customer cannot reach it: refused with <paramref name="missing"/>.</param>
    /// <param name="via">Where the customer answered, for the note ("halaman tiket").</param>
    public async Task<Outcome<TicketStatus>> AnswerAsync(IIspDb db, Ticket? ticket, string missing, string via, bool isFixed, string? comment, CancellationToken cancellationToken)
    {
        if (!isFixed && comment is { Length: > TicketActivity.NoteMaxLength - 40 })
            return Outcome.Refused<TicketStatus>("Comment", $"Keterangan maksimal {TicketActivity.NoteMaxLength - 40} karakter.");
        if (ticket is null)
            return Outcome.Refused<TicketStatus>("", missing);
        if (ticket.Status != TicketStatus.Resolved)
            return Outcome.Refused<TicketStatus>("", "Tiket ini tidak sedang menunggu konfirmasi Anda.");
        Answer(ticket, isFixed ? new CustomerReply.Fixed() : new CustomerReply.NotFixed(comment?.Trim() ?? ""), via, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await chat.PublishAsync(db, new Chat.ChatTicketChanged(ticket.Id), cancellationToken);
        return Outcome.Done(ticket.Status);
    }

    /// <summary>The customer rates their solved <paramref name="ticket"/> once, 1–5; saved and published as <see cref="AnswerAsync(IIspDb, Ticket?, string, string, bool, string?, CancellationToken)"/>.</summary>
    public async Task<Outcome<int>> RateAsync(IIspDb db, Ticket? ticket, string missing, int stars, string? comment, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors()
            .When(stars is < 1 or > 5, "Rating", "Pilih nilai 1 sampai 5.")
            .When(comment is { Length: > TicketActivity.NoteMaxLength }, "Comment", $"Komentar maksimal {TicketActivity.NoteMaxLength} karakter.");
        if (errors.Any)
            return Outcome.Refused<int>(errors);
        if (ticket is null)
            return Outcome.Refused<int>("", missing);
        if (!MayRate(ticket.Status, ticket.ResolvedAt, ticket.Rating))
            return Outcome.Refused<int>("", ticket.Rating is null ? "Tiket ini belum bisa dinilai." : "Tiket ini sudah Anda nilai. Terima kasih.");
        ticket.Rate(stars, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await chat.PublishAsync(db, new Chat.ChatTicketChanged(ticket.Id), cancellationToken);
        return Outcome.Done(stars);
    }

    /// <summary>The number of the ticket a link opens; null when it no longer opens (revoked, expired, forged).</summary>
    public async Task<string?> OpenNumberAsync(string token, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var (state, number) = await JudgeAsync(db, token, cancellationToken);
        return state == LinkState.Open ? number : null;
    }

    /// <returns>The tracked ticket when the link still opens it.</returns>
    private async Task<Ticket?> OpenTicketAsync(IIspDb db, string token, CancellationToken cancellationToken)
    {
        var (state, number) = await JudgeAsync(db, token, cancellationToken);
        return state == LinkState.Open ? await db.Tickets.SingleAsync(t => t.Number == number, cancellationToken) : null;
    }

    private async Task<(LinkState State, string Number)> JudgeAsync(IIspDb db, string token, CancellationToken cancellationToken)
    {
        if (links.Read(token) is not { } target)
            return (LinkState.Unknown, "");
        var ticket = await db.Tickets.AsNoTracking().Where(t => t.Number == target.Number)
            .Select(t => new { t.Status, t.ClosedAt, t.CustomerLinkVersion })
            .SingleOrDefaultAsync(cancellationToken);
        if (ticket is null)
            return (LinkState.Unknown, "");
        var closedAt = ticket.Status is TicketStatus.Closed or TicketStatus.Cancelled ? ticket.ClosedAt : null;
        var days = (await settings.GetAsync<TicketSettings>(cancellationToken)).CustomerLinkDaysAfterClosed;
        return (CustomerLinkRules.Judge(target, ticket.CustomerLinkVersion, closedAt, days, clock.GetUtcNow()), target.Number);
    }

    /// <summary>
    /// A WhatsApp reply that answers the ticket it joined, or rates the sender's ticket closed within
    /// <see cref="TicketSettings.RatingReplyDays"/>; in the caller's transaction.
    /// </summary>
    /// <param name="joined">The open ticket the message joined; null when the sender has none open.</param>
    /// <returns>The ticket the reply answered; null when it is an ordinary message.</returns>
    public async Task<Ticket?> TryWhatsAppReplyAsync(IIspDb db, Ticket? joined, int? customerId, string phone, string? text, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (joined is not null)
        {
            if (joined.Status != TicketStatus.Resolved || CustomerReplies.ToResolvedTicket(text) is not { } reply)
                return null;
            Answer(joined, reply, "WhatsApp", at);
            return joined;
        }
        if (CustomerReplies.ToRatingRequest(text) is not { } rating)
            return null;
        var since = at.AddDays(-(await settings.GetAsync<TicketSettings>(cancellationToken)).RatingReplyDays);
        var closed = await db.Tickets
            .Where(t => t.Status == TicketStatus.Closed && t.ResolvedAt != null && t.Rating == null && t.ClosedAt > since)
            .Where(t => customerId != null ? t.CustomerId == customerId : t.CustomerId == null && t.ContactPhone == phone)
            .OrderByDescending(t => t.ClosedAt)
            .FirstOrDefaultAsync(cancellationToken);
        closed?.Rate(rating.Stars, rating.Comment, at);
        return closed;
    }

    /// <summary>A solved ticket (resolved, then verified or closed) that has no rating yet.</summary>
    public static bool MayRate(TicketStatus status, DateTimeOffset? resolvedAt, int? rating) =>
        rating is null && resolvedAt is not null && status is TicketStatus.Verified or TicketStatus.Closed;

    private static void Answer(Ticket ticket, CustomerReply reply, string via, DateTimeOffset at)
    {
        if (reply is CustomerReply.NotFixed notFixed)
        {
            var note = $"Pelanggan ({via}): masih bermasalah." + (notFixed.Text.Length > 0 ? " " + notFixed.Text : "");
            ticket.MoveTo(TicketStatus.InProgress, null, at, note.Length > TicketActivity.NoteMaxLength ? note[..TicketActivity.NoteMaxLength] : note);
            return;
        }
        ticket.MoveTo(TicketStatus.Verified, null, at, $"Pelanggan ({via}): sudah normal.");
        ticket.MoveTo(TicketStatus.Closed, null, at);
    }
}
