using IspPortal.Core.Common;
using IspPortal.Core.Tickets;
using IspPortal.Core.Tickets.Chat;
using IspPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Tickets.Chat;

/// <summary>The download behind a chat attachment link: the stored file under the uploader's name, or nothing.</summary>
public sealed class TicketAttachmentDownloadTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero));
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ispportal-attachment-tests", Guid.NewGuid().ToString("N"));
    private ServiceProvider _services = default!;

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        _services = CoreServices.Build(database.ConnectionString, _clock, _folder);
        await TicketTestData.SeedAsync(database, _clock);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_message_with_a_file_opens_it_under_its_original_name_and_one_without_gives_nothing()
    {
        var ticket = await _services.OpenAsync(new TicketInput(TicketTestData.CustomerCode, "Internet mati", "Sejak pagi", TicketChannel.Phone));
        byte[] pdf = [.. "%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8];
        var fileComment = await NoteAsync(ticket.Id, "denah ODP", new ChatUpload("denah.pdf", pdf));
        var plainComment = await NoteAsync(ticket.Id, "tanpa berkas", null);

        var file = await _services.UseAsync<TicketAttachmentDownload, TicketAttachmentFile?>(d => d.OpenAsync(fileComment));
        var none = await _services.UseAsync<TicketAttachmentDownload, TicketAttachmentFile?>(d => d.OpenAsync(plainComment));
        var unknown = await _services.UseAsync<TicketAttachmentDownload, TicketAttachmentFile?>(d => d.OpenAsync(fileComment + 1000));

        Assert.NotNull(file);
        await using (file.Content)
            Assert.Equal(("denah.pdf", "application/pdf", (long)pdf.Length), (file.FileName, file.ContentType, file.Content.Length));
        Assert.Null(none);
        Assert.Null(unknown);
    }

    private async Task<long> NoteAsync(int ticketId, string text, ChatUpload? file)
    {
        var noted = await _services.UseAsync<AddInternalNote, Outcome<long>>(notes => notes.ExecuteAsync(ticketId, text, file));
        Assert.True(noted.Succeeded, noted.FirstError);
        return noted.Value;
    }
}
