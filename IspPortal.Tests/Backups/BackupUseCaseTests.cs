using IspPortal.Core.Backups;
using IspPortal.Core.Identity;
using IspPortal.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Backups;

/// <summary>One run at a time, and who may start one.</summary>
public sealed class BackupUseCaseTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task While_a_run_is_running_another_is_refused_and_a_run_abandoned_long_ago_no_longer_blocks()
    {
        await database.ResetAsync();
        var clock = new ManualTimeProvider();
        await using var services = CoreServices.Build(database.ConnectionString, clock);
        await using var scope = services.CreateAsyncScope();
        var start = scope.ServiceProvider.GetRequiredService<StartBackup>();

        var first = await start.ExecuteAsync(BackupTrigger.Manual);
        var second = await start.ExecuteAsync(BackupTrigger.Schedule);
        clock.Advance(StartBackup.AbandonedAfter + TimeSpan.FromMinutes(1));
        var later = await start.ExecuteAsync(BackupTrigger.Manual);

        Assert.True(first.Succeeded, first.FirstError);
        Assert.Equal(StartBackup.AlreadyRunning, second.FirstError);
        Assert.True(later.Succeeded, later.FirstError);
        var runs = await scope.ServiceProvider.GetRequiredService<BackupRuns>().LatestAsync();
        Assert.Equal([BackupRunStatus.Running, BackupRunStatus.Failed], runs.Select(r => r.Status));
    }

    [Fact]
    public async Task Concurrent_starts_on_two_instances_start_one_run()
    {
        await database.ResetAsync();
        await using var one = CoreServices.Build(database.ConnectionString);
        await using var two = CoreServices.Build(database.ConnectionString);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
        {
            await using var scope = (i % 2 == 0 ? one : two).CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<StartBackup>().ExecuteAsync(BackupTrigger.Manual);
        }));

        Assert.Single(outcomes, o => o.Succeeded);
    }

    [Fact]
    public async Task A_failed_backup_opens_the_portals_alert_and_the_next_good_one_resolves_it()
    {
        await database.ResetAsync();
        var folder = Directory.CreateTempSubdirectory("ispportal-backup-alert-").FullName;
        try
        {
            var broken = await RunOnceAsync(folder, pgDump: Path.Combine(folder, "no-pg_dump"));
            var whileFailing = await OpenBackupAlertsAsync();
            var good = await RunOnceAsync(folder, pgDump: null);

            Assert.Equal(BackupRunStatus.Failed, broken);
            Assert.Equal(BackupRunStatus.Succeeded, good);
            Assert.Equal(1, whileFailing);
            Assert.Equal(0, await OpenBackupAlertsAsync());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_nightly_run_starts_once_at_2359_in_the_ISPs_time_and_again_the_next_night()
    {
        await database.ResetAsync();
        var folder = Directory.CreateTempSubdirectory("ispportal-backup-night-").FullName;
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 12, 5, 16, 58, 0, TimeSpan.Zero)); // 23:58 WIB
        try
        {
            await using var services = CoreServices.Build(database.ConnectionString, clock, Path.Combine(folder, "files"), new Dictionary<string, string?>
            {
                ["Backup:Folder"] = Path.Combine(folder, "archives"),
            });
            async Task<BackupRun?> TickAsync()
            {
                await using var scope = services.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<BackupSchedule>().ExecuteAsync();
            }

            var early = await TickAsync();
            clock.Advance(TimeSpan.FromMinutes(1));
            var atTime = await TickAsync();
            clock.Advance(TimeSpan.FromMinutes(1)); // 00:00, the next day
            var again = await TickAsync();
            clock.Advance(TimeSpan.FromDays(1) - TimeSpan.FromMinutes(2)); // 23:58
            var beforeNextNight = await TickAsync();
            clock.Advance(TimeSpan.FromMinutes(1));
            var nextNight = await TickAsync();

            Assert.Null(early);
            Assert.Equal((BackupRunStatus.Succeeded, BackupTrigger.Schedule), (atTime!.Status, atTime.Trigger));
            Assert.Null(again);
            Assert.Null(beforeNextNight);
            Assert.Equal(BackupRunStatus.Succeeded, nextNight!.Status);
            Assert.Equal(2, Directory.GetFiles(Path.Combine(folder, "archives"), "*.tar").Length);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<BackupRunStatus?> RunOnceAsync(string folder, string? pgDump)
    {
        await using var services = CoreServices.Build(database.ConnectionString, photoFolder: Path.Combine(folder, "files"), settings: new Dictionary<string, string?>
        {
            ["Backup:Folder"] = Path.Combine(folder, "archives"), ["Backup:PgDumpPath"] = pgDump,
        });
        await using var scope = services.CreateAsyncScope();
        var started = await scope.ServiceProvider.GetRequiredService<StartBackup>().ExecuteAsync(BackupTrigger.Manual);
        Assert.True(started.Succeeded, started.FirstError);
        return (await scope.ServiceProvider.GetRequiredService<RunBackup>().ExecuteAsync(started.Value!.Id))?.Status;
    }

    private async Task<int> OpenBackupAlertsAsync()
    {
        await using var db = database.CreateDbContext();
        return db.NetworkAlerts.Count(a => a.Kind == IspPortal.Core.Network.NetworkAlertKind.BackupFailed && a.ResolvedAt == null);
    }

    [Fact]
    public async Task A_user_without_backups_write_cannot_start_a_backup()
    {
        await database.ResetAsync();
        await using var services = CoreServices.Build(database.ConnectionString);
        services.GetRequiredService<TestActor>().Current = Actor.For(Guid.NewGuid(), "finance", [Roles.Finance]);
        await using var scope = services.CreateAsyncScope();

        var outcome = await scope.ServiceProvider.GetRequiredService<StartBackup>().ExecuteAsync(BackupTrigger.Manual);

        Assert.Equal(Actor.NotPermitted, outcome.FirstError);
    }
}
