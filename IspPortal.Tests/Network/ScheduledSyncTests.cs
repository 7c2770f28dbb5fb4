using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Network;
using IspPortal.Core.Network.Sync;
using IspPortal.Core.Settings;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Network;

public sealed class ScheduledSyncTests(DemoPortalFactory portal) : IClassFixture<DemoPortalFactory>
{
    [Fact]
    public async Task Only_one_instance_syncs_at_a_time()
    {
        await using var holder = portal.Database.CreateDbContext();
        await using var transaction = await holder.Database.BeginTransactionAsync();
        await using var scope = portal.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<IDatabaseLocks>().TryLockForTransactionAsync(holder, RunScheduledSync.LockName));

        var skipped = await scope.ServiceProvider.GetRequiredService<RunScheduledSync>().ExecuteAsync(force: true);

        Assert.Null(skipped);
    }

    [Fact]
    public async Task A_sync_runs_when_due_and_not_again_before_the_interval_from_settings()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var settings = scope.ServiceProvider.GetRequiredService<PortalSettings>();
        Assert.True((await settings.SaveAsync(new NetworkSettings { SyncIntervalMinutes = 5, SyncParallelism = 3 }, Actor.System)).Succeeded);
        var run = scope.ServiceProvider.GetRequiredService<RunScheduledSync>();

        var first = await run.ExecuteAsync(force: true);
        var tooSoon = await run.ExecuteAsync();

        // The demo's routers are not simulated in this portal: each sync reports them unreachable.
        Assert.NotNull(first);
        Assert.Equal(3, first.Failed);
        Assert.Null(tooSoon);
        await using var db = portal.Database.CreateDbContext();
        Assert.All(await db.Routers.ToListAsync(), r => Assert.Equal(IspPortal.Core.Network.RouterHealth.Down, r.Health));
        using var noc = await portal.SignInAsync(await portal.EnsureUserAsync(Roles.Noc));
        var page = await noc.GetStringAsync(new Uri("network/routers", UriKind.Relative));
        Assert.Contains("data-testid=\"unreachable\"", page, StringComparison.Ordinal);
        Assert.Contains("3 router tidak terjangkau", page, StringComparison.Ordinal);
    }
}
