using IspPortal.Core.Billing.Documents;
using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Settings;
using IspPortal.Core.Tickets.Sla;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Tickets;

/// <param name="Priority">Null: the category's default, or medium when no category matches.</param>
public sealed record TicketInput(
    string? CustomerCode, string Subject, string Description, TicketChannel Channel, TicketPriority? Priority = null,
    string? ContactName = null, string? ContactPhone = null);

public sealed record OpenedTicket(int Id, string Number, TicketStatus Status, string? CategoryCode, TicketPriority Priority, DateTimeOffset? FirstResponseDueAt, DateTimeOffset? ResolutionDueAt);

/// <summary>
/// An agent logs a ticket (web form, a phone call) or a system hands one in (API). The keyword rules
/// pick its category, whose SLA targets in business hours (<see cref="BusinessClock"/>) set the first-
/// response and resolution deadlines; a ticket no rule matches waits for triage without deadlines.
/// Numbered per month without gaps, in the ticket's own transaction.
/// </summary>
public sealed class OpenTicket(IIspDbFactory dbs, IDocumentSequences sequences, PortalSettings settings, IspClock ispClock, ICurrentUser currentUser, TimeProvider clock)
{
    public static readonly TicketChannel[] AgentChannels = [TicketChannel.Web, TicketChannel.Phone, TicketChannel.WhatsApp, TicketChannel.Email];

    public async Task<Outcome<OpenedTicket>> ExecuteAsync(TicketInput input, CancellationToken cancellationToken = default)
    {
        var subject = input.Subject?.Trim() ?? "";
        var description = input.Description?.Trim() ?? "";
        var errors = new FieldErrors()
            .UnlessSafeText(input)
            .When(subject.Length is 0 or > Ticket.SubjectMaxLength, nameof(TicketInput.Subject), $"Judul wajib diisi (maks. {Ticket.SubjectMaxLength} karakter).")
            .When(description.Length > Ticket.DescriptionMaxLength, nameof(TicketInput.Description), $"Deskripsi paling banyak {Ticket.DescriptionMaxLength} karakter.")
            .When(!AgentChannels.Contains(input.Channel), nameof(TicketInput.Channel), "Kanal harus web, phone, whatsapp atau email.")
            .When(string.IsNullOrWhiteSpace(input.CustomerCode) && string.IsNullOrWhiteSpace(input.ContactPhone), nameof(TicketInput.CustomerCode),
                "Isi kode pelanggan, atau nomor telepon pelapor bila bukan pelanggan.")
            .When(input.ContactName?.Length > Ticket.ContactNameMaxLength, nameof(TicketInput.ContactName), $"Nama pelapor paling banyak {Ticket.ContactNameMaxLength} karakter.")
            .When(input.ContactPhone?.Length > Ticket.ContactMaxLength, nameof(TicketInput.ContactPhone), $"Telepon pelapor paling banyak {Ticket.ContactMaxLength} karakter.");
        if (errors.Any)
            return Outcome.Refused<OpenedTicket>(errors);

        await using var db = await dbs.CreateAsync(cancellationToken);
        int? customerId = null;
        if (!string.IsNullOrWhiteSpace(input.CustomerCode))
        {
            customerId = await db.Customers.Where(c => c.Code == input.CustomerCode.Trim()).Select(c => (int?)c.Id).SingleOrDefaultAsync(cancellationToken);
            if (customerId is null)
                return Outcome.Refused<OpenedTicket>(nameof(TicketInput.CustomerCode), $"Pelanggan {input.CustomerCode} tidak ditemukan.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ticket = await CreateAsync(db, input with { Subject = subject, Description = description }, customerId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done(new OpenedTicket(ticket.Id, ticket.Number, ticket.Status, ticket.Category?.Code, ticket.Priority, ticket.FirstResponseDueAt, ticket.ResolutionDueAt));
    }

    /// <summary>
    /// Triage, deadlines and a number for a checked ticket, added to <paramref name="db"/> in its open
    /// transaction (the number is reserved there); the caller saves.
    /// </summary>
    /// <param name="chosen">The active category the reporter picked (the customer portal); null: the keyword rules pick.</param>
    public async Task<Ticket> CreateAsync(IIspDb db, TicketInput input, int? customerId, CancellationToken cancellationToken, TicketCategory? chosen = null)
    {
        var category = chosen ?? TicketTriage.Categorise(await db.TicketCategories.Where(c => c.IsActive).ToListAsync(cancellationToken), input.Subject, input.Description);
        var priority = input.Priority ?? category?.DefaultPriority ?? TicketPriority.Medium;
        var actor = await currentUser.GetAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var today = await ispClock.TodayAsync(cancellationToken);
        var number = await sequences.NextNumberAsync(db, DocumentNumberFormat.TicketKind, Ticket.NumberFormat, today, cancellationToken);
        var ticket = new Ticket(number, customerId, input.Subject, input.Description, input.Channel, priority, now, actor.UserId)
        {
            ContactName = Blank(input.ContactName),
            ContactPhone = Blank(input.ContactPhone),
        };
        if (category is not null)
            await CategoriseAsync(ticket, category, priority, actor.UserId, now, cancellationToken);
        db.Tickets.Add(ticket);
        return ticket;
    }

    /// <summary>
    /// Puts <paramref name="ticket"/> in <paramref name="category"/> at <paramref name="priority"/>, with the
    /// category's SLA for that priority counted in business hours from when the ticket was opened.
    /// </summary>
    public async Task<TicketActivity> CategoriseAsync(Ticket ticket, TicketCategory category, TicketPriority priority, Guid? byUserId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var business = new BusinessClock(await settings.GetAsync<BusinessHoursSettings>(cancellationToken), await ispClock.ZoneAsync(cancellationToken));
        var (firstResponse, resolution) = category.SlaFor(priority);
        return ticket.Categorise(category, priority, business.AddBusinessMinutes(ticket.CreatedAt, (int)firstResponse.TotalMinutes),
            business.AddBusinessMinutes(ticket.CreatedAt, (int)resolution.TotalMinutes), byUserId, at);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
