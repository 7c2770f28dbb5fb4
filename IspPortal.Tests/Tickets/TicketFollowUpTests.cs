using System.Text.Json;
using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Notifications;
using IspPortal.Core.Notifications.Templates;
using IspPortal.Core.Tickets;
using IspPortal.Core.Tickets.Intake;
using IspPortal.Core.Tickets.Lifecycle;
using IspPortal.Core.Tickets.Sla;
using IspPortal.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Tickets;

/// <summary>
/// The end of a ticket's life on the clock: resolved → the customer is asked; "YA" or N quiet days →
/// verified and closed → a rating request; "BELUM" → back to work; a lone "4" after closing → the rating.
/// Escalations are told to the role's people.
/// </summary>
public sealed class TicketFollowUpTests(DatabaseFixture database) : TicketUseCaseTest(database), IClassFixture<DatabaseFixture>
{
    private const string Phone = "+6281234567890";

    [Fact]
    public async Task A_resolved_ticket_nobody_answers_asks_once_then_verifies_itself_closes_and_asks_for_a_rating()
    {
        var id = await OpenAndResolveAsync("Kabel drop di tiang diganti.");

        var first = await FollowUpAsync();
        var again = await FollowUpAsync();

        Assert.Equal((1, 0), (first.ResolvedNotices, again.ResolvedNotices));
        var asked = await SingleMessageAsync(NotificationEvents.TicketResolved.Key);
        Assert.Equal((NotificationChannel.WhatsApp, Phone), (asked.Channel, asked.Recipient));
        var values = JsonSerializer.Deserialize<Dictionary<string, string>>(asked.Parameters)!;
        Assert.Equal("Kabel drop di tiang diganti.", values["catatan"]);
        Assert.Equal("Budi Santoso", values["nama"]);
        Assert.Equal(new LinkTarget(await NumberAsync(id), 0), Services.GetRequiredService<ITicketLinks>().Read(values["link_tiket"].Split('/')[^1]));

        Clock.Advance(TimeSpan.FromDays(3) - TimeSpan.FromMinutes(1));
        Assert.Equal(0, (await FollowUpAsync()).AutoVerified);
        Clock.Advance(TimeSpan.FromMinutes(2));
        var later = await FollowUpAsync();

        Assert.Equal((1, 1, 1), (later.AutoVerified, later.Closed, later.RatingRequests));
        await using var db = Database.CreateDbContext();
        var ticket = await db.Tickets.Include(t => t.Activities).SingleAsync(t => t.Id == id);
        Assert.Equal(TicketStatus.Closed, ticket.Status);
        Assert.Contains(ticket.Activities, a => a.ToValue == nameof(TicketStatus.Verified) && a.ActorId == null && a.Note!.StartsWith("Otomatis", StringComparison.Ordinal));
        Assert.Equal(NotificationChannel.WhatsApp, (await SingleMessageAsync(NotificationEvents.TicketRatingRequest.Key)).Channel);
        Assert.Equal(0, (await FollowUpAsync()).RatingRequests);
    }

    [Fact]
    public async Task A_customer_who_answers_ya_closes_the_ticket_and_a_lone_four_later_is_its_rating_not_a_new_ticket()
    {
        var id = await OpenAndResolveAsync("Konektor ONT dibersihkan.");

        var confirmed = await ReceiveAsync("Ya, sudah normal");
        await FollowUpAsync();
        Clock.Advance(TimeSpan.FromHours(5));
        var rated = await ReceiveAsync("4 teknisinya ramah");

        Assert.Equal((id, id), (confirmed, rated));
        await using var db = Database.CreateDbContext();
        var ticket = await db.Tickets.SingleAsync(t => t.Id == id);
        Assert.Equal((TicketStatus.Closed, 4, "teknisinya ramah"), (ticket.Status, ticket.Rating, ticket.RatingComment));
        Assert.Equal(1, await db.Tickets.CountAsync());
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.Template == NotificationEvents.TicketRatingRequest.Key));
    }

    [Fact]
    public async Task A_customer_who_answers_belum_puts_the_ticket_back_in_progress_and_is_asked_again_after_the_next_fix()
    {
        var id = await OpenAndResolveAsync("Modem direstart dari jarak jauh.");
        await FollowUpAsync();

        Assert.Equal(id, await ReceiveAsync("Belum, masih putus-putus"));
        await using (var db = Database.CreateDbContext())
        {
            var ticket = await db.Tickets.Include(t => t.Activities).SingleAsync(t => t.Id == id);
            Assert.Equal((TicketStatus.InProgress, null), (ticket.Status, ticket.ResolvedAt));
            Assert.Contains(ticket.Activities, a => a.ToValue == nameof(TicketStatus.InProgress) && a.Note != null && a.Note.Contains("masih putus-putus", StringComparison.Ordinal));
        }
        Clock.Advance(TimeSpan.FromHours(2));
        await ResolveAsync(id, "ONT diganti baru.");

        Assert.Equal(1, (await FollowUpAsync()).ResolvedNotices);
        await using var after = Database.CreateDbContext();
        Assert.Equal(2, await after.OutboxMessages.CountAsync(m => m.Template == NotificationEvents.TicketResolved.Key));
    }

    [Fact]
    public async Task An_escalation_is_told_to_the_active_people_in_the_categorys_role_the_person_it_names_and_the_assignee_once()
    {
        await using (var scope = Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            foreach (var (name, role, email, phone, active) in new[]
                     {
                         ("noc-1", Roles.Noc, "noc1@isp.test", "+6281100000001", true),
                         ("noc-2", Roles.Noc, null, null, false),
                         ("tech-1", Roles.Technician, "tech1@isp.test", null, true),
                         ("owner", Roles.Manager, "owner@isp.test", null, true),
                     })
            {
                var user = new PortalUser { UserName = name, FullName = name, Email = email, PhoneNumber = phone, IsActive = active, CreatedAt = Clock.GetUtcNow() };
                Assert.True((await users.CreateAsync(user, PortalUsers.Password)).Succeeded);
                Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
            }
        }
        await using (var setup = Database.CreateDbContext())
        {
            var category = await setup.TicketCategories.SingleAsync(c => c.Code == "GANGGUAN");
            category.EscalationUserIdLevel1 = await setup.Users.Where(u => u.UserName == "owner").Select(u => u.Id).SingleAsync();
            await setup.SaveChangesAsync();
        }
        var id = await OpenAsync();
        await Services.AssignAsync(id, "tech-1");

        Clock.Advance(TimeSpan.FromMinutes(50));
        EscalationRunResult result;
        await using (var scope = Services.CreateAsyncScope())
            result = (await scope.ServiceProvider.GetRequiredService<EscalateTickets>().ExecuteAsync())!;

        Assert.Equal((1, 4), (result.Escalations, result.Notices));
        await using var db = Database.CreateDbContext();
        var notices = await db.OutboxMessages.Where(m => m.Template == NotificationEvents.TicketEscalated.Key).OrderBy(m => m.Recipient).ToListAsync();
        Assert.Equal(["+6281100000001", "noc1@isp.test", "owner@isp.test", "tech1@isp.test"], notices.Select(m => m.Recipient));
        Assert.NotNull((await db.TicketEscalations.SingleAsync(e => e.TicketId == id)).EscalatedToUserId);
        var values = JsonSerializer.Deserialize<Dictionary<string, string>>(notices[0].Parameters)!;
        Assert.Equal(("1", "mendekati batas respons pertama"), (values["level"], values["alasan"]));
        Assert.EndsWith($"/tickets/{id}", values["link_tiket"], StringComparison.Ordinal);
    }

    private async Task<int> OpenAsync() =>
        (await Services.OpenAsync(new TicketInput(TicketTestData.CustomerCode, "Internet mati", "", TicketChannel.Phone))).Id;

    private async Task<int> OpenAndResolveAsync(string note)
    {
        var id = await OpenAsync();
        await ResolveAsync(id, note);
        return id;
    }

    private async Task ResolveAsync(int id, string note)
    {
        await using var db = Database.CreateDbContext();
        var ticket = await db.Tickets.SingleAsync(t => t.Id == id);
        if (ticket.Status == TicketStatus.Open)
            ticket.MoveTo(TicketStatus.Assigned, null, Clock.GetUtcNow());
        if (ticket.Status == TicketStatus.Assigned)
            ticket.MoveTo(TicketStatus.InProgress, null, Clock.GetUtcNow());
        ticket.MoveTo(TicketStatus.Resolved, null, Clock.GetUtcNow(), note);
        await db.SaveChangesAsync();
    }

    /// <returns>The ticket the customer's WhatsApp message went to.</returns>
    private async Task<int> ReceiveAsync(string text)
    {
        long messageId;
        await using (var db = Database.CreateDbContext())
        {
            var message = new WhatsAppMessage(MessageDirection.Inbound, Phone, WhatsAppMessageType.Text, text, Clock.GetUtcNow(), $"wamid.{Guid.NewGuid():N}")
            {
                CustomerId = await db.Customers.Where(c => c.Code == TicketTestData.CustomerCode).Select(c => c.Id).SingleAsync(),
            };
            db.WhatsAppMessages.Add(message);
            await db.SaveChangesAsync();
            messageId = message.Id;
        }
        await using var scope = Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<WhatsAppTicketIntake>().ExecuteAsync(messageId)).Id;
    }

    private async Task<FollowUpResult> FollowUpAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<FollowUpTickets>().ExecuteAsync())!;
    }

    private async Task<OutboxMessage> SingleMessageAsync(string template)
    {
        await using var db = Database.CreateDbContext();
        return await db.OutboxMessages.SingleAsync(m => m.Template == template);
    }

    private async Task<string> NumberAsync(int id)
    {
        await using var db = Database.CreateDbContext();
        return await db.Tickets.Where(t => t.Id == id).Select(t => t.Number).SingleAsync();
    }
}
