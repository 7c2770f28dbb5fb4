using System.Diagnostics;
using IspPortal.Infrastructure.Backups;
using IspPortal.Tests.Support;

namespace IspPortal.Tests.Backups;

/// <summary><c>dotnet IspPortal.Web.dll restore --archive PATH</c> as a real process.</summary>
public sealed class RestoreCommandTests(DatabaseFixture source) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private readonly BackupScratch _scratch = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _scratch.CleanUpAsync();

    [Fact]
    public async Task The_verb_restores_into_an_empty_database_and_then_refuses_to_restore_over_it()
    {
        var folders = new BackupFolders(Path.Combine(_scratch.Root, "backups"), Path.Combine(_scratch.Root, "photos"), Path.Combine(_scratch.Root, "attachments"), Path.Combine(_scratch.Root, "receipts"),
            source.ConnectionString);
        var written = await BackupScratch.ArchivesFor(folders).WriteAsync("verb");
        var target = await _scratch.NewTargetAsync("verb-target");

        var restored = await RunRestoreAsync(target, Path.Combine(folders.Backups, written.File));
        var again = await RunRestoreAsync(target, Path.Combine(folders.Backups, written.File));

        Assert.True(restored.ExitCode == 0, restored.Output);
        Assert.Equal(await BackupScratch.CountAsync(source.ConnectionString, BackupScratch.TablesSql), await BackupScratch.CountAsync(target.ConnectionString, BackupScratch.TablesSql));
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("not empty", again.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(new Npgsql.NpgsqlConnectionStringBuilder(target.ConnectionString).Password!, restored.Output + again.Output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunRestoreAsync(BackupFolders target, string archive)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "IspPortal.Web.dll"), "restore", "--archive", archive])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ConnectionStrings__Default"] = target.ConnectionString;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Storage__Photos"] = target.Photos;
        start.Environment["Storage__TicketAttachments"] = target.TicketAttachments;
        start.Environment["Storage__ExpenseReceipts"] = target.ExpenseReceipts;
        start.Environment["Backup__Folder"] = target.Backups;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
