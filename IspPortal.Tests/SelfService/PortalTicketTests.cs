using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Identity.Users;
using IspPortal.Core.SelfService;
using IspPortal.Core.Tickets;
using IspPortal.Core.Tickets.Chat;
using IspPortal.Infrastructure.StandIns.WhatsAppCloud;
using IspPortal.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.SelfService;

/// <summary>
/// A signed-in customer's tickets over HTTP on the real portal: opening one with a photo, the
/// conversation as the customer sees it beside the agents' chat, confirming and rating, and a second
/// customer who reaches none of it.
/// </summary>
public sealed class PortalTicketTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const string Category = "GANGGUAN";
    private WhatsAppCloudStandIn _whatsApp = default!;

    public async Task InitializeAsync()
    {
        _whatsApp = await SelfServicePortal.StartWhatsAppAsync(portal);
        await using var db = portal.Database.CreateDbContext();
        if (!await db.TicketCategories.AnyAsync(c => c.Code == Category))
        {
            db.TicketCategories.Add(new TicketCategory { Code = Category, Name = "Gangguan", Keywords = ["mati", "los"], DefaultPriority = TicketPriority.High, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
    }

    public async Task DisposeAsync() => await _whatsApp.DisposeAsync();

    [Fact]
    public async Task A_ticket_opened_with_a_photo_is_listed_and_its_conversation_shows_the_photo_but_never_an_internal_note()
    {
        var (customerId, client) = await CustomerAsync();
        var png = Png();

        using var opened = await client.PostAsJsonAsync("api/portal/tickets", new
        {
            category = Category.ToLowerInvariant(),
            description = "Internet mati sejak pagi.\nLampu LOS merah.",
            photos = new[] { new { fileName = "ont.png", contentBase64 = Convert.ToBase64String(png) } },
        });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var ticket = await opened.Content.ReadFromJsonAsync<JsonElement>();
        var number = ticket.GetProperty("number").GetString()!;
        Assert.Equal($"/api/portal/tickets/{number}", opened.Headers.Location?.OriginalString);
        Assert.Equal(("Gangguan: Internet mati sejak pagi.", "Gangguan", "dibuka"),
            (ticket.GetProperty("subject").GetString(), ticket.GetProperty("category").GetString(), ticket.GetProperty("statusText").GetString()));
        var ticketId = await TicketIdAsync(number);
        await using (var db = portal.Database.CreateDbContext())
        {
            var stored = await db.Tickets.SingleAsync(t => t.Id == ticketId);
            Assert.Equal((TicketChannel.CustomerPortal, TicketPriority.High, customerId), (stored.Channel, stored.Priority, stored.CustomerId));
            Assert.NotNull(stored.ResolutionDueAt);
            Assert.True(await db.OutboxMessages.AnyAsync(m => m.IdempotencyKey == $"ticket-opened:{number}:WhatsApp" && m.CustomerId == customerId));
            Assert.True(await db.SelfServiceActivities.AnyAsync(a => a.CustomerId == customerId && a.Action == SelfServiceAction.TicketOpened && a.Detail == number));
        }
        await using (var scope = portal.Services.CreateAsyncScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<AddInternalNote>().ExecuteAsync(ticketId, "Rahasia NOC: OLT port 3 rusak")).Succeeded);

        var listed = await client.GetFromJsonAsync<JsonElement>("api/portal/tickets");
        var detail = await client.GetFromJsonAsync<JsonElement>($"api/portal/tickets/{Uri.EscapeDataString(number)}");

        Assert.Contains(listed.EnumerateArray(), t => t.GetProperty("number").GetString() == number);
        var messages = detail.GetProperty("messages").EnumerateArray().ToList();
        Assert.DoesNotContain(messages, m => m.GetProperty("body").GetString()!.Contains("Rahasia", StringComparison.Ordinal));
        var first = Assert.Single(messages, m => m.GetProperty("author").GetString() == "customer");
        Assert.Equal("Internet mati sejak pagi.\nLampu LOS merah.", first.GetProperty("body").GetString());
        var url = first.GetProperty("attachment").GetProperty("url").GetString()!;
        using var photo = await client.GetAsync(url.TrimStart('/'));
        Assert.Equal((HttpStatusCode.OK, "image/png"), (photo.StatusCode, photo.Content.Headers.ContentType?.MediaType));
        var bytes = await photo.Content.ReadAsByteArrayAsync();
        Assert.Equal<byte>([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        Assert.Contains(messages, m => m.GetProperty("author").GetString() == "system" && m.GetProperty("body").GetString() == "Tiket dibuka");
    }

    [Fact]
    public async Task The_customers_message_reaches_the_agents_chat_live_and_an_agents_reply_reaches_the_customer()
    {
        var (customerId, client) = await CustomerAsync();
        var number = await OpenAsync(client, "Wifi lambat sekali di malam hari");
        var ticketId = await TicketIdAsync(number);
        var events = new ConcurrentQueue<TicketChatEvent>();
        using var subscription = portal.Services.GetRequiredService<ITicketChatBus>().Subscribe(events.Enqueue);

        using var sent = await client.PostAsJsonAsync($"api/portal/tickets/{number}/messages", new { text = "Sudah saya restart, masih lambat." });

        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        await Eventually.TrueAsync(() => events.Contains(new ChatMessageAdded(ticketId)));
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var agentsChat = await scope.ServiceProvider.GetRequiredService<TicketConversation>().LoadAsync(ticketId);
            Assert.Contains(agentsChat!.Items, i => i.Kind == ChatItemKind.Customer && i.Body == "Sudah saya restart, masih lambat.");
        }
        await using (var db = portal.Database.CreateDbContext())
            Assert.True(await db.SelfServiceActivities.AnyAsync(a => a.CustomerId == customerId && a.Action == SelfServiceAction.TicketMessage && a.Detail == number));

        await ReplyAsAgentAsync(ticketId, "Baik, teknisi kami cek jalur Anda hari ini.");
        var detail = await client.GetFromJsonAsync<JsonElement>($"api/portal/tickets/{number}");

        var reply = Assert.Single(detail.GetProperty("messages").EnumerateArray(), m => m.GetProperty("author").GetString() == "staff");
        Assert.Equal(("Baik, teknisi kami cek jalur Anda hari ini.", "Test Staff"), (reply.GetProperty("body").GetString(), reply.GetProperty("authorName").GetString()));
        Assert.Equal(1, detail.GetProperty("ticket").GetProperty("newReplies").GetInt32());
    }

    [Fact]
    public async Task A_resolved_ticket_is_confirmed_and_rated_once_each()
    {
        var (customerId, client) = await CustomerAsync();
        var number = await OpenAsync(client, "Internet mati total");
        var ticketId = await TicketIdAsync(number);
        Assert.True((await portal.Services.ChangeStatusAsync(ticketId, TicketAction.Resolve, "Konektor ONT diganti")).Succeeded);
        var awaiting = await client.GetFromJsonAsync<JsonElement>($"api/portal/tickets/{number}");
        Assert.True(awaiting.GetProperty("ticket").GetProperty("awaitsConfirmation").GetBoolean());
        Assert.Contains(awaiting.GetProperty("messages").EnumerateArray(), m => m.GetProperty("body").GetString() == "Status: selesai — Konektor ONT diganti");

        using var confirmed = await client.PostAsJsonAsync($"api/portal/tickets/{number}/confirmation", new { resolved = true });
        using var confirmedAgain = await client.PostAsJsonAsync($"api/portal/tickets/{number}/confirmation", new { resolved = true });
        using var rated = await client.PostAsJsonAsync($"api/portal/tickets/{number}/rating", new { stars = 5, comment = "Cepat, terima kasih" });
        using var ratedAgain = await client.PostAsJsonAsync($"api/portal/tickets/{number}/rating", new { stars = 1 });

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var afterConfirm = await confirmed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Closed", true), (afterConfirm.GetProperty("status").GetString(), afterConfirm.GetProperty("awaitsRating").GetBoolean()));
        Assert.Equal((HttpStatusCode.Conflict, "application/problem+json"), (confirmedAgain.StatusCode, confirmedAgain.Content.Headers.ContentType?.MediaType));
        Assert.Equal(HttpStatusCode.OK, rated.StatusCode);
        Assert.Equal(5, (await rated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rating").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, ratedAgain.StatusCode);
        await using var db = portal.Database.CreateDbContext();
        var ticket = await db.Tickets.SingleAsync(t => t.Id == ticketId);
        Assert.Equal((TicketStatus.Closed, 5, "Cepat, terima kasih"), (ticket.Status, ticket.Rating, ticket.RatingComment));
        var actions = await db.SelfServiceActivities.Where(a => a.CustomerId == customerId).Select(a => a.Action).ToListAsync();
        Assert.Contains(SelfServiceAction.TicketConfirmed, actions);
        Assert.Contains(SelfServiceAction.TicketRated, actions);
    }

    [Fact]
    public async Task Another_customer_cannot_list_read_write_answer_or_download_a_ticket_and_gets_the_404_of_a_missing_one()
    {
        var (_, owner) = await CustomerAsync();
        var (_, other) = await CustomerAsync();
        using var opened = await owner.PostAsJsonAsync("api/portal/tickets", new
        {
            description = "Kabel putus di depan rumah",
            photos = new[] { new { fileName = "kabel.png", contentBase64 = Convert.ToBase64String(Png()) } },
        });
        var number = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;
        var detail = await owner.GetFromJsonAsync<JsonElement>($"api/portal/tickets/{number}");
        var url = detail.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("attachment")).Single(a => a.ValueKind != JsonValueKind.Null)
            .GetProperty("url").GetString()!.TrimStart('/');
        Assert.True((await portal.Services.ChangeStatusAsync(await TicketIdAsync(number), TicketAction.Resolve, "Kabel disambung")).Succeeded);

        var listed = await other.GetFromJsonAsync<JsonElement>("api/portal/tickets");
        using var read = await other.GetAsync($"api/portal/tickets/{number}");
        using var written = await other.PostAsJsonAsync($"api/portal/tickets/{number}/messages", new { text = "halo" });
        using var confirmed = await other.PostAsJsonAsync($"api/portal/tickets/{number}/confirmation", new { resolved = true });
        using var rated = await other.PostAsJsonAsync($"api/portal/tickets/{number}/rating", new { stars = 1 });
        using var downloaded = await other.GetAsync(url);
        using var missing = await other.GetAsync("api/portal/tickets/TKT-1901-999999");

        Assert.DoesNotContain(listed.EnumerateArray(), t => t.GetProperty("number").GetString() == number);
        HttpResponseMessage[] refused = [read, written, confirmed, rated, downloaded, missing];
        Assert.All(refused, r => Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"), (r.StatusCode, r.Content.Headers.ContentType?.MediaType)));
        var details = new List<string?>();
        foreach (var response in new[] { missing, read, written, confirmed, rated })
            details.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Single(details.Distinct());
        await using var db = portal.Database.CreateDbContext();
        var ticket = await db.Tickets.SingleAsync(t => t.Number == number);
        Assert.Equal((TicketStatus.Resolved, (int?)null), (ticket.Status, ticket.Rating));
        Assert.False(await db.TicketComments.AnyAsync(c => c.TicketId == ticket.Id && c.Body == "halo"));
    }

    [Fact]
    public async Task A_fourth_photo_a_file_that_is_no_image_and_an_empty_description_are_400_problems_naming_the_field()
    {
        var (customerId, client) = await CustomerAsync();
        var photo = new { fileName = "a.png", contentBase64 = Convert.ToBase64String(Png()) };

        using var four = await client.PostAsJsonAsync("api/portal/tickets", new { description = "Internet mati", photos = new[] { photo, photo, photo, photo } });
        using var pdf = await client.PostAsJsonAsync("api/portal/tickets", new
        {
            description = "Internet mati",
            photos = new[] { new { fileName = "foto.jpg", contentBase64 = Convert.ToBase64String("%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF"u8.ToArray()) } },
        });
        using var empty = await client.PostAsJsonAsync("api/portal/tickets", new { description = "   " });
        using var notBase64 = await client.PostAsJsonAsync("api/portal/tickets", new { description = "Internet mati", photos = new[] { new { fileName = "x.png", contentBase64 = "@@@" } } });

        await AssertProblemAsync(four, "photos");
        await AssertProblemAsync(pdf, "photos[0]");
        await AssertProblemAsync(empty, "description");
        await AssertProblemAsync(notBase64, "photos[0]");
        await using var db = portal.Database.CreateDbContext();
        Assert.False(await db.Tickets.AnyAsync(t => t.CustomerId == customerId));
    }

    [Fact]
    public async Task A_closed_ticket_refuses_new_messages_with_409()
    {
        var (_, client) = await CustomerAsync();
        var number = await OpenAsync(client, "Minta pindah lokasi router");
        var ticketId = await TicketIdAsync(number);
        Assert.True((await portal.Services.ChangeStatusAsync(ticketId, TicketAction.Resolve, "Sudah dipindah")).Succeeded);
        Assert.True((await portal.Services.ChangeStatusAsync(ticketId, TicketAction.Close)).Succeeded);

        using var sent = await client.PostAsJsonAsync($"api/portal/tickets/{number}/messages", new { text = "Terima kasih" });

        Assert.Equal((HttpStatusCode.Conflict, "application/problem+json"), (sent.StatusCode, sent.Content.Headers.ContentType?.MediaType));
        var detail = await client.GetFromJsonAsync<JsonElement>($"api/portal/tickets/{number}");
        Assert.False(detail.GetProperty("ticket").GetProperty("writable").GetBoolean());
    }

    [Fact]
    public async Task A_ticket_can_be_opened_with_a_multipart_form_and_its_photo_is_kept_without_metadata()
    {
        var (_, client) = await CustomerAsync();
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Internet putus"), "description" },
        };
        var file = new ByteArrayContent(Png());
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "photos", "rumah.png");

        using var opened = await client.PostAsync(new Uri("api/portal/tickets", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var number = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;
        await using var db = portal.Database.CreateDbContext();
        var comment = await db.TicketComments.SingleAsync(c => c.Ticket!.Number == number);
        Assert.Equal((CommentAuthor.Customer, "rumah.png", "image/png"), (comment.AuthorKind, comment.AttachmentName, comment.AttachmentContentType));
    }

    private async Task<(int CustomerId, HttpClient Client)> CustomerAsync()
    {
        int customerId;
        string phone;
        await using (var db = portal.Database.CreateDbContext())
        {
            (customerId, _) = await QrisBilling.InvoiceAsync(db, 150_000m);
            phone = await db.Customers.Where(c => c.Id == customerId).Select(c => c.Phone).SingleAsync();
        }
        var token = await SelfServicePortal.SignInAsync(portal, _whatsApp, phone, phone);
        return (customerId, SelfServicePortal.ClientFor(portal, token));
    }

    private static async Task<string> OpenAsync(HttpClient client, string description)
    {
        using var opened = await client.PostAsJsonAsync("api/portal/tickets", new { description });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        return (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;
    }

    private async Task<int> TicketIdAsync(string number)
    {
        await using var db = portal.Database.CreateDbContext();
        return await db.Tickets.Where(t => t.Number == number).Select(t => t.Id).SingleAsync();
    }

    private async Task ReplyAsAgentAsync(int ticketId, string text)
    {
        var userName = await portal.EnsureUserAsync(Roles.Staff);
        await using var scope = portal.Services.CreateAsyncScope();
        var agent = await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByNameAsync(userName);
        scope.ServiceProvider.GetRequiredService<CarriedActor>().Actor = Actor.For(agent!.Id, userName, [Roles.Staff]);
        var reply = await scope.ServiceProvider.GetRequiredService<SendTicketReply>().ExecuteAsync(new TicketReplyInput(ticketId, text, Guid.NewGuid().ToString("N")));
        Assert.True(reply.Succeeded, reply.FirstError);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"No error for {field}: {problem}");
    }

    private static byte[] Png()
    {
        using var image = new ImageMagick.MagickImage(ImageMagick.MagickColors.Orange, 16, 10) { Format = ImageMagick.MagickFormat.Png };
        return image.ToByteArray();
    }
}
