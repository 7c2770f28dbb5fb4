using IspPortal.Core.Common;
using IspPortal.Core.Notifications;
using IspPortal.Core.Tickets.Chat;
using IspPortal.Core.Tickets.Lifecycle;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Tickets.Intake;

/// <summary>
/// Puts an inbound WhatsApp message on a ticket: the sender's ticket that is still open (by customer,
/// or by phone for a number no customer has) takes it, and a customer who answers a ticket waiting for
/// them moves it back to in progress; with none open, the message opens a ticket on the WhatsApp
/// channel. A short answer to a resolved ticket ("YA", "BELUM") or a lone 1–5 after a closed one is read as
/// the customer's confirmation or rating (<see cref="CustomerReplies"/>). Messages from one number take turns (advisory lock), so two arriving together open one ticket.
/// </summary>
[FeatureApi]
public sealed class WhatsAppTicketIntake(
    IIspDbFactory dbs, IDatabaseLocks locks, OpenTicket open, CustomerTicketAnswers answers, ITicketChatBus chat,
    TimeProvider clock)
{
    public const int SubjectLength = 80;

    /// <returns>The ticket the message is on.</returns>
    public async Task<Ticket> ExecuteAsync(long messageId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var phone = await db.WhatsAppMessages.Where(m => m.Id == messageId).Select(m => m.Phone).SingleAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await locks.LockForTransactionAsync(db, $"whatsapp-intake:{phone}", cancellationToken);
        var message = await db.WhatsAppMessages.SingleAsync(m => m.Id == messageId, cancellationToken);
        if (message.TicketId is { } already)
            return await db.Tickets.SingleAsync(t => t.Id == already, cancellationToken);

        var ticket = await db.Tickets
            .Where(t => !Ticket.Done.Contains(t.Status))
            .Where(t => message.CustomerId != null ? t.CustomerId == message.CustomerId : t.CustomerId == null && t.ContactPhone == phone)
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .FirstOrDefaultAsync(cancellationToken);
        var at = message.OccurredAt;
        if (await answers.TryWhatsAppReplyAsync(db, ticket, message.CustomerId, phone, message.Body, clock.GetUtcNow(), cancellationToken) is { } answered)
        {
            ticket = answered;
        }
        else if (ticket is null)
        {
            var text = (message.Body ?? "").Trim();
            var subject = text.Length == 0 ? "Pesan WhatsApp" : text.Length <= SubjectLength ? text : Common.SafeText.Clean(text[..SubjectLength]).TrimEnd() + "…";
            ticket = await open.CreateAsync(db, new TicketInput(null, subject, text, TicketChannel.WhatsApp,
                ContactName: message.CustomerId is null ? message.ContactName : null, ContactPhone: message.CustomerId is null ? phone : null), message.CustomerId, cancellationToken);
        }
        else if (ticket.Status == TicketStatus.WaitingForCustomer)
        {
            ticket.MoveTo(TicketStatus.InProgress, null, clock.GetUtcNow(), "Pelanggan membalas lewat WhatsApp.");
        }
        ticket.RecordCustomerMessage(at);
        await db.SaveChangesAsync(cancellationToken);
        message.TicketId = ticket.Id;
        await db.SaveChangesAsync(cancellationToken);
        await chat.PublishCustomerMessageAsync(db, ticket.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ticket;
    }
}
