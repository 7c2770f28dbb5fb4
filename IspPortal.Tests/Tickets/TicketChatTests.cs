using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Notifications;
using IspPortal.Core.Notifications.Sending;
using IspPortal.Core.Notifications.Templates;
using IspPortal.Core.Settings;
using IspPortal.Core.Tickets;
using IspPortal.Core.Tickets.Chat;
using IspPortal.Infrastructure.StandIns.WhatsAppCloud;
using IspPortal.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Tickets;

/// <summary>The ticket chat's use cases on PostgreSQL, sending through the Cloud API stand-in on a manual clock.</summary>
[SuppressMessage("Reliability", "CA1001", Justification = "Disposed in DisposeAsync (xunit IAsyncLifetime).")]
public sealed class TicketChatTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private const string Token = "chat-standin-token";
    private const string Phone = "+6281234567890";
    // 10:00 WIB on a Tuesday.
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero));
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ispportal-chat-tests", Guid.NewGuid().ToString("N"));
    private ServiceProvider _services = default!;
    private WhatsAppCloudStandIn _standIn = default!;
    private readonly List<IServiceScope> _scopes = [];
    private Guid _agent;

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        _services = CoreServices.Build(database.ConnectionString, _clock, _folder);
        await TicketTestData.SeedAsync(database, _clock);
        _standIn = await WhatsAppCloudStandIn.StartAsync(Token);
        await using var scope = _services.CreateAsyncScope();
        var protector = _services.GetRequiredService<ISecretProtector>();
        var settings = scope.ServiceProvider.GetRequiredService<PortalSettings>();
        Assert.True((await settings.SaveAsync(WhatsAppWebhookSetup.CloudApiStandIn(protector, _standIn, Token), Actor.System)).Succeeded);
        var agent = new PortalUser { UserName = "agen", FullName = "Agen Satu", CreatedAt = _clock.GetUtcNow() };
        Assert.True((await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().CreateAsync(agent, "Rahasia#2025")).Succeeded);
        _agent = agent.Id;
        _services.GetRequiredService<TestActor>().Current = Actor.For(agent.Id, "agen", [Roles.Staff]);
    }

    public async Task DisposeAsync()
    {
        foreach (var scope in _scopes)
            scope.Dispose();
        await _standIn.DisposeAsync();
        await _services.DisposeAsync();
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_reply_inside_the_window_goes_as_text_is_sent_by_the_dispatcher_and_stops_the_first_response_clock()
    {
        var ticketId = await OpenAsync();
        await CustomerWroteAsync(_clock.GetUtcNow().AddHours(-2));

        var sent = await ReplyAsync(ticketId, "Baik Pak, teknisi kami cek sekarang.", "k-1");
        var dispatched = await DispatchAsync();

        Assert.False(sent.AsTemplate);
        Assert.Equal(1, dispatched.Sent);
        var received = Assert.Single(_standIn.Received);
        Assert.Equal(("6281234567890", "text", "Baik Pak, teknisi kami cek sekarang."), (received.To, received.Type, received.Text));
        await using var db = database.CreateDbContext();
        var message = await db.WhatsAppMessages.SingleAsync(m => m.Id == sent.WhatsAppMessageId);
        Assert.Equal((WhatsAppMessageStatus.Sent, received.Wamid, ticketId, _agent), (message.Status, message.ProviderMessageId, message.TicketId, message.SentById));
        var comment = await db.TicketComments.SingleAsync(c => c.Id == sent.CommentId);
        Assert.Equal((CommentAuthor.Agent, false, sent.WhatsAppMessageId), (comment.AuthorKind, comment.IsInternal, comment.WhatsAppMessageId));
        Assert.Equal(_clock.GetUtcNow(), (await db.Tickets.SingleAsync(t => t.Id == ticketId)).FirstRespondedAt);
        var conversation = await Use<TicketConversation>().LoadAsync(ticketId);
        var shown = Assert.Single(conversation!.Items, i => i.Kind == ChatItemKind.Agent);
        Assert.Equal(("Baik Pak, teknisi kami cek sekarang.", WhatsAppMessageStatus.Sent, "Agen Satu"), (shown.Body, shown.Delivery, shown.Author));
        Assert.True(conversation.Ticket.WindowOpen);
    }

    [Fact]
    public async Task Outside_the_window_the_reply_is_queued_and_sent_as_the_ticket_update_template()
    {
        var ticketId = await OpenAsync();
        await CustomerWroteAsync(_clock.GetUtcNow().AddHours(-30));
        await using (var scope = _services.CreateAsyncScope())
        {
            var templates = scope.ServiceProvider.GetRequiredService<NotificationTemplates>();
            var template = (await templates.ListAsync()).Single(t => t.EventKey == NotificationEvents.TicketUpdate.Key && t.Channel == NotificationChannel.WhatsApp);
            Assert.True((await templates.SaveAsync(template with { WhatsAppTemplateName = "ticket_update_v1" })).Succeeded);
        }

        var sent = await ReplyAsync(ticketId, "Gangguan sudah kami perbaiki.", "k-2");
        await DispatchAsync();

        Assert.True(sent.AsTemplate);
        await using var db = database.CreateDbContext();
        var outbox = await db.OutboxMessages.SingleAsync(m => m.Id == sent.OutboxMessageId);
        Assert.Equal(NotificationEvents.TicketUpdate.Key, outbox.Template);
        var parameters = JsonSerializer.Deserialize<Dictionary<string, string>>(outbox.Parameters)!;
        Assert.Equal(("Budi Santoso", "Gangguan sudah kami perbaiki."), (parameters["nama"], parameters["pesan"]));
        var received = Assert.Single(_standIn.Received);
        Assert.Equal(("template", "ticket_update_v1"), (received.Type, received.TemplateName));
        Assert.Contains("Gangguan sudah kami perbaiki.", received.TemplateParameters);
        Assert.False((await Use<TicketConversation>().LoadAsync(ticketId))!.Ticket.WindowOpen);
    }

    [Fact]
    public async Task The_same_key_twice_writes_one_comment_and_one_outbox_message()
    {
        var ticketId = await OpenAsync();
        await CustomerWroteAsync(_clock.GetUtcNow().AddMinutes(-5));

        var both = await Task.WhenAll(
            Use<SendTicketReply>().ExecuteAsync(new TicketReplyInput(ticketId, "Sedang dicek", "double-click")),
            Use<SendTicketReply>().ExecuteAsync(new TicketReplyInput(ticketId, "Sedang dicek", "double-click")));
        var again = await ReplyAsync(ticketId, "Sedang dicek", "double-click");

        Assert.All(both, o => Assert.True(o.Succeeded, o.FirstError));
        Assert.True(again.AlreadySent);
        Assert.Equal(both[0].Value!.CommentId, again.CommentId);
        await using var db = database.CreateDbContext();
        Assert.Equal(1, await db.TicketComments.CountAsync(c => c.TicketId == ticketId));
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.IdempotencyKey.StartsWith(SendTicketReply.KeyPrefix)));
        Assert.Equal(1, await db.WhatsAppMessages.CountAsync(m => m.TicketId == ticketId && m.Direction == MessageDirection.Outbound));
    }

    [Fact]
    public async Task Empty_too_long_closed_and_phoneless_replies_are_refused_and_write_nothing()
    {
        var ticketId = await OpenAsync();
        int phoneless, closed;
        await using (var scope = _services.CreateAsyncScope())
        {
            var open = scope.ServiceProvider.GetRequiredService<OpenTicket>();
            phoneless = (await open.ExecuteAsync(new TicketInput(TicketTestData.CustomerCode, "Tamu di loket", "", TicketChannel.Web))).Value!.Id;
            closed = (await open.ExecuteAsync(new TicketInput(TicketTestData.CustomerCode, "Sudah beres", "", TicketChannel.Phone))).Value!.Id;
        }
        await using (var db = database.CreateDbContext())
        {
            // A walk-in who left no number: no customer on file, no contact phone.
            await db.Tickets.Where(t => t.Id == phoneless).ExecuteUpdateAsync(set => set.SetProperty(t => t.CustomerId, (int?)null).SetProperty(t => t.ContactName, "Tamu"));
            var ticket = await db.Tickets.SingleAsync(t => t.Id == closed);
            ticket.MoveTo(TicketStatus.Cancelled, null, _clock.GetUtcNow());
            await db.SaveChangesAsync();
        }
        var reply = Use<SendTicketReply>();

        var empty = await reply.ExecuteAsync(new TicketReplyInput(ticketId, "   ", "a"));
        var tooLong = await reply.ExecuteAsync(new TicketReplyInput(ticketId, new string('x', WhatsAppMessage.BodyMaxLength + 1), "b"));
        var onClosed = await reply.ExecuteAsync(new TicketReplyInput(closed, "Halo", "c"));
        var noPhone = await reply.ExecuteAsync(new TicketReplyInput(phoneless, "Halo", "d"));
        var noteOnClosed = await Use<AddInternalNote>().ExecuteAsync(closed, "catatan");

        Assert.Equal("Tulis pesan atau lampirkan berkas.", empty.Errors["Text"].Single());
        Assert.StartsWith("Pesan terlalu panjang", tooLong.Errors["Text"].Single());
        Assert.Contains("sudah ditutup", onClosed.FirstError);
        Assert.Contains("tidak punya nomor WhatsApp", noPhone.FirstError);
        Assert.False(noteOnClosed.Succeeded);
        await using var after = database.CreateDbContext();
        Assert.False(await after.TicketComments.AnyAsync());
        Assert.False(await after.OutboxMessages.AnyAsync());
        Assert.False(await after.WhatsAppMessages.AnyAsync(m => m.Direction == MessageDirection.Outbound));
    }

    [Fact]
    public async Task A_manager_who_only_reads_tickets_can_neither_reply_nor_note_nor_upload()
    {
        var ticketId = await OpenAsync();
        await CustomerWroteAsync(_clock.GetUtcNow().AddMinutes(-1));
        _services.GetRequiredService<TestActor>().Current = Actor.For(_agent, "manajer", [Roles.Manager]);
        byte[] pdf = [.. "%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF"u8];

        var reply = await Use<SendTicketReply>().ExecuteAsync(new TicketReplyInput(ticketId, "Halo dari manajer", "m1"));
        var note = await Use<AddInternalNote>().ExecuteAsync(ticketId, "catatan manajer", new ChatUpload("denah.pdf", pdf));
        var page = await Use<TicketConversation>().LoadAsync(ticketId);

        Assert.Equal(Actor.NotPermitted, reply.Errors[""].Single());
        Assert.Equal(Actor.NotPermitted, note.Errors[""].Single());
        Assert.NotNull(page);
        await using var db = database.CreateDbContext();
        Assert.False(await db.TicketComments.AnyAsync());
        Assert.False(await db.OutboxMessages.AnyAsync());
        Assert.False(Directory.Exists(_folder) && Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task A_note_is_internal_and_never_queued_and_an_exe_named_pdf_is_refused()
    {
        var ticketId = await OpenAsync();
        byte[] exe = [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00];
        byte[] pdf = [.. "%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8];

        var refused = await Use<AddInternalNote>().ExecuteAsync(ticketId, "lihat berkas", new ChatUpload("laporan.pdf", exe));
        var refusedReply = await Use<SendTicketReply>().ExecuteAsync(new TicketReplyInput(ticketId, "lihat", "x", new ChatUpload("laporan.pdf", exe)));
        var noted = await Use<AddInternalNote>().ExecuteAsync(ticketId, "ODP penuh, perlu tarik kabel baru", new ChatUpload("denah.pdf", pdf));

        Assert.Equal("Lampiran harus gambar (JPEG, PNG, WebP) atau PDF.", refused.Errors["Attachment"].Single());
        Assert.False(refusedReply.Succeeded);
        Assert.True(noted.Succeeded, noted.FirstError);
        await using var db = database.CreateDbContext();
        var note = await db.TicketComments.SingleAsync();
        Assert.Equal((true, "denah.pdf", "application/pdf", (long?)pdf.Length), (note.IsInternal, note.AttachmentName, note.AttachmentContentType, note.AttachmentSize));
        Assert.False(await db.OutboxMessages.AnyAsync());
        var stored = _services.GetRequiredService<ITicketAttachmentStore>().Open(note.AttachmentPath!);
        Assert.NotNull(stored);
        await using (stored.Content)
            Assert.Equal(pdf.Length, stored.Content.Length);
        var item = Assert.Single((await Use<TicketConversation>().LoadAsync(ticketId))!.Items, i => i.Kind == ChatItemKind.InternalNote);
        Assert.Equal(("denah.pdf", note.Id), (item.Attachment!.Name, item.Attachment.CommentId));
    }

    [Fact]
    public async Task A_file_on_a_reply_goes_as_a_document_with_the_cloud_api()
    {
        var ticketId = await OpenAsync();
        await CustomerWroteAsync(_clock.GetUtcNow().AddMinutes(-1));
        byte[] pdf = [.. "%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF"u8];

        var sent = await Use<SendTicketReply>().ExecuteAsync(new TicketReplyInput(ticketId, "Berikut jadwalnya", "file", new ChatUpload("jadwal.pdf", pdf)));
        await DispatchAsync();

        Assert.True(sent.Succeeded, sent.FirstError);
        Assert.False(sent.Value!.AttachmentAsName);
        var received = Assert.Single(_standIn.Received);
        Assert.Equal("jadwal.pdf", received.Document!.FileName);
        Assert.Equal(pdf, received.Document.Content);
    }

    [Fact]
    public async Task With_a_text_only_gateway_the_customer_gets_the_file_name_and_the_agent_is_told()
    {
        var ticketId = await OpenAsync();
        await CustomerWroteAsync(_clock.GetUtcNow().AddMinutes(-1));
        await using (var scope = _services.CreateAsyncScope())
        {
            var saved = await scope.ServiceProvider.GetRequiredService<PortalSettings>().SaveAsync(new NotificationSettings { WhatsAppProvider = WhatsAppProvider.HttpGateway }, Actor.System);
            Assert.True(saved.Succeeded, saved.FirstError);
        }
        byte[] pdf = [.. "%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF"u8];

        var sent = await Use<SendTicketReply>().ExecuteAsync(new TicketReplyInput(ticketId, "Berikut jadwalnya", "gateway", new ChatUpload("jadwal.pdf", pdf)));

        Assert.True(sent.Succeeded, sent.FirstError);
        Assert.True(sent.Value!.AttachmentAsName);
        await using var db = database.CreateDbContext();
        var outbox = await db.OutboxMessages.Include(m => m.Attachments).SingleAsync(m => m.Id == sent.Value.OutboxMessageId);
        Assert.Empty(outbox.Attachments);
        Assert.Equal("Berikut jadwalnya\n[Lampiran: jadwal.pdf]", JsonSerializer.Deserialize<Dictionary<string, string>>(outbox.Parameters)!["pesan"]);
        // Staff still have the file on the comment.
        Assert.Equal("jadwal.pdf", (await db.TicketComments.SingleAsync(c => c.Id == sent.Value.CommentId)).AttachmentName);
    }

    [Fact]
    public async Task The_conversation_pages_backwards_without_losing_or_repeating_a_message()
    {
        var ticketId = await OpenAsync();
        for (var i = 0; i < 60; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(i % 3 == 0 ? 0 : 1));
            Assert.True((await Use<AddInternalNote>().ExecuteAsync(ticketId, $"catatan {i}")).Succeeded);
        }
        var conversation = Use<TicketConversation>();

        var newest = await conversation.LoadAsync(ticketId);
        var older = await conversation.LoadAsync(ticketId, newest!.Items[0].Cursor);

        Assert.Equal(TicketConversation.PageSize, newest.Items.Count);
        Assert.True(newest.HasOlder);
        Assert.False(older!.HasOlder);
        var all = older.Items.Concat(newest.Items).ToList();
        Assert.Equal(all.Count, all.Select(i => i.Key).Distinct().Count());
        Assert.Equal([.. Enumerable.Range(0, 60).Select(i => $"catatan {i}")], all.Where(i => i.Kind == ChatItemKind.InternalNote).Select(i => i.Body).ToList());
        Assert.Equal("Tiket dibuka", all.First(i => i.Kind == ChatItemKind.System).Body);
    }

    [Fact]
    public async Task A_customer_message_is_unread_until_the_agent_opens_the_chat()
    {
        var ticketId = await OpenAsync();
        var reads = Use<TicketChatReads>();
        await using (var db = database.CreateDbContext())
        {
            var ticket = await db.Tickets.SingleAsync(t => t.Id == ticketId);
            ticket.RecordCustomerMessage(_clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        var before = await reads.UnreadCountAsync();
        _clock.Advance(TimeSpan.FromMinutes(1));
        await reads.MarkReadAsync(ticketId);
        await reads.MarkReadAsync(ticketId);
        var after = await reads.UnreadCountAsync();

        Assert.Equal((1, 0), (before, after));
    }

    [Fact]
    public async Task A_photo_from_the_customer_whose_media_was_not_kept_shows_as_an_attachment_from_the_customer()
    {
        var ticketId = await OpenAsync();
        await using (var db = database.CreateDbContext())
        {
            db.WhatsAppMessages.Add(new WhatsAppMessage(MessageDirection.Inbound, Phone, WhatsAppMessageType.Other, "[image]", _clock.GetUtcNow(), "wamid.PHOTO") { TicketId = ticketId });
            db.WhatsAppMessages.Add(new WhatsAppMessage(MessageDirection.Inbound, Phone, WhatsAppMessageType.Text, "Ini fotonya", _clock.GetUtcNow(), "wamid.TEXT") { TicketId = ticketId });
            await db.SaveChangesAsync();
        }

        var items = (await Use<TicketConversation>().LoadAsync(ticketId))!.Items.Where(i => i.Kind == ChatItemKind.Customer).ToList();

        Assert.Equal([("(lampiran dari pelanggan)", true), ("Ini fotonya", false)], items.Select(i => (i.Body, i.CustomerMedia)).ToList());
        Assert.All(items, i => Assert.Equal("Budi Santoso", i.Author));
    }

    [Fact]
    public async Task Typing_reaches_the_bus_at_most_once_every_two_seconds_per_ticket()
    {
        var typing = Use<SignalTyping>();

        var first = await typing.ExecuteAsync(1);
        var soon = await typing.ExecuteAsync(1);
        var otherTicket = await typing.ExecuteAsync(2);
        _clock.Advance(TicketChatTiming.TypingSignalEvery);
        var later = await typing.ExecuteAsync(1);

        Assert.Equal((true, false, true, true), (first, soon, otherTicket, later));
    }

    private async Task<int> OpenAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        var opened = await scope.ServiceProvider.GetRequiredService<OpenTicket>().ExecuteAsync(
            new TicketInput(TicketTestData.CustomerCode, "Internet mati", "Sejak pagi", TicketChannel.Phone));
        Assert.True(opened.Succeeded, opened.FirstError);
        return opened.Value!.Id;
    }

    private async Task CustomerWroteAsync(DateTimeOffset at)
    {
        await using var db = database.CreateDbContext();
        await db.Customers.Where(c => c.Phone == Phone).ExecuteUpdateAsync(set => set.SetProperty(c => c.LastInboundMessageAt, at.ToUniversalTime()));
    }

    private async Task<TicketReplySent> ReplyAsync(int ticketId, string text, string key)
    {
        var sent = await Use<SendTicketReply>().ExecuteAsync(new TicketReplyInput(ticketId, text, key));
        Assert.True(sent.Succeeded, sent.FirstError);
        return sent.Value!;
    }

    private async Task<DispatchSummary> DispatchAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DispatchOutbox>().RunOnceAsync();
    }

    /// <summary>A use case from a scope of its own, as a circuit or request gets it (the scope is left to the provider).</summary>
    private T Use<T>() where T : notnull
    {
        var scope = _services.CreateScope();
        _scopes.Add(scope);
        return scope.ServiceProvider.GetRequiredService<T>();
    }
}
