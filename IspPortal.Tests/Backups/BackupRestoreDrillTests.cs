using System.Formats.Tar;
using IspPortal.Core.Billing.Documents;
using IspPortal.Infrastructure.Backups;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Backups;

/// <summary>
/// The restore drill on the demo ISP: back up, restore into a new empty database and new folders,
/// and the data, the files and an invoice PDF come back; damaged, foreign and non-empty targets refused.
/// </summary>
public sealed class BackupRestoreDrillTests(DemoPortalFactory portal, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<DemoPortalFactory>, IAsyncLifetime
{
    private readonly BackupScratch _scratch = new();
    private BackupFolders _source = null!;

    public Task InitializeAsync()
    {
        _source = new BackupFolders(Path.Combine(_scratch.Root, "source-backups"), portal.PhotoFolder, Path.Combine(portal.PhotoFolder, "tickets"), Path.Combine(portal.PhotoFolder, "receipts"),
            portal.Database.ConnectionString);
        Directory.CreateDirectory(Path.Combine(_source.Photos, "ab"));
        File.WriteAllBytes(Path.Combine(_source.Photos, "ab", "ktp-drill.jpg"), [0xFF, 0xD8, 0xFF, 1, 2, 3]);
        Directory.CreateDirectory(_source.TicketAttachments);
        File.WriteAllText(Path.Combine(_source.TicketAttachments, "drill.pdf"), "%PDF-1.4 drill");
        Directory.CreateDirectory(Path.Combine(_source.ExpenseReceipts, "2026"));
        File.WriteAllText(Path.Combine(_source.ExpenseReceipts, "2026", "kuitansi-drill.pdf"), "%PDF-1.4 kuitansi");
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => _scratch.CleanUpAsync();

    [Fact]
    public async Task A_backup_restores_into_a_new_empty_database_and_folders_with_equal_counts_and_files_and_invoices_render()
    {
        var backup = System.Diagnostics.Stopwatch.StartNew();
        var written = await BackupScratch.ArchivesFor(_source).WriteAsync("drill");
        backup.Stop();
        var archive = Path.Combine(_source.Backups, written.File);
        Assert.Equal(written.Sha256, await BackupManifest.Sha256Async(archive, default));
        var target = await _scratch.NewTargetAsync("target");

        var restore = System.Diagnostics.Stopwatch.StartNew();
        var manifest = await BackupScratch.RestoreFor(target).RestoreAsync(archive);
        restore.Stop();
        output.WriteLine($"demo: backup {backup.Elapsed.TotalSeconds:N1} s, archive {written.SizeBytes / 1024.0:N0} KiB, restore {restore.Elapsed.TotalSeconds:N1} s");

        Assert.Equal(BackupManifest.FormatName, manifest.Format);
        Assert.True(manifest.RowCounts["customers"] > 0 && manifest.RowCounts["invoices"] > 0);
        foreach (var (table, rows) in manifest.RowCounts)
            Assert.Equal((table, rows), (table, await BackupScratch.CountAsync(target.ConnectionString, $"SELECT count(*) FROM \"{table}\"")));
        var files = manifest.Parts.Where(p => p.Path != BackupManifest.DatabaseEntry).ToList();
        Assert.Contains(files, p => p.Path == "photos/ab/ktp-drill.jpg");
        Assert.Contains(files, p => p.Path == "ticket-attachments/drill.pdf");
        Assert.Contains(files, p => p.Path == "expense-receipts/2026/kuitansi-drill.pdf");
        foreach (var part in files)
        {
            var restored = target.TargetOf(part.Path)!;
            Assert.Equal(part.Sha256, await BackupManifest.Sha256Async(restored, default));
        }

        await using var services = CoreServices.Build(target.ConnectionString);
        await using var scope = services.CreateAsyncScope();
        await using var db = TestPostgres.CreateDbContext(target.ConnectionString);
        var invoice = await db.Invoices.OrderBy(i => i.Id).FirstAsync();
        var pdf = await scope.ServiceProvider.GetRequiredService<BillingDocuments>().InvoicePdfAsync(invoice.Id);
        Assert.NotNull(pdf);
        Assert.Contains(invoice.Number, await PdfText.ExtractAsync(pdf.Content), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restore_into_a_database_that_is_not_empty_is_refused_and_changes_nothing()
    {
        var written = await BackupScratch.ArchivesFor(_source).WriteAsync("non-empty");
        var archive = Path.Combine(_source.Backups, written.File);
        var target = await _scratch.NewTargetAsync("occupied");
        await BackupScratch.CountAsync(target.ConnectionString, "CREATE TABLE kept (id int); INSERT INTO kept VALUES (1); SELECT 1");

        var refused = await Assert.ThrowsAsync<RestoreRefusedException>(() => BackupScratch.RestoreFor(target).RestoreAsync(archive));

        Assert.Contains("not empty", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, await BackupScratch.CountAsync(target.ConnectionString, BackupScratch.TablesSql));
        Assert.Equal(1, await BackupScratch.CountAsync(target.ConnectionString, "SELECT count(*) FROM kept"));
        Assert.False(Directory.Exists(target.Photos) && Directory.EnumerateFiles(target.Photos, "*", SearchOption.AllDirectories).Any());
    }

    [Fact]
    public async Task A_damaged_archive_is_refused_before_anything_is_restored()
    {
        var written = await BackupScratch.ArchivesFor(_source).WriteAsync("damaged");
        var archive = Path.Combine(_source.Backups, written.File);
        var bytes = await File.ReadAllBytesAsync(archive);
        // Inside the dump's data: the first entry's header is 512 bytes (plus a PAX header), the dump follows.
        bytes[4096] ^= 0xFF;
        var damaged = Path.Combine(_scratch.Root, "damaged.tar");
        await File.WriteAllBytesAsync(damaged, bytes);
        var target = await _scratch.NewTargetAsync("after-damage");

        var refused = await Assert.ThrowsAsync<RestoreRefusedException>(() => BackupScratch.RestoreFor(target).RestoreAsync(damaged));

        Assert.Contains("damaged", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await BackupScratch.CountAsync(target.ConnectionString, BackupScratch.TablesSql));
        Assert.False(Directory.Exists(target.Photos) && Directory.EnumerateFiles(target.Photos).Any());
    }

    [Fact]
    public async Task A_tar_that_is_not_a_portal_backup_is_refused()
    {
        var foreign = Path.Combine(_scratch.Root, "foreign.tar");
        var content = Path.Combine(_scratch.Root, "database.dump");
        await File.WriteAllTextAsync(content, "not a dump");
        await using (var output = File.Create(foreign))
        await using (var tar = new TarWriter(output))
            await tar.WriteEntryAsync(content, BackupManifest.DatabaseEntry);
        var target = await _scratch.NewTargetAsync("foreign");

        var refused = await Assert.ThrowsAsync<RestoreRefusedException>(() => BackupScratch.RestoreFor(target).RestoreAsync(foreign));

        Assert.Contains("not a portal backup", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await BackupScratch.CountAsync(target.ConnectionString, BackupScratch.TablesSql));
    }
}
