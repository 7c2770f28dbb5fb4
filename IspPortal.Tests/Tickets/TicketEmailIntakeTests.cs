using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using IspPortal.Core.Identity;
using IspPortal.Core.Notifications;
using IspPortal.Core.Notifications.Templates;
using IspPortal.Core.Tickets;
using IspPortal.Core.Tickets.Chat;
using Microsoft.Extensions.DependencyInjection;
using IspPortal.Tests.Support;
using IspPortal.Web.Features.Tickets.Endpoints;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using MimeKit.Utils;

namespace IspPortal.Tests.Tickets;

/// <summary>
/// The e-mail channel over real HTTP: raw MIME posted by the mail relay opens a ticket (and is answered
/// with its number), a reply naming the ticket joins it, a relay that posts twice stores it once,
/// auto-replies are ignored, and nobody joins someone else's ticket by copying its subject.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "Disposed in DisposeAsync (IAsyncLifetime).")]
public sealed class TicketEmailIntakeTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const string CustomerAddress = "budi.santoso@example.id";
    private HttpClient _api = default!;

    public async Task InitializeAsync()
    {
        await using (var db = portal.Database.CreateDbContext())
        {
            // xUnit makes a new instance per test on the one portal and database.
            if (!await db.Customers.AnyAsync(c => c.Code == TicketTestData.CustomerCode))
            {
                await TicketTestData.SeedAsync(portal.Database, TimeProvider.System);
                var customer = await db.Customers.SingleAsync(c => c.Code == TicketTestData.CustomerCode);
                customer.Email = CustomerAddress;
                await db.SaveChangesAsync();
            }
        }
        _api = await portal.CreateApiClientAsync(Permissions.TicketsWrite);
    }

    public Task DisposeAsync()
    {
        _api.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_new_mail_opens_a_ticket_for_the_customer_it_comes_from_answers_with_the_number_and_a_second_post_changes_nothing()
    {
        var mail = Mail("Budi <BUDI.Santoso@Example.ID>", "Internet mati sejak pagi", "Lampu LOS merah, sudah restart modem.");

        using var first = await PostAsync(mail);
        using var again = await PostAsync(mail);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var opened = (await first.Content.ReadFromJsonAsync<EmailIntakeResponse>())!;
        Assert.Equal(("Opened", "Duplicate"), (opened.Result, (await again.Content.ReadFromJsonAsync<EmailIntakeResponse>())!.Result));
        await using var db = portal.Database.CreateDbContext();
        var ticket = await db.Tickets.Include(t => t.Customer).Include(t => t.Category).SingleAsync(t => t.Id == opened.TicketId);
        Assert.Equal((TicketChannel.Email, TicketTestData.CustomerCode, "GANGGUAN"), (ticket.Channel, ticket.Customer!.Code, ticket.Category!.Code));
        Assert.Equal(1, await db.TicketComments.CountAsync(c => c.TicketId == ticket.Id && c.EmailMessageId == mail.MessageId));
        var answer = await db.OutboxMessages.SingleAsync(m => m.IdempotencyKey == $"ticket-opened:{ticket.Number}:{NotificationChannel.Email}");
        Assert.Equal((NotificationChannel.Email, CustomerAddress), (answer.Channel, answer.Recipient));
    }

    [Fact]
    public async Task A_mail_with_control_characters_is_kept_cleaned_instead_of_refused()
    {
        var mail = Mail("Budi <budi.santoso@example.id>", "Internet\u0001 mati", "Lampu LOS\0 merah\r\nsejak pagi\u0007.");

        using var response = await PostAsync(mail);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var opened = (await response.Content.ReadFromJsonAsync<EmailIntakeResponse>())!;
        await using var db = portal.Database.CreateDbContext();
        var ticket = await db.Tickets.SingleAsync(t => t.Id == opened.TicketId);
        Assert.Equal("Internet mati", ticket.Subject);
        var comment = await db.TicketComments.SingleAsync(c => c.TicketId == ticket.Id && c.EmailMessageId == mail.MessageId);
        Assert.Equal("Lampu LOS merah\nsejak pagi.", comment.Body.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task A_reply_naming_the_ticket_joins_it_without_the_quoted_history_and_wakes_a_ticket_waiting_for_the_customer()
    {
        var opened = await OpenAsync("tono@example.id", "Minta pindah paket");
        await using (var db = portal.Database.CreateDbContext())
        {
            var ticket = await db.Tickets.SingleAsync(t => t.Id == opened.TicketId);
            ticket.MoveTo(TicketStatus.Assigned, null, DateTimeOffset.UtcNow);
            ticket.MoveTo(TicketStatus.WaitingForCustomer, null, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        using var response = await PostAsync(Mail("tono@example.id", $"Re: [{opened.Number}] Minta pindah paket",
            "Paket 50 Mbps saja.\n\nPada Sen, 3 Feb 2025 pukul 10.00 Portal <cs@isp.test> menulis:\n> Paket apa yang diinginkan?"));

        var joined = (await response.Content.ReadFromJsonAsync<EmailIntakeResponse>())!;
        Assert.Equal(("Joined", opened.TicketId), (joined.Result, joined.TicketId));
        await using var after = portal.Database.CreateDbContext();
        Assert.Equal(TicketStatus.InProgress, (await after.Tickets.SingleAsync(t => t.Id == opened.TicketId)).Status);
        Assert.Contains(await after.TicketComments.Where(c => c.TicketId == opened.TicketId).Select(c => c.Body).ToListAsync(), b => b == "Paket 50 Mbps saja.");
    }

    [Fact]
    public async Task Copying_another_senders_ticket_number_opens_a_new_ticket_instead_of_joining_theirs()
    {
        var theirs = await OpenAsync("sari@example.id", "Tagihan dobel");

        var mine = await OpenAsync("orang.lain@example.id", $"Re: [{theirs.Number}] Tagihan dobel");

        Assert.NotEqual(theirs.TicketId, mine.TicketId);
        Assert.Equal("Opened", mine.Result);
    }

    [Fact]
    public async Task Auto_replies_and_html_only_mail_are_read_for_what_they_are()
    {
        var autoReply = Mail("robot@example.id", "Out of office", "Saya sedang cuti.");
        autoReply.Headers.Add("Auto-Submitted", "auto-replied");
        var html = new MimeMessage { Subject = "Wifi lemot", MessageId = MimeUtils.GenerateMessageId("example.id") };
        html.From.Add(MailboxAddress.Parse("html@example.id"));
        html.To.Add(MailboxAddress.Parse("cs@isp.test"));
        html.Body = new TextPart("html") { Text = "<html><head><style>p{color:red}</style></head><body><p>Wifi <b>lemot</b> &amp; sering putus</p></body></html>" };

        using var ignored = await PostAsync(autoReply);
        using var fromHtml = await PostAsync(html);

        Assert.Equal("Ignored", (await ignored.Content.ReadFromJsonAsync<EmailIntakeResponse>())!.Result);
        var opened = (await fromHtml.Content.ReadFromJsonAsync<EmailIntakeResponse>())!;
        await using var db = portal.Database.CreateDbContext();
        Assert.False(await db.Tickets.AnyAsync(t => t.ContactEmail == "robot@example.id"));
        Assert.Equal("Wifi lemot & sering putus", (await db.Tickets.SingleAsync(t => t.Id == opened.TicketId)).Description);
    }

    [Fact]
    public async Task A_pdf_attachment_is_kept_on_the_ticket_and_a_file_of_another_kind_is_named_as_not_kept()
    {
        var mail = Mail("dewi@example.id", "Bukti gangguan", "Terlampir hasil speedtest.");
        var body = new Multipart("mixed") { new TextPart("plain") { Text = "Terlampir hasil speedtest." } };
        body.Add(new MimePart("application", "pdf") { FileName = "speedtest.pdf", Content = new MimeContent(new MemoryStream("%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF"u8.ToArray())) });
        body.Add(new MimePart("application", "vnd.openxmlformats-officedocument.wordprocessingml.document") { FileName = "catatan.docx", Content = new MimeContent(new MemoryStream([1, 2, 3])) });
        mail.Body = body;

        using var response = await PostAsync(mail);

        var opened = (await response.Content.ReadFromJsonAsync<EmailIntakeResponse>())!;
        await using var db = portal.Database.CreateDbContext();
        var comment = await db.TicketComments.SingleAsync(c => c.TicketId == opened.TicketId);
        Assert.Equal(("speedtest.pdf", "application/pdf"), (comment.AttachmentName, comment.AttachmentContentType));
        Assert.Contains("catatan.docx", comment.Body, StringComparison.Ordinal);
        Assert.StartsWith("Terlampir hasil speedtest.", comment.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agents_reply_to_a_ticket_that_came_by_email_goes_back_by_email_with_the_number_in_the_subject_once()
    {
        var opened = await OpenAsync("rina@example.id", "Tidak bisa login wifi");
        var key = Guid.NewGuid().ToString("N");

        TicketReplySent first, again;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var send = scope.ServiceProvider.GetRequiredService<SendTicketReply>();
            first = (await send.ExecuteAsync(new TicketReplyInput(opened.TicketId!.Value, "Silakan coba password baru: cek SMS.", key))).Value!;
            again = (await send.ExecuteAsync(new TicketReplyInput(opened.TicketId.Value, "Silakan coba password baru: cek SMS.", key))).Value!;
        }

        Assert.Equal((first.CommentId, true, null), (again.CommentId, again.AlreadySent, first.WhatsAppMessageId));
        await using var db = portal.Database.CreateDbContext();
        var outbox = await db.OutboxMessages.SingleAsync(m => m.Id == first.OutboxMessageId);
        Assert.Equal((NotificationChannel.Email, "rina@example.id", NotificationEvents.TicketUpdate.Key), (outbox.Channel, outbox.Recipient, outbox.Template));
        Assert.Contains(opened.Number!, outbox.Parameters, StringComparison.Ordinal);
        Assert.Equal(first.OutboxMessageId, (await db.TicketComments.SingleAsync(c => c.Id == first.CommentId)).OutboxMessageId);
        await using var read = portal.Services.CreateAsyncScope();
        var conversation = await read.ServiceProvider.GetRequiredService<TicketConversation>().LoadAsync(opened.TicketId.Value);
        Assert.Equal("rina@example.id", conversation!.Ticket.ReplyEmail);
        Assert.Equal(WhatsAppMessageStatus.Queued, conversation.Items.Single(i => i.Kind == ChatItemKind.Agent).Delivery);
    }

    [Fact]
    public async Task The_endpoint_wants_raw_mime_and_a_key_that_may_write_tickets()
    {
        using var json = await _api.PostAsJsonAsync("api" + TicketEmailEndpoints.Route, new { from = "x@example.id" });
        using var anonymous = portal.CreateClient();
        using var noKey = await anonymous.PostAsync("api" + TicketEmailEndpoints.Route, Raw(Mail("x@example.id", "a", "b")));
        using var reader = await portal.CreateApiClientAsync(Permissions.TicketsRead);
        using var readOnly = await reader.PostAsync("api" + TicketEmailEndpoints.Route, Raw(Mail("x@example.id", "a", "b")));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal("application/problem+json", json.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, readOnly.StatusCode);
    }

    [Fact]
    public async Task A_mail_without_a_sender_is_refused_with_a_problem_naming_the_field_and_opens_nothing()
    {
        var anonymousMail = new MimeMessage { Subject = "Tanpa pengirim", MessageId = MimeUtils.GenerateMessageId("example.id") };
        anonymousMail.To.Add(MailboxAddress.Parse("cs@isp.test"));
        anonymousMail.Body = new TextPart("plain") { Text = "Halo" };
        await using var before = portal.Database.CreateDbContext();
        var tickets = await before.Tickets.CountAsync();

        using var response = await PostAsync(anonymousMail);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Alamat pengirim (From) tidak ada atau tidak valid.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var after = portal.Database.CreateDbContext();
        Assert.Equal(tickets, await after.Tickets.CountAsync());
        Assert.False(await after.TicketComments.AnyAsync(c => c.EmailMessageId == anonymousMail.MessageId));
    }

    private async Task<EmailIntakeResponse> OpenAsync(string from, string subject)
    {
        using var response = await PostAsync(Mail(from, subject, "Mohon dibantu."));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<EmailIntakeResponse>())!;
    }

    private Task<HttpResponseMessage> PostAsync(MimeMessage mail) => _api.PostAsync("api" + TicketEmailEndpoints.Route, Raw(mail));

    private static MimeMessage Mail(string from, string subject, string text)
    {
        var mail = new MimeMessage { Subject = subject, MessageId = MimeUtils.GenerateMessageId("example.id") };
        mail.From.Add(MailboxAddress.Parse(from));
        mail.To.Add(MailboxAddress.Parse("cs@isp.test"));
        mail.Body = new TextPart("plain") { Text = text };
        return mail;
    }

    private static ByteArrayContent Raw(MimeMessage mail)
    {
        using var stream = new MemoryStream();
        mail.WriteTo(stream);
        var content = new ByteArrayContent(stream.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue(TicketEmailEndpoints.RawMessageType);
        return content;
    }
}
